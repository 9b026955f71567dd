using Samverka.Web.Features.Accounts;
using Samverka.Web.Features.Organisations;

namespace Samverka.Web.Features.Agreements;

/// <summary>
/// The whole agreement as the API reads and writes it. Children carry their id: a PUT updates those it names,
/// adds those without an id and removes those left out, so ids (that later results point to) stay stable.
/// </summary>
public sealed record AgreementDocument
{
    public int? Id { get; init; }
    public int PartnershipId { get; init; }
    public Guid? Version { get; init; }
    public required string Title { get; init; }
    public DateOnly StartDate { get; init; }
    public DateOnly EndDate { get; init; }
    public DateOnly? LatestExtensionDate { get; init; }
    /// <summary>Null when the agreement states no notice period (never a default).</summary>
    public int? NoticePeriodMonths { get; init; }
    public bool PeriodKnownAsYearsOnly { get; init; }
    public decimal? AnnualGrant { get; init; }
    /// <summary>True: the agreement gives no money (in-kind only); AnnualGrant and BudgetLines are then empty.</summary>
    public bool WithoutGrant { get; init; }
    /// <summary>Percentage or Index; null: the grant is the same every year.</summary>
    public GrantAdjustmentKind? GrantAdjustment { get; init; }
    public decimal? AdjustmentPercent { get; init; }
    public string? AdjustmentIndex { get; init; }
    /// <summary>The index's value for the first year and each later one as it becomes known.</summary>
    public List<decimal>? IndexValues { get; init; }
    public decimal? OneOffAmount { get; init; }
    /// <summary>The year the one-off amount is paid; the first year when not given.</summary>
    public int? OneOffYear { get; init; }
    public string? OneOffPurpose { get; init; }
    /// <summary>The grant year by year as the terms give it (read only; null where not known).</summary>
    public List<GrantYear>? GrantPerYear { get; init; }
    public PartnershipInitiative? Initiative { get; init; }
    public string? SocietalChallenge { get; init; }
    public string? Purpose { get; init; }
    public string? Method { get; init; }
    public string? Values { get; init; }
    public TargetGroup? TargetGroup { get; init; }
    public List<int>? Agenda2030Goals { get; init; }
    public string? Agenda2030Text { get; init; }
    public int? SteeringGroupIntervalMonths { get; init; }
    public string? SteeringGroupText { get; init; }
    public string? WorkingGroupCadence { get; init; }
    public string? WorkingGroupText { get; init; }
    public string? ResourcesText { get; init; }
    public string? EconomyText { get; init; }
    public Invoicing? Invoicing { get; init; }
    public StandingTerms? Terms { get; init; }
    public string? SourceNote { get; init; }
    public List<ChallengeFigureDto>? ChallengeFigures { get; init; }
    public List<PartyDto>? Parties { get; init; }
    public List<CooperatingOrganisationDto>? CooperatingOrganisations { get; init; }
    public List<GoalDto>? Goals { get; init; }
    public List<GroupMemberDto>? GroupMembers { get; init; }
    public List<BudgetLineDto>? BudgetLines { get; init; }
    public List<InKindContributionDto>? InKindContributions { get; init; }
    /// <summary>The bilagor: documents registered in the partnership's case, each with the title the agreement gives it, in order.</summary>
    public List<AttachmentDto>? Attachments { get; init; }

    /// <summary>Read only: where the agreement is in its life.</summary>
    public LifecycleView? Lifecycle { get; init; }

    /// <summary>The same agreement without the names and e-mail addresses of people (see SeesPersonalData).</summary>
    public AgreementDocument WithoutPersonalData() => this with
    {
        Parties = Parties?.Select(p => p with { ContactName = null, ContactEmail = null }).ToList(),
        GroupMembers = GroupMembers?.Select(m => m with { PersonName = null }).ToList(),
    };

    public AgreementDocument For(System.Security.Claims.ClaimsPrincipal user) => user.SeesPersonalData() ? this : WithoutPersonalData();

