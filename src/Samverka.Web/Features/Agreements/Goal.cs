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
    /// <summary>A part of a base in percent, e.g. at least 50 % of the participants girls, at most 10 % drop out.</summary>
    Share,
    /// <summary>A change measured before and after (för- och eftermätning).</summary>
    PrePostChange,
    /// <summary>Described in words only.</summary>
    FreeText,
    /// <summary>
    /// A level at the end of the period, not a total: "no one homeless" (at most 0), or a change from a baseline
    /// ("20 % fewer than the 50 of 2023"). Judged by the latest approved figure of the period.
    /// </summary>
    Level,
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

    /// <summary>At least, at most, or within <see cref="Tolerance"/> of the target.</summary>
    public TargetDirection Direction { get; set; }

    /// <summary>For a target judged within a tolerance: how far from it still counts as met (a count's unit, or percentage points).</summary>
    public decimal? Tolerance { get; set; }

    /// <summary>A share target: what it counts among its base; TargetValue is then the share in percent.</summary>
    public ShareOf? ShareOf { get; set; }

    /// <summary>The agreement's own word for what the share counts ("flickor"); without it the category's name is used.</summary>
    public string? ShareLabel { get; set; }

    /// <summary>For a share of an age band: the band's code on the agreement's list.</summary>
    public string? ShareCategory { get; set; }

    /// <summary>A level target's starting point ("the 50 evicted in 2023"), with <see cref="ChangePercent"/> the change the agreement aims at.</summary>
    public decimal? Baseline { get; set; }

    /// <summary>The change from <see cref="Baseline"/> in percent: −20 for "reduce by 20 %", +10 for "increase by 10 %".</summary>
    public decimal? ChangePercent { get; set; }

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
        TargetKind.Level => Rule.Goal,
        TargetKind.CountPerEvent when TargetValue is { } v && EventCount is { } n => v * n,
        _ => null,
    };

    public TargetRule Rule => new(Kind, Direction, TargetValue, EventCount, Unit, MenSharePercent, WomenSharePercent, Tolerance, ShareOf, ShareLabel, Baseline, ChangePercent, ShareCategory);

    /// <summary>Takes the measure stated in input; the description, party and note are set by the caller.</summary>
    public void Measure(TargetRule r)
    {
        Kind = r.Kind;
        Direction = r.Direction;
        TargetValue = r.Value;
        EventCount = r.Events;
        Unit = r.Unit.NullIfBlank();
        MenSharePercent = r.MenPercent;
        WomenSharePercent = r.WomenPercent;
        Tolerance = r.Tolerance;
        ShareOf = r.ShareOf;
        ShareLabel = r.ShareLabel.NullIfBlank();
        ShareCategory = r.ShareOf == Agreements.ShareOf.AgeBand ? r.ShareCategory.NullIfBlank() : null;
        Baseline = r.Baseline;
        ChangePercent = r.ChangePercent;
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
