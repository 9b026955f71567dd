using Samverka.Web.Data;
using Samverka.Web.Features.Decisions;

namespace Samverka.Web.Features.Agreements;

public class Goal : IPartOf<Agreement>
{
    public int Id { get; set; }
    public int AgreementId { get; set; }
    public int Number { get; set; }
    public required string Title { get; set; }
    public string? Problem { get; set; }
    public string? Note { get; set; }
    public List<ExpectedResult> ExpectedResults { get; set; } = [];
    public List<Activity> Activities { get; set; } = [];
}

public enum TargetKind
{
    /// <summary>A total, e.g. 300 reached.</summary>
    Count,
    /// <summary>A count per event times a number of events, e.g. 2 fairs × 50 visitors.</summary>
    CountPerEvent,
    /// <summary>Shares by gender, e.g. 60 % / 40 %.</summary>
    GenderShare,
    /// <summary>A change measured before and after (för- och eftermätning).</summary>
    PrePostChange,
    /// <summary>Described in words only.</summary>
    FreeText,
}

/// <summary>Förväntat resultat / mätetal: a measurable target under a goal.</summary>
public class ExpectedResult : IPartOf<Goal>
{
    public int Id { get; set; }
    public int GoalId { get; set; }
    public int SortOrder { get; set; }
    public required string Description { get; set; }
    public TargetKind Kind { get; set; }

    /// <summary>Count: the total. CountPerEvent: per event.</summary>
    public decimal? TargetValue { get; set; }
    public int? EventCount { get; set; }
    public string? Unit { get; set; }
    public decimal? MenSharePercent { get; set; }
    public decimal? WomenSharePercent { get; set; }

    /// <summary>The party responsible for reporting it; null when the agreement names none.</summary>
    public int? ResponsibleOrganisationId { get; set; }
    public Organisations.Organisation? ResponsibleOrganisation { get; set; }

    /// <summary>Set for a target added during the partnership ("Fler mätetal tas fram under partnerskapet").</summary>
    public DateOnly? AddedOn { get; set; }
    public int? AddedByDecisionId { get; set; }
    public Decision? AddedByDecision { get; set; }
    public string? Note { get; set; }

    public decimal? TotalTarget => Kind switch
    {
        TargetKind.Count => TargetValue,
        TargetKind.CountPerEvent when TargetValue is { } v && EventCount is { } n => v * n,
        _ => null,
    };

    public static IEnumerable<Message> Check(TargetKind kind, decimal? value, int? events, decimal? men, decimal? women)
    {
        if (value < 0 || events < 0 || men < 0 || women < 0)
        {
            yield return new Message("Amounts must not be negative.");
        }
        switch (kind)
        {
            case TargetKind.Count when value is null:
                yield return new Message("A count target needs a target value.");
                break;
            case TargetKind.CountPerEvent when value is null || events is null or 0:
                yield return new Message("A per-event target needs the number of events and the value per event.");
                break;
            case TargetKind.GenderShare when men is null || women is null:
                yield return new Message("A gender target needs the share of women and of men.");
                break;
            case TargetKind.GenderShare when men + women > 100:
                yield return new Message("The shares of women and men must not exceed 100 %.");
                break;
        }
    }
}

public class Activity : IPartOf<Goal>
{
    public int Id { get; set; }
    public int GoalId { get; set; }
    public int SortOrder { get; set; }
    public required string Description { get; set; }

    /// <summary>"Resurser och ansvar" as the agreement words it.</summary>
    public string? ResourcesAndResponsibility { get; set; }
    public int? LeadOrganisationId { get; set; }
}