    public static AgreementDocument From(Agreement a, DateOnly today) => new()
    {
        Id = a.Id,
        PartnershipId = a.PartnershipId,
        Version = a.Version,
        Title = a.Title,
        StartDate = a.StartDate,
        EndDate = a.EndDate,
        LatestExtensionDate = a.LatestExtensionDate,
        NoticePeriodMonths = a.NoticePeriodMonths,
        PeriodKnownAsYearsOnly = a.PeriodKnownAsYearsOnly,
        AnnualGrant = a.AnnualGrant,
        WithoutGrant = a.WithoutGrant,
        GrantAdjustment = a.GrantAdjustment,
        AdjustmentPercent = a.AdjustmentPercent,
        AdjustmentIndex = a.AdjustmentIndex,
        IndexValues = [.. a.IndexValues],
        OneOffAmount = a.OneOffAmount,
        OneOffYear = a.OneOffYear,
        OneOffPurpose = a.OneOffPurpose,
        GrantPerYear = [.. a.Grants.Years],
        Initiative = a.Initiative,
        SocietalChallenge = a.SocietalChallenge,
        Purpose = a.Purpose,
        Method = a.Method,
        Values = a.Values,
        TargetGroup = a.TargetGroup,
        Agenda2030Goals = a.Agenda2030Goals,
        Agenda2030Text = a.Agenda2030Text,
        SteeringGroupIntervalMonths = a.SteeringGroupIntervalMonths,
        SteeringGroupText = a.SteeringGroupText,
        WorkingGroupCadence = a.WorkingGroupCadence,
        WorkingGroupText = a.WorkingGroupText,
        ResourcesText = a.ResourcesText,
        EconomyText = a.EconomyText,
        Invoicing = a.Invoicing,
        Terms = a.Terms,
        SourceNote = a.SourceNote,
        ChallengeFigures = [.. a.ChallengeFigures.OrderBy(f => f.FootnoteNumber).ThenBy(f => f.Id).Select(f => new ChallengeFigureDto(f.Id, f.FootnoteNumber, f.Text, f.Value, f.Unit, f.Year, f.Area, f.Source))],
        Parties = [.. a.Parties.OrderBy(p => p.SortOrder).Select(p => new PartyDto(p.Id, p.OrganisationId, p.Role, p.OrganisationName, p.OrganisationNumber, p.Address, p.ContactName, p.ContactEmail, p.DecisionLevel, p.SignatoryName, p.SignatoryTitle, p.SignedOn, p.GrantShare))],
        CooperatingOrganisations = [.. a.CooperatingOrganisations.OrderBy(c => c.Id).Select(c => new CooperatingOrganisationDto(c.Id, c.Name, c.Description))],
        Goals = [.. a.Goals.OrderBy(g => g.Number).Select(g => new GoalDto(g.Id, g.Number, g.Title, g.Problem, g.Note,
            [.. g.ExpectedResults.OrderBy(r => r.SortOrder).Select(ExpectedResultDto.From)],
            [.. g.Activities.OrderBy(x => x.SortOrder).Select(x => new ActivityDto(x.Id, x.Description, x.ResourcesAndResponsibility, x.LeadOrganisationId))]))],
        GroupMembers = [.. a.GroupMembers.OrderBy(m => m.Group).ThenBy(m => m.SortOrder).Select(m => new GroupMemberDto(m.Id, m.Group, m.OrganisationName, m.Role, m.Fte, m.IsAdjunct, m.PersonName))],
        BudgetLines = [.. a.BudgetLines.OrderBy(l => l.SortOrder).Select(l => new BudgetLineDto(l.Id, l.CostType, l.Amount))],
        InKindContributions = [.. a.InKindContributions.OrderBy(c => c.Id).Select(c => new InKindContributionDto(c.Id, c.PartyName, c.Description))],
        Attachments = [.. a.Attachments.OrderBy(x => x.SortOrder).ThenBy(x => x.Id).Select(x => new AttachmentDto(x.Id, x.Title, x.RegistryDocumentId))],
        Lifecycle = new LifecycleView(a.StatusOn(today), a.Stage, a.ProposedForMeetingOn,
            a.Decision is { } d ? new DecisionView(d.DecidedOn, d.Paragraph, d.CaseNumber, d.Summary) : null,
            a.NoticeReceivedOn,
            a.NoticeDecision is { } n ? new DecisionView(n.DecidedOn, n.Paragraph, n.CaseNumber, n.Summary) : null,
            [.. a.Extensions.OrderBy(e => e.NewEndDate).Select(e => new ExtensionView(e.PreviousEndDate, e.NewEndDate, e.Decision?.DecidedOn, e.Decision?.Paragraph))],
            [.. a.Events.OrderBy(e => e.RecordedAt).ThenBy(e => e.Id).Select(e => new EventView(e.Step, e.OccurredOn, e.RecordedAt, e.RecordedByName, e.Note))]),
    };
}

