namespace Samverka.Web.Features.Agreements;

/// <summary>Text keys for the agreement's enums and the period as people write it.</summary>
public static class AgreementTexts
{
    public static string Status(AgreementStatus s) => s switch
    {
        AgreementStatus.Draft => "Draft",
        AgreementStatus.Proposed => "Proposed",
        AgreementStatus.Decided => "Decided",
        AgreementStatus.Signed => "Signed",
        AgreementStatus.Active => "Active",
        AgreementStatus.Extended => "Extended",
        AgreementStatus.Ended => "Ended",
        AgreementStatus.Terminated => "Terminated",
        AgreementStatus.NoticeGiven => "Active, notice given",
        _ => s.ToString(),
    };

    /// <summary>The status as a badge says it: with notice given, also when the agreement ends.</summary>
    public static string StatusText(Microsoft.Extensions.Localization.IStringLocalizer t, AgreementStatus s, DateOnly? end) =>
        s == AgreementStatus.NoticeGiven && end is { } e ? t["Active, notice given: ends {0}", Format.Date(e)] : t[Status(s)];

    public static string Step(AgreementStep s) => s switch
    {
        AgreementStep.Created => "Created",
        AgreementStep.Proposed => "Proposed to board meeting",
        AgreementStep.Withdrawn => "Withdrawn to draft",
        AgreementStep.Decided => "Decided",
        AgreementStep.Signed => "Signed",
        AgreementStep.Extended => "Extended",
        AgreementStep.Terminated => "Terminated",
        AgreementStep.TargetAdded => "Target added",
        _ => s.ToString(),
    };

    public static string Kind(TargetKind k) => k switch
    {
        TargetKind.Count => "Count",
        TargetKind.CountPerEvent => "Count per event",
        TargetKind.GenderShare => "Share by gender",
        TargetKind.Share => "Share of the participants or respondents",
        TargetKind.PrePostChange => "Change before/after",
        TargetKind.FreeText => "Free text",
        TargetKind.Level => "Level at the end of the period (e.g. no one homeless, 20 % fewer)",
        _ => k.ToString(),
    };

    public static string Direction(TargetDirection d) => d switch
    {
        TargetDirection.AtMost => "at most",
        TargetDirection.Within => "within a tolerance",
        _ => "at least",
    };

    /// <summary>A share category's name as it reads after "at least 50 %".</summary>
    public static string ShareWord(ShareOf s) => s switch
    {
        ShareOf.Women => "women",
        ShareOf.Men => "men",
        ShareOf.OtherGender => "of another or unstated gender",
        ShareOf.AgeBand => "in the age band",
        ShareOf.Completed => "complete",
        ShareOf.DroppedOut => "drop out",
        ShareOf.RespondentsAgreeing => "of the respondents agree",
        _ => s.ToString(),
    };

    /// <summary>A share category as a choice in a form: what is counted among what.</summary>
    public static string ShareChoice(ShareOf s) => s switch
    {
        ShareOf.Women => "Women (girls) among the participants",
        ShareOf.Men => "Men (boys) among the participants",
        ShareOf.OtherGender => "Another or unstated gender among the participants",
        ShareOf.AgeBand => "An age band among the participants (name the band)",
        ShareOf.Completed => "Completed among those who started",
        ShareOf.DroppedOut => "Dropped out among those who started",
        ShareOf.RespondentsAgreeing => "Respondents agreeing (after) among all respondents",
        _ => s.ToString(),
    };

    public static string DecisionMaker(Decisions.DecisionMaker m) => m switch
    {
        Decisions.DecisionMaker.Board => "The board",
        Decisions.DecisionMaker.SteeringGroup => "The steering group",
        Decisions.DecisionMaker.NotStated => "a body not stated in the sources",
        _ => "An official on delegation",
    };

    public static string Group(GroupKind g) => g == GroupKind.SteeringGroup ? "Steering group" : "Working group";

    public static string Role(PartyRole r) => r == PartyRole.NonProfit ? "Non-profit organisation" : "Public body";

    public static string Period(DateOnly? start, DateOnly? end, bool yearsOnly) =>
        start is not { } s || end is not { } e ? ""
        : yearsOnly ? (s.Year == e.Year ? $"{s.Year}" : $"{s.Year}–{e.Year}")
        : $"{Format.Date(s)} – {Format.Date(e)}";

    /// <summary>Who took the initiative, as the agreement page says it.</summary>
    public static string Initiative(PartnershipInitiative i) => i switch
    {
        PartnershipInitiative.Organisation => "The organisation",
        PartnershipInitiative.Municipality => "The municipality",
        _ => "The organisation and the municipality together",
    };
}
