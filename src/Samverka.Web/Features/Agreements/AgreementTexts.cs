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
        TargetKind.PrePostChange => "Change before/after",
        TargetKind.FreeText => "Free text",
        _ => k.ToString(),
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
}