public sealed record ChallengeFigureDto(int? Id, int FootnoteNumber, string Text, decimal? Value, string? Unit, int? Year, string? Area, string? Source);
/// <summary>A party as the agreement names it. GrantShare: its part of the annual grant, where the agreement divides the grant between several non-profit parties.</summary>
public sealed record PartyDto(int? Id, int OrganisationId, PartyRole Role, string? OrganisationName, string? OrganisationNumber, string? Address, string? ContactName, string? ContactEmail, string? DecisionLevel, string? SignatoryName, string? SignatoryTitle, DateOnly? SignedOn, decimal? GrantShare = null);
public sealed record CooperatingOrganisationDto(int? Id, string Name, string? Description);
public sealed record GoalDto(int? Id, int Number, string Title, string? Problem, string? Note, List<ExpectedResultDto>? ExpectedResults, List<ActivityDto>? Activities);
/// <summary>A target. Direction: at least, at most or within Tolerance; without it a split is judged within a tolerance, a reduction at most and everything else at least. A level target (kind Level) is TargetValue, or Baseline changed by ChangePercent (−20 = 20 % fewer). A share target (kind Share) counts ShareOf among its base, TargetValue in percent, ShareLabel the agreement's own word for it; a share of an age band names the band's code in ShareCategory.</summary>
public sealed record ExpectedResultDto(int? Id, string Description, TargetKind Kind, decimal? TargetValue, int? EventCount, string? Unit, decimal? MenSharePercent, decimal? WomenSharePercent, int? ResponsibleOrganisationId, DateOnly? AddedOn, int? AddedByDecisionId, string? Note,
    TargetDirection? Direction = null, decimal? Tolerance = null, ShareOf? ShareOf = null, string? ShareLabel = null, decimal? Baseline = null, decimal? ChangePercent = null, string? ShareCategory = null)
{
    [System.Text.Json.Serialization.JsonIgnore]
    public TargetRule Rule => new(Kind, Direction ?? TargetRule.DefaultDirection(Kind, ChangePercent), TargetValue, EventCount, Unit, MenSharePercent, WomenSharePercent, Tolerance, ShareOf, ShareLabel, Baseline, ChangePercent, ShareCategory);

    public static ExpectedResultDto From(ExpectedResult r) => new(r.Id, r.Description, r.Kind, r.TargetValue, r.EventCount, r.Unit, r.MenSharePercent, r.WomenSharePercent,
        r.ResponsibleOrganisationId, r.AddedOn, r.AddedByDecisionId, r.Note, r.Direction, r.Tolerance, r.ShareOf, r.ShareLabel, r.Baseline, r.ChangePercent, r.ShareCategory);
}
public sealed record ActivityDto(int? Id, string Description, string? ResourcesAndResponsibility, int? LeadOrganisationId);
public sealed record GroupMemberDto(int? Id, GroupKind Group, string OrganisationName, string Role, decimal? Fte, bool IsAdjunct, string? PersonName);
public sealed record BudgetLineDto(int? Id, string CostType, decimal Amount);
public sealed record InKindContributionDto(int? Id, string PartyName, string Description);
/// <summary>A bilaga: the title the agreement gives it and the registered document (in the partnership's case) it is.</summary>
public sealed record AttachmentDto(int? Id, string Title, int RegistryDocumentId);
public sealed record LifecycleView(AgreementStatus Status, AgreementStage Stage, DateOnly? ProposedForMeetingOn, DecisionView? Decision, DateOnly? NoticeReceivedOn, DecisionView? NoticeDecision, List<ExtensionView> Extensions, List<EventView> Events);
public sealed record DecisionView(DateOnly? DecidedOn, string? Paragraph, string? CaseNumber, string Summary);
public sealed record ExtensionView(DateOnly PreviousEndDate, DateOnly NewEndDate, DateOnly? DecidedOn, string? Paragraph);
public sealed record EventView(AgreementStep Step, DateOnly? OccurredOn, DateTimeOffset RecordedAt, string RecordedBy, string? Note);

