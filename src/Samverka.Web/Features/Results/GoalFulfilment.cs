using Samverka.Web.Features.Agreements;

namespace Samverka.Web.Features.Results;

/// <summary>
/// How a target or goal stands. NotYetMeasurable: the period still runs (or the target is words only); NotReported:
/// the period ended and no figures were reported for it, a gap rather than a judgement.
/// </summary>
public enum FulfilmentStatus { Met, PartlyMet, NotMet, NotYetMeasurable, NotReported }

/// <summary>A figure as the rules see it: approved, not superseded by a correction.</summary>
public sealed record FigureFact(int Id, FigureKind Kind, EventKind? EventKind, DateOnly From, DateOnly To, string? Title,
    int? Count, int? Women, int? Men, decimal? MenPercent, decimal? WomenPercent, decimal? AgreeBefore, decimal? AgreeAfter, int? Respondents);

public sealed record EventJudgement(int FigureId, string? Title, DateOnly From, DateOnly To, int Count, bool ReachesTarget);

public sealed record TargetFulfilment(
    int TargetId,
    string Description,
    TargetKind Kind,
    FulfilmentStatus Status,
    decimal? Actual,
    decimal? Target,
    decimal? Percent,
    Message Why,
    IReadOnlyList<EventJudgement> Events,
    decimal? MenPercent,
    decimal? WomenPercent,
    string? Explanation,
    int Figures,
    string? Note);

public sealed record GoalResult(int GoalId, int Number, string Title, FulfilmentStatus Status, IReadOnlyList<TargetFulfilment> Targets);

/// <summary>
/// Goal fulfilment computed from the agreement's own targets and the approved figures tied to them. Plain rules, no
/// database: a target is met at 100 %, partly met from the municipality's threshold (75 % unless it sets another), and
/// not judged while its period runs.
/// </summary>
public static class GoalFulfilment
{
    /// <summary>From this share of the target a count is "partly met" unless the municipality sets another (mentorship 8 of 16 = 50 % is "not met", as the 2024 follow-up judged it).</summary>
    public const decimal DefaultPartlyMetFromPercent = 75m;

    /// <summary>A gender split within this many percentage points of the target counts as met; within twice as many, partly met.</summary>
    public const decimal GenderTolerance = 5m;

