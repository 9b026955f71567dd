namespace Samverka.Web.Features.Agreements;

/// <summary>A fact an agreement may state; the municipality says which it must state before a step.</summary>
public enum AgreementFact
{
    /// <summary>At least one goal. Always required before a proposal: an IOP is followed up by its goals.</summary>
    Goals,
    /// <summary>A non-profit party and a public party. Always required before a proposal.</summary>
    Parties,
    /// <summary>The annual grant, or that there is none (in-kind only).</summary>
    Grant,
    /// <summary>What the grant pays for, line by line (only when there is a grant).</summary>
    BudgetLines,
    NoticePeriod,
    /// <summary>Each party's contact person.</summary>
    ContactPersons,
    /// <summary>Each party's signatory, name and title.</summary>
    Signatories,
    /// <summary>The partnership's case number.</summary>
    CaseNumber,
}

/// <summary>One fact that must be stated before a step, with why, and whether the agreement states it.</summary>
public sealed record AgreementRequirement(AgreementFact Fact, Message Why, bool Met)
{
    /// <summary>The refusal naming the missing fact and the reason (shown on the page and in the API).</summary>
    public Message Refusal => new("Before this step the agreement must state {0}: {1}", AgreementRequirements.Name(Fact), Why);
}

/// <summary>
/// What an agreement must state before it is proposed and before it is signed: the municipality's rule, from
/// <c>Samverka:Agreements:RequiredBeforeProposal</c> and <c>…:RequiredBeforeSigning</c> (lists of <see cref="AgreementFact"/>).
/// Goals and both kinds of party are always required before a proposal. Nothing else has a default number: what is
/// not required may stay unstated ("Ej angivet").
/// </summary>
public sealed class AgreementRequirements(IReadOnlyCollection<AgreementFact> beforeProposal, IReadOnlyCollection<AgreementFact> beforeSigning)
{
    public enum Moment { Proposal, Signing }

    // Declared before Default, which needs it while the type initialises.
    private static readonly AgreementFact[] Always = [AgreementFact.Goals, AgreementFact.Parties];

    /// <summary>Without settings: the grant (or that there is none) before a proposal, nothing more.</summary>
    public static readonly AgreementRequirements Default = new([AgreementFact.Grant], []);

    public IReadOnlyCollection<AgreementFact> BeforeProposal { get; } = [.. Always, .. beforeProposal.Except(Always).Distinct()];
    public IReadOnlyCollection<AgreementFact> BeforeSigning { get; } = [.. beforeSigning.Distinct()];

    public static AgreementRequirements From(IConfiguration config)
    {
        var section = config.GetSection("Samverka:Agreements");
        var proposal = section.GetSection("RequiredBeforeProposal");
        var signing = section.GetSection("RequiredBeforeSigning");
        return !proposal.Exists() && !signing.Exists()
            ? Default
            : new AgreementRequirements(Facts(proposal, "RequiredBeforeProposal") ?? Default.BeforeProposal, Facts(signing, "RequiredBeforeSigning") ?? []);
    }

    /// <summary>Accepts a list ("Grant", "NoticePeriod") or one comma-separated value, as an environment variable gives it.</summary>
    private static List<AgreementFact>? Facts(IConfigurationSection section, string name)
    {
        if (!section.Exists())
        {
            return null;
        }
        var values = section.Value is { } single ? single.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : section.GetChildren().Select(c => c.Value ?? "").ToArray();
        return [.. values.Where(v => v.Length > 0).Select(v => Enum.TryParse<AgreementFact>(v, ignoreCase: true, out var fact) && Enum.IsDefined(fact)
            ? fact
            : throw new InvalidOperationException($"Samverka:Agreements:{name}: '{v}' is not one of {string.Join(", ", Enum.GetNames<AgreementFact>())}."))];
    }

    public IReadOnlyCollection<AgreementFact> For(Moment moment) => moment == Moment.Proposal ? BeforeProposal : BeforeSigning;

    /// <summary>Every requirement of the moment, met or not, in the order the municipality gave them (for the page's checklist).</summary>
    public IEnumerable<AgreementRequirement> Check(Agreement a, Moment moment) =>
        For(moment).Select(f => new AgreementRequirement(f, Why(f), IsStated(a, f)));

    public IEnumerable<AgreementRequirement> Missing(Agreement a, Moment moment) => Check(a, moment).Where(r => !r.Met);

    public static bool IsStated(Agreement a, AgreementFact fact) => fact switch
    {
        AgreementFact.Goals => a.Goals.Count > 0,
        AgreementFact.Parties => a.Parties.Any(p => p.Role == PartyRole.NonProfit) && a.Parties.Any(p => p.Role == PartyRole.PublicBody),
        AgreementFact.Grant => a.WithoutGrant || a.AnnualGrant is not null,
        // Nothing to break down when there is no money.
        AgreementFact.BudgetLines => a.GrantOrZero == 0 || a.BudgetLines.Count > 0,
        AgreementFact.NoticePeriod => a.NoticePeriodMonths is not null,
        AgreementFact.ContactPersons => a.Parties.Count > 0 && a.Parties.All(p => !string.IsNullOrWhiteSpace(p.ContactName)),
        AgreementFact.Signatories => a.Parties.Count > 0 && a.Parties.All(p => !string.IsNullOrWhiteSpace(p.SignatoryName) && !string.IsNullOrWhiteSpace(p.SignatoryTitle)),
        AgreementFact.CaseNumber => !string.IsNullOrWhiteSpace(a.Partnership?.CaseNumber),
        _ => true,
    };

    public static Message Name(AgreementFact fact) => fact switch
    {
        AgreementFact.Goals => new("at least one goal"),
        AgreementFact.Parties => new("a non-profit party and a public party"),
        AgreementFact.Grant => new("the annual grant, or that there is none"),
        AgreementFact.BudgetLines => new("the budget lines"),
        AgreementFact.NoticePeriod => new("the notice period"),
        AgreementFact.ContactPersons => new("each party's contact person"),
        AgreementFact.Signatories => new("each party's signatory, name and title"),
        AgreementFact.CaseNumber => new("the partnership's case number"),
        _ => new(fact.ToString()),
    };

    public static Message Why(AgreementFact fact) => fact switch
    {
        AgreementFact.Goals => new("the partnership is followed up against its goals."),
        AgreementFact.Parties => new("an IOP is an agreement between a non-profit organisation and the public sector."),
        AgreementFact.Grant => new("the board decides on the money, or on an agreement without money."),
        AgreementFact.BudgetLines => new("the municipality wants to see what the grant pays for."),
        AgreementFact.NoticePeriod => new("without it a notice cannot set the agreement's end."),
        AgreementFact.ContactPersons => new("each party must know whom to turn to."),
        AgreementFact.Signatories => new("the agreement is signed by each party's authorised representative."),
        AgreementFact.CaseNumber => new("the decision and the signed agreement are registered in the case."),
        _ => new(""),
    };
}