/// <summary>Checks an <see cref="AgreementDocument"/> and writes it onto an agreement. Used by the API and by every edit page.</summary>
public static class AgreementRules
{
    public static List<FieldProblem> Validate(AgreementDocument d, IReadOnlyDictionary<int, Organisation> organisations)
    {
        var problems = new List<FieldProblem>();
        var check = new InputCheck();
        // Names and titles are one line; the agreement's prose may have paragraphs.
        void Text(string field, string? value, int max, bool required = false) =>
            check.Text(field, value, max, required, multiline: max >= TextLimit.Medium);

        Text("title", d.Title, TextLimit.Short, required: true);
        problems.AddRange(Agreement.CheckPeriod(d.StartDate, d.EndDate, d.LatestExtensionDate, d.NoticePeriodMonths));
        foreach (var (field, value) in new[]
        {
            ("societalChallenge", d.SocietalChallenge), ("purpose", d.Purpose), ("method", d.Method), ("values", d.Values),
            ("steeringGroupText", d.SteeringGroupText), ("workingGroupText", d.WorkingGroupText), ("resourcesText", d.ResourcesText),
            ("economyText", d.EconomyText), ("terms.followUp", d.Terms?.FollowUp), ("terms.documentation", d.Terms?.Documentation),
            ("terms.renegotiation", d.Terms?.Renegotiation), ("terms.termination", d.Terms?.Termination), ("terms.forceMajeure", d.Terms?.ForceMajeure),
            ("terms.confidentiality", d.Terms?.Confidentiality), ("terms.finalReport", d.Terms?.FinalReport), ("terms.signatures", d.Terms?.Signatures),
        })
        {
            Text(field, value, TextLimit.Long);
        }
        foreach (var (field, value) in new[]
        {
            ("agenda2030Text", d.Agenda2030Text), ("workingGroupCadence", d.WorkingGroupCadence), ("sourceNote", d.SourceNote),
            ("targetGroup.description", d.TargetGroup?.Description), ("targetGroup.area", d.TargetGroup?.Area), ("targetGroup.need", d.TargetGroup?.Need),
            ("invoicing.frequency", d.Invoicing?.Frequency), ("invoicing.invoiceAddress", d.Invoicing?.InvoiceAddress), ("invoicing.invoiceReference", d.Invoicing?.InvoiceReference),
        })
        {
            Text(field, value, TextLimit.Medium);
        }
        if (d.TargetGroup is { AgeFrom: { } from, AgeTo: { } to } && (from > to || from < 0 || to > 130))
        {
            problems.Add(new("targetGroup.ageTo", new Message("The age range is not valid.")));
        }
        if (d.Agenda2030Goals?.Any(g => g is < 1 or > 17) == true)
        {
            problems.Add(new("agenda2030Goals", new Message("Agenda 2030 has goals 1 to 17.")));
        }
        if (d.SteeringGroupIntervalMonths is < 1 or > 12)
        {
            problems.Add(new("steeringGroupIntervalMonths", new Message("The steering group meets every 1 to 12 months.")));
        }
        if (d.Invoicing is { PaymentTermsDays: < 0 or > 365 })
        {
            problems.Add(new("invoicing.paymentTermsDays", new Message("Payment terms must be between 0 and 365 days.")));
        }
        if (Agreement.CheckBudget(d.AnnualGrant, (d.BudgetLines ?? []).Select(l => l.Amount), d.WithoutGrant) is { } budget)
        {
            problems.Add(new("budgetLines", budget));
        }
        problems.AddRange(new GrantTerms(d.AnnualGrant, d.WithoutGrant, d.StartDate.Year, d.EndDate.Year, d.GrantAdjustment, d.AdjustmentPercent, d.AdjustmentIndex,
            d.IndexValues ?? [], d.OneOffAmount, d.OneOffYear).Check());
        if (d.GrantAdjustment is { } adj && !Enum.IsDefined(adj))
        {
            problems.Add(new("grantAdjustment", new Message("Choose how the grant is adjusted: by a percentage or by an index.")));
        }
        if (d.Initiative is { } ini && !Enum.IsDefined(ini))
        {
            problems.Add(new("initiative", new Message("Choose who took the initiative: the organisation, the municipality or both together.")));
        }
        Text("adjustmentIndex", d.AdjustmentIndex, TextLimit.Short);
        Text("oneOffPurpose", d.OneOffPurpose, TextLimit.Short);
        if (Agreement.CheckGrantShares(d.AnnualGrant, d.WithoutGrant, [.. (d.Parties ?? []).Select(p => (p.Role, p.GrantShare))]) is { } shares)
        {
            problems.Add(new("parties", shares));
        }
        foreach (var (line, i) in (d.BudgetLines ?? []).Select((l, i) => (l, i)))
        {
            Text($"budgetLines[{i}].costType", line.CostType, TextLimit.Short, required: true);
        }
        foreach (var (p, i) in (d.Parties ?? []).Select((p, i) => (p, i)))
        {
            if (!organisations.ContainsKey(p.OrganisationId))
            {
                problems.Add(new($"parties[{i}].organisationId", new Message("Choose an organisation from the register.")));
            }
            Text($"parties[{i}].contactName", p.ContactName, TextLimit.Short);
            Text($"parties[{i}].contactEmail", p.ContactEmail, TextLimit.Short);
            Text($"parties[{i}].address", p.Address, TextLimit.Short);
            Text($"parties[{i}].signatoryName", p.SignatoryName, TextLimit.Short);
            Text($"parties[{i}].signatoryTitle", p.SignatoryTitle, TextLimit.Short);
        }
        foreach (var (g, i) in (d.Goals ?? []).Select((g, i) => (g, i)))
        {
            Text($"goals[{i}].title", g.Title, TextLimit.Short * 2, required: true);
            Text($"goals[{i}].problem", g.Problem, TextLimit.Medium);
            foreach (var (r, j) in (g.ExpectedResults ?? []).Select((r, j) => (r, j)))
            {
                Text($"goals[{i}].expectedResults[{j}].description", r.Description, TextLimit.Medium, required: true);
                Text($"goals[{i}].expectedResults[{j}].shareLabel", r.ShareLabel, TextLimit.Short);
                problems.AddRange(r.Rule.Check()
                    .Select(x => new FieldProblem($"goals[{i}].expectedResults[{j}]", x)));
                if (r.ResponsibleOrganisationId is { } org && !organisations.ContainsKey(org))
                {
                    problems.Add(new($"goals[{i}].expectedResults[{j}].responsibleOrganisationId", new Message("Choose an organisation from the register.")));
                }
            }
            foreach (var (x, j) in (g.Activities ?? []).Select((x, j) => (x, j)))
            {
                Text($"goals[{i}].activities[{j}].description", x.Description, TextLimit.Medium, required: true);
                Text($"goals[{i}].activities[{j}].resourcesAndResponsibility", x.ResourcesAndResponsibility, TextLimit.Medium);
            }
        }
        if ((d.Goals ?? []).GroupBy(g => g.Number).Any(g => g.Count() > 1))
        {
            problems.Add(new("goals", new Message("Two goals have the same number.")));
        }
        foreach (var (m, i) in (d.GroupMembers ?? []).Select((m, i) => (m, i)))
        {
            Text($"groupMembers[{i}].organisationName", m.OrganisationName, TextLimit.Short, required: true);
            Text($"groupMembers[{i}].role", m.Role, TextLimit.Short, required: true);
            if (m.Fte is < 0 or > 100)
            {
                problems.Add(new($"groupMembers[{i}].fte", new Message("Amounts must not be negative.")));
            }
        }
        foreach (var (c, i) in (d.CooperatingOrganisations ?? []).Select((c, i) => (c, i)))
        {
            Text($"cooperatingOrganisations[{i}].name", c.Name, TextLimit.Short, required: true);
        }
        foreach (var (c, i) in (d.InKindContributions ?? []).Select((c, i) => (c, i)))
        {
            Text($"inKindContributions[{i}].partyName", c.PartyName, TextLimit.Short, required: true);
            Text($"inKindContributions[{i}].description", c.Description, TextLimit.Medium, required: true);
        }
        foreach (var (x, i) in (d.Attachments ?? []).Select((x, i) => (x, i)))
        {
            Text($"attachments[{i}].title", x.Title, TextLimit.Short, required: true);
        }
        foreach (var (f, i) in (d.ChallengeFigures ?? []).Select((f, i) => (f, i)))
        {
            Text($"challengeFigures[{i}].text", f.Text, TextLimit.Medium, required: true);
        }
        return [.. check.Problems, .. problems];
    }