    public static TargetFulfilment Evaluate(ExpectedResult target, IReadOnlyList<FigureFact> figures, DateOnly periodEnd, DateOnly today, string? explanation,
        decimal partlyMetFromPercent = DefaultPartlyMetFromPercent)
    {
        var partlyMetFrom = partlyMetFromPercent / 100m;
        var running = today <= periodEnd;
        TargetFulfilment Result(FulfilmentStatus status, decimal? actual, decimal? goal, Message why, IReadOnlyList<EventJudgement>? events = null, decimal? men = null, decimal? women = null) =>
            new(target.Id, target.Description, target.Kind, status, actual, goal,
                actual is { } a && goal is > 0 ? Math.Round(a / goal.Value * 100m, 0) : null,
                why, events ?? [], men, women, explanation, figures.Count, target.Note);

        TargetFulfilment NotReported(decimal? goal) =>
            Result(FulfilmentStatus.NotReported, null, goal, new Message("Not reported: no approved figures are tied to this target, and the period ended {0}.", periodEnd));

        switch (target.Kind)
        {
            case TargetKind.FreeText:
                return Result(FulfilmentStatus.NotYetMeasurable, null, null, new Message("Described in words only: the parties judge it in the follow-up."));

            case TargetKind.Count:
                {
                    var goal = target.TargetValue ?? 0;
                    var counted = figures.Where(f => f.Count is not null).ToList();
                    if (counted.Count == 0)
                    {
                        return running ? Result(FulfilmentStatus.NotYetMeasurable, null, goal, new Message("No approved figures are tied to this target yet.")) : NotReported(goal);
                    }
                    var actual = counted.Sum(f => (decimal)f.Count!.Value);
                    if (actual >= goal)
                    {
                        return Result(FulfilmentStatus.Met, actual, goal, new Message("{0} of {1}.", actual, goal));
                    }
                    if (running)
                    {
                        return Result(FulfilmentStatus.NotYetMeasurable, actual, goal, new Message("So far {0} of {1}; the period runs until {2}.", actual, goal, periodEnd));
                    }
                    // The threshold beside the judgement: the reader sees why it is partly met or not met.
                    return Result(actual >= partlyMetFrom * goal ? FulfilmentStatus.PartlyMet : FulfilmentStatus.NotMet, actual, goal,
                        new Message("{0} of {1}; partly met from {2} % of the target.", actual, goal, partlyMetFromPercent));
                }

            case TargetKind.CountPerEvent:
                {
                    var perEvent = target.TargetValue ?? 0;
                    var needed = target.EventCount ?? 0;
                    var events = figures.Where(f => f.Count is not null)
                        .OrderBy(f => f.From).ThenBy(f => f.Id)
                        .Select(f => new EventJudgement(f.Id, f.Title, f.From, f.To, f.Count!.Value, f.Count!.Value >= perEvent))
                        .ToList();
                    if (events.Count == 0)
                    {
                        return running ? Result(FulfilmentStatus.NotYetMeasurable, null, perEvent * needed, new Message("No approved figures are tied to this target yet.")) : NotReported(perEvent * needed);
                    }
                    var total = events.Sum(e => (decimal)e.Count);
                    var reaching = events.Count(e => e.ReachesTarget);
                    if (reaching >= needed)
                    {
                        return Result(FulfilmentStatus.Met, total, perEvent * needed, new Message("{0} of {1} events reached {2} each.", reaching, needed, perEvent), events);
                    }
                    if (running)
                    {
                        return Result(FulfilmentStatus.NotYetMeasurable, total, perEvent * needed, new Message("So far {0} of {1} events reached {2}; the period runs until {3}.", reaching, needed, perEvent, periodEnd), events);
                    }
                    var status = reaching > 0 || total >= partlyMetFrom * perEvent * needed ? FulfilmentStatus.PartlyMet : FulfilmentStatus.NotMet;
                    return Result(status, total, perEvent * needed, new Message("{0} of {1} events reached {2} each; partly met when one did, or from {3} % of the total.", reaching, needed, perEvent, partlyMetFromPercent), events);
                }

            case TargetKind.GenderShare:
                {
                    if (target.MenSharePercent is not { } menGoal || target.WomenSharePercent is null)
                    {
                        return Result(FulfilmentStatus.NotYetMeasurable, null, null, new Message("The target does not say the shares of women and men."));
                    }
                    decimal men, women;
                    var counted = figures.Where(f => f.Men is not null && f.Women is not null && f.Men + f.Women > 0).ToList();
                    var observed = figures.Where(f => f.MenPercent is not null && f.WomenPercent is not null).OrderBy(f => f.To).ToList();
                    Message basis;
                    if (counted.Count > 0)
                    {
                        var m = counted.Sum(f => (decimal)f.Men!.Value);
                        var w = counted.Sum(f => (decimal)f.Women!.Value);
                        men = Math.Round(m / (m + w) * 100m, 0);
                        women = 100m - men;
                        basis = new Message("From {0} women and {1} men counted.", w, m);
                    }
                    else if (observed.Count > 0)
                    {
                        var last = observed[^1];
                        men = last.MenPercent!.Value;
                        women = last.WomenPercent!.Value;
                        basis = new Message("The latest observed split ({0}).", last.To);
                    }
                    else
                    {
                        return running ? Result(FulfilmentStatus.NotYetMeasurable, null, null, new Message("No approved figures by gender are tied to this target yet.")) : NotReported(null);
                    }
                    var gap = Math.Abs(men - menGoal);
                    var status = gap <= GenderTolerance ? FulfilmentStatus.Met
                        : running ? FulfilmentStatus.NotYetMeasurable
                        : gap <= 2 * GenderTolerance ? FulfilmentStatus.PartlyMet
                        : FulfilmentStatus.NotMet;
                    return Result(status, null, null, basis, men: men, women: women);
                }

            case TargetKind.PrePostChange:
                {
                    var surveys = figures.Where(f => f.AgreeBefore is not null && f.AgreeAfter is not null).ToList();
                    if (surveys.Count == 0)
                    {
                        return running ? Result(FulfilmentStatus.NotYetMeasurable, null, null, new Message("No approved before/after survey is tied to this target yet.")) : NotReported(null);
                    }
                    var improved = surveys.Count(s => s.AgreeAfter > s.AgreeBefore);
                    var status = improved == surveys.Count ? FulfilmentStatus.Met : improved > 0 ? FulfilmentStatus.PartlyMet : FulfilmentStatus.NotMet;
                    var last = surveys.OrderBy(s => s.To).Last();
                    return Result(status, last.AgreeAfter, last.AgreeBefore, new Message("{0} of {1} surveys show a higher share after than before.", improved, surveys.Count));
                }

            default:
                return Result(FulfilmentStatus.NotYetMeasurable, null, null, new Message("Not measurable."));
        }
    }

    /// <summary>
    /// A goal is met when all its measurable targets are; not met when none is; otherwise partly. A target not reported
    /// counts as not met beside others; a goal with nothing but unreported targets is itself not reported.
    /// </summary>
    public static FulfilmentStatus Combine(IEnumerable<FulfilmentStatus> targets)
    {
        var all = targets.ToList();
        var measurable = all.Where(s => s is not (FulfilmentStatus.NotYetMeasurable or FulfilmentStatus.NotReported)).ToList();
        if (measurable.Count == 0)
        {
            return all.Contains(FulfilmentStatus.NotReported) ? FulfilmentStatus.NotReported : FulfilmentStatus.NotYetMeasurable;
        }
        measurable.AddRange(all.Where(s => s == FulfilmentStatus.NotReported).Select(_ => FulfilmentStatus.NotMet));
        if (measurable.All(s => s == FulfilmentStatus.Met))
        {
            return FulfilmentStatus.Met;
        }
        return measurable.All(s => s == FulfilmentStatus.NotMet) ? FulfilmentStatus.NotMet : FulfilmentStatus.PartlyMet;
    }
}