    /// <summary>Writes a validated document onto the agreement; lifecycle fields are never written here.</summary>
    /// <summary>
    /// A section stored with the agreement is replaced only when its values differ: a new instance with the same values
    /// would still be saved as a change, a new version the user did not make (and every other reader's next save a conflict).
    /// </summary>
    private static T Section<T>(T? current, T? incoming) where T : class, new()
    {
        var next = incoming ?? new T();
        return current is not null && System.Text.Json.JsonSerializer.Serialize(current) == System.Text.Json.JsonSerializer.Serialize(next) ? current : next;
    }

    public static void Apply(AgreementDocument d, Agreement a, IReadOnlyDictionary<int, Organisation> organisations)
    {
        a.Title = d.Title.Trim();
        a.StartDate = d.StartDate;
        a.EndDate = d.EndDate;
        a.LatestExtensionDate = d.LatestExtensionDate;
        a.NoticePeriodMonths = d.NoticePeriodMonths;
        a.PeriodKnownAsYearsOnly = d.PeriodKnownAsYearsOnly;
        a.AnnualGrant = d.AnnualGrant;
        a.WithoutGrant = d.WithoutGrant;
        a.GrantAdjustment = d.GrantAdjustment;
        a.AdjustmentPercent = d.AdjustmentPercent;
        a.AdjustmentIndex = d.AdjustmentIndex.NullIfBlank();
        // A list is replaced only when it differs: EF sees a new list as a change even with the same values.
        if (!a.IndexValues.SequenceEqual(d.IndexValues ?? []))
        {
            a.IndexValues = [.. d.IndexValues ?? []];
        }
        a.OneOffAmount = d.OneOffAmount;
        a.OneOffYear = d.OneOffYear;
        a.OneOffPurpose = d.OneOffPurpose.NullIfBlank();
        a.Initiative = d.Initiative;
        a.SocietalChallenge = d.SocietalChallenge;
        a.Purpose = d.Purpose;
        a.Method = d.Method;
        a.Values = d.Values;
        a.TargetGroup = Section(a.TargetGroup, d.TargetGroup);
        a.Agenda2030Goals = [.. (d.Agenda2030Goals ?? []).Distinct().Order()];
        a.Agenda2030Text = d.Agenda2030Text;
        a.SteeringGroupIntervalMonths = d.SteeringGroupIntervalMonths;
        a.SteeringGroupText = d.SteeringGroupText;
        a.WorkingGroupCadence = d.WorkingGroupCadence;
        a.WorkingGroupText = d.WorkingGroupText;
        a.ResourcesText = d.ResourcesText;
        a.EconomyText = d.EconomyText;
        a.Invoicing = Section(a.Invoicing, d.Invoicing);
        a.Terms = Section(a.Terms, d.Terms);
        a.SourceNote = d.SourceNote;

        if (d.ChallengeFigures is { } figures)
        {
            Merge(a.ChallengeFigures, figures, f => f.Id, x => x.Id, x => new ChallengeFigure { Text = x.Text }, (x, f) =>
            {
                f.FootnoteNumber = x.FootnoteNumber; f.Text = x.Text; f.Value = x.Value; f.Unit = x.Unit; f.Year = x.Year; f.Area = x.Area; f.Source = x.Source;
            });
        }
        if (d.Parties is { } parties)
        {
            var order = 0;
            Merge(a.Parties, parties, p => p.Id, x => x.Id, x => new AgreementParty { OrganisationName = "" }, (x, p) =>
            {
                var org = organisations[x.OrganisationId];
                var isNew = p.Id == 0 && p.OrganisationName.Length == 0;
                p.OrganisationId = org.Id;
                p.Role = x.Role;
                p.SortOrder = order++;
                p.OrganisationName = string.IsNullOrWhiteSpace(x.OrganisationName) ? org.Name : x.OrganisationName.Trim();
                // The organisation's number is a fact of the register; the rest is what the agreement says. The
                // address and decision level start from the register for a new party; the contact person is only
                // ever the one the agreement names (the register's contact is not the partnership's).
                p.OrganisationNumber = x.OrganisationNumber ?? org.OrganisationNumber;
                p.Address = isNew ? x.Address ?? org.Address : x.Address;
                p.ContactName = x.ContactName;
                p.ContactEmail = x.ContactEmail;
                p.DecisionLevel = isNew ? x.DecisionLevel ?? org.DecisionMakingBody : x.DecisionLevel;
                p.SignatoryName = x.SignatoryName;
                p.SignatoryTitle = x.SignatoryTitle;
                p.GrantShare = x.GrantShare;
            });
        }
        if (d.CooperatingOrganisations is { } coop)
        {
            Merge(a.CooperatingOrganisations, coop, c => c.Id, x => x.Id, x => new CooperatingOrganisation { Name = x.Name }, (x, c) => { c.Name = x.Name; c.Description = x.Description; });
        }
        if (d.Goals is { } goals)
        {
            Merge(a.Goals, goals, g => g.Id, x => x.Id, x => new Goal { Title = x.Title }, (x, g) =>
            {
                g.Number = x.Number; g.Title = x.Title; g.Problem = x.Problem; g.Note = x.Note;
                if (x.ExpectedResults is { } results)
                {
                    var order = 0;
                    Merge(g.ExpectedResults, results, r => r.Id, y => y.Id, y => new ExpectedResult { Description = y.Description }, (y, r) =>
                    {
                        r.SortOrder = order++; r.Description = y.Description;
                        r.Measure(y.Rule);
                        // AddedOn and the decision are set only by Agreement.AddTargetLater, never overwritten from input.
                        r.ResponsibleOrganisationId = y.ResponsibleOrganisationId; r.Note = y.Note;
                    });
                }
                if (x.Activities is { } activities)
                {
                    var order = 0;
                    Merge(g.Activities, activities, r => r.Id, y => y.Id, y => new Activity { Description = y.Description }, (y, r) =>
                    {
                        r.SortOrder = order++; r.Description = y.Description; r.ResourcesAndResponsibility = y.ResourcesAndResponsibility; r.LeadOrganisationId = y.LeadOrganisationId;
                    });
                }
            });
        }
        if (d.GroupMembers is { } members)
        {
            var order = 0;
            Merge(a.GroupMembers, members, m => m.Id, x => x.Id, x => new GroupMember { OrganisationName = x.OrganisationName, Role = x.Role }, (x, m) =>
            {
                m.Group = x.Group; m.SortOrder = order++; m.OrganisationName = x.OrganisationName; m.Role = x.Role; m.Fte = x.Fte; m.IsAdjunct = x.IsAdjunct; m.PersonName = x.PersonName;
            });
        }
        if (d.BudgetLines is { } lines)
        {
            var order = 0;
            Merge(a.BudgetLines, lines, l => l.Id, x => x.Id, x => new BudgetLine { CostType = x.CostType }, (x, l) => { l.SortOrder = order++; l.CostType = x.CostType.Trim(); l.Amount = x.Amount; });
        }
        if (d.Attachments is { } attachments)
        {
            var order = 0;
            Merge(a.Attachments, attachments, x => x.Id, x => x.Id, x => new AgreementAttachment { Title = x.Title.Trim() },
                (x, e) => { e.SortOrder = order++; e.Title = x.Title.Trim(); e.RegistryDocumentId = x.RegistryDocumentId; });
        }
        if (d.InKindContributions is { } inKind)
        {
            Merge(a.InKindContributions, inKind, c => c.Id, x => x.Id, x => new InKindContribution { PartyName = x.PartyName, Description = x.Description }, (x, c) => { c.PartyName = x.PartyName; c.Description = x.Description; });
        }
    }

    /// <summary>Updates items whose id is given, adds items without one, removes items not named.</summary>
    public static void Merge<TEntity, TDto>(List<TEntity> existing, IEnumerable<TDto> wanted, Func<TEntity, int> idOf, Func<TDto, int?> dtoId, Func<TDto, TEntity> create, Action<TDto, TEntity> update)
    {
        var wantedList = wanted.ToList();
        var keep = wantedList.Select(dtoId).Where(id => id is > 0).Select(id => id!.Value).ToHashSet();
        existing.RemoveAll(e => idOf(e) > 0 && !keep.Contains(idOf(e)));
        foreach (var dto in wantedList)
        {
            var entity = dtoId(dto) is > 0 and var id ? existing.FirstOrDefault(e => idOf(e) == id) : default;
            if (entity is null)
            {
                entity = create(dto);
                existing.Add(entity);
            }
            update(dto, entity);
        }
    }
}
