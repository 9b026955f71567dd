using Samverka.Web.Features.Agreements;

namespace Samverka.Web.Features.Results;

/// <summary>
/// How a target or goal stands. NotYetMeasurable: the period still runs (or the target is words only); NotReported:
/// the period ended and no figures were reported for it, a gap rather than a judgement.
/// </summary>
public enum FulfilmentStatus { Met, PartlyMet, NotMet, NotYetMeasurable, NotReported }

/// <summary>A figure as the rules see it: approved, not superseded by a correction; its values are the figure's own.</summary>
public sealed record FigureFact(int Id, FigureKind Kind, string? EventKind, DateOnly From, DateOnly To, string? Title, FigureValueSet Values)
{
    /// <summary>What the figure counts towards a count target: visitors, people, or the participants who started.</summary>
    public int? Count => FigureValues.CountFor(Kind, Values.Total, Values.Started);

    public static FigureFact Of(Figure f) => new(f.Id, f.Kind, f.EventKind, f.From, f.To, f.Title, f);
}

public sealed record EventJudgement(int FigureId, string? Title, DateOnly From, DateOnly To, int Count, bool ReachesTarget);

public sealed record TargetFulfilment(
    int TargetId,
    string Description,
    TargetKind Kind,
    TargetDirection Direction,
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
    string? Note)
{
    /// <summary>The target's measure, for the page to word it; the API has kind, direction and target already.</summary>
    [System.Text.Json.Serialization.JsonIgnore] public TargetRule? Rule { get; init; }
}

public sealed record GoalResult(int GoalId, int Number, string Title, FulfilmentStatus Status, IReadOnlyList<TargetFulfilment> Targets);

/// <summary>An agreement's year at a glance, for a board's overview: its judgement and how many targets stand where; NotReported are the gaps.</summary>
public sealed record FulfilmentSummary(FulfilmentStatus Status, int Met, int PartlyMet, int NotMet, int NotReported, int NotYetMeasurable)
{
    public static FulfilmentSummary Of(IReadOnlyList<GoalResult> goals)
    {
        var targets = goals.SelectMany(g => g.Targets).Select(t => t.Status).ToList();
        int Count(FulfilmentStatus s) => targets.Count(t => t == s);
        return new(GoalFulfilment.Combine(goals.Select(g => g.Status)), Count(FulfilmentStatus.Met), Count(FulfilmentStatus.PartlyMet), Count(FulfilmentStatus.NotMet),
            Count(FulfilmentStatus.NotReported), Count(FulfilmentStatus.NotYetMeasurable));
    }
}

/// <summary>
/// Goal fulfilment computed from the agreement's own targets and the approved figures tied to them. Plain rules, no
/// database: a target is met at 100 %, partly met from the municipality's threshold (75 % unless it sets another), and
/// not judged while its period runs.
/// </summary>
public static class GoalFulfilment
{
    /// <summary>From this share of the target a count is "partly met" unless the municipality sets another (mentorship 8 of 16 = 50 % is "not met", as the 2024 follow-up judged it).</summary>
    public const decimal DefaultPartlyMetFromPercent = 75m;

    public static TargetFulfilment Evaluate(ExpectedResult target, IReadOnlyList<FigureFact> figures, DateOnly periodEnd, DateOnly today, string? explanation,
        decimal partlyMetFromPercent = DefaultPartlyMetFromPercent)
    {
        var partlyMetFrom = partlyMetFromPercent / 100m;
        var running = today <= periodEnd;
        var rule = target.Rule;
        TargetFulfilment Result(FulfilmentStatus status, decimal? actual, decimal? goal, Message why, IReadOnlyList<EventJudgement>? events = null, decimal? men = null, decimal? women = null, bool percentOfTarget = true) =>
            new(target.Id, target.Description, target.Kind, target.Direction, status, actual, goal,
                percentOfTarget && actual is { } a && goal is > 0 ? Math.Round(a / goal.Value * 100m, 0) : null,
                why, events ?? [], men, women, explanation, figures.Count, target.Note) { Rule = rule };

        TargetFulfilment Missing(decimal? goal, string whileRunning = "No approved figures are tied to this target yet.") => running
            ? Result(FulfilmentStatus.NotYetMeasurable, null, goal, new Message(whileRunning))
            : Result(FulfilmentStatus.NotReported, null, goal, new Message("Not reported: no approved figures are tied to this target, and the period ended {0}.", periodEnd));

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
                        return Missing(goal);
                    }
                    var actual = counted.Sum(f => (decimal)f.Count!.Value);
                    switch (target.Direction)
                    {
                        case TargetDirection.AtMost:
                            // A total only grows: past the maximum it is not met, whatever the rest of the period brings.
                            if (actual > goal)
                            {
                                return Result(FulfilmentStatus.NotMet, actual, goal, new Message("{0}; the target is at most {1}.", actual, goal));
                            }
                            return running
                                ? Result(FulfilmentStatus.NotYetMeasurable, actual, goal, new Message("So far {0}, at most {1}; the period runs until {2}.", actual, goal, periodEnd))
                                : Result(FulfilmentStatus.Met, actual, goal, new Message("{0}; the target is at most {1}.", actual, goal));
                        case TargetDirection.Within:
                            {
                                var tolerance = target.Tolerance ?? 0;
                                if (running && actual <= goal + tolerance)
                                {
                                    return Result(FulfilmentStatus.NotYetMeasurable, actual, goal, new Message("So far {0} of {1} ± {2}; the period runs until {3}.", actual, goal, tolerance, periodEnd));
                                }
                                var status = rule.Reaches(actual, goal) ? FulfilmentStatus.Met : rule.Reaches(actual, goal, 2) ? FulfilmentStatus.PartlyMet : FulfilmentStatus.NotMet;
                                return Result(status, actual, goal, new Message("{0}; the target is {1} ± {2}, partly met within twice that.", actual, goal, tolerance));
                            }
                    }
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

            case TargetKind.Level:
                {
                    // A level, not a total: the latest approved figure of the period is where it stands.
                    if (rule.Goal is not { } goal)
                    {
                        return Result(FulfilmentStatus.NotYetMeasurable, null, null, new Message("The target does not say the level it aims at."));
                    }
                    if (figures.Where(f => f.Count is not null).OrderBy(f => f.To).ThenBy(f => f.Id).LastOrDefault() is not { } latest)
                    {
                        return Missing(goal);
                    }
                    var actual = (decimal)latest.Count!.Value;
                    var reached = rule.Reaches(actual, goal);
                    // Said in the reader's language when shown (a message within the message), not now.
                    var line = target.Direction == TargetDirection.AtMost ? new Message("at most {0} {1}", goal, target.Unit ?? "") : new Message("at least {0} {1}", goal, target.Unit ?? "");
                    if (running && !reached)
                    {
                        return Result(FulfilmentStatus.NotYetMeasurable, actual, goal, new Message("{0} at {1}, the target is {2}; judged when the period ends {3}.", actual, latest.To, line, periodEnd), percentOfTarget: false);
                    }
                    if (reached)
                    {
                        return Result(FulfilmentStatus.Met, actual, goal, new Message("{0} at {1}; the target is {2}.", actual, latest.To, line), percentOfTarget: false);
                    }
                    // From a baseline, partly met when most of the change was made (the municipality's threshold); a level of none is met or not.
                    var partly = target.Baseline is { } baseline && baseline != goal && (baseline - actual) / (baseline - goal) >= partlyMetFrom;
                    return Result(partly ? FulfilmentStatus.PartlyMet : FulfilmentStatus.NotMet, actual, goal, target.Baseline is { } b
                        ? new Message("{0} at {1}, from the baseline of {2}; the target is {3}, partly met from {4} % of the change.", actual, latest.To, b, line, partlyMetFromPercent)
                        : new Message("{0} at {1}; the target is {2}.", actual, latest.To, line), percentOfTarget: false);
                }

            case TargetKind.CountPerEvent:
                {
                    var perEvent = target.TargetValue ?? 0;
                    var needed = target.EventCount ?? 0;
                    var atMost = target.Direction == TargetDirection.AtMost;
                    var events = figures.Where(f => f.Count is not null)
                        .OrderBy(f => f.From).ThenBy(f => f.Id)
                        .Select(f => new EventJudgement(f.Id, f.Title, f.From, f.To, f.Count!.Value, rule.Reaches(f.Count!.Value, perEvent)))
                        .ToList();
                    if (events.Count == 0)
                    {
                        return Missing(perEvent * needed);
                    }
                    var total = events.Sum(e => (decimal)e.Count);
                    var reaching = events.Count(e => e.ReachesTarget);
                    if (reaching >= needed)
                    {
                        return Result(FulfilmentStatus.Met, total, perEvent * needed, atMost
                            ? new Message("{0} of {1} events kept to at most {2} each.", reaching, needed, perEvent)
                            : new Message("{0} of {1} events reached {2} each.", reaching, needed, perEvent), events, percentOfTarget: !atMost);
                    }
                    if (running)
                    {
                        return Result(FulfilmentStatus.NotYetMeasurable, total, perEvent * needed, atMost
                            ? new Message("So far {0} of {1} events kept to at most {2}; the period runs until {3}.", reaching, needed, perEvent, periodEnd)
                            : new Message("So far {0} of {1} events reached {2}; the period runs until {3}.", reaching, needed, perEvent, periodEnd), events, percentOfTarget: !atMost);
                    }
                    if (atMost)
                    {
                        return Result(reaching > 0 ? FulfilmentStatus.PartlyMet : FulfilmentStatus.NotMet, total, perEvent * needed,
                            new Message("{0} of {1} events kept to at most {2} each; partly met when one did.", reaching, needed, perEvent), events, percentOfTarget: false);
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
                    var tolerance = target.Tolerance ?? 0;
                    decimal men, women;
                    var counted = figures.Where(f => f.Values.Men is not null && f.Values.Women is not null && f.Values.Men + f.Values.Women > 0).ToList();
                    var observed = figures.Where(f => f.Values.MenPercent is not null && f.Values.WomenPercent is not null).OrderBy(f => f.To).ToList();
                    Message basis;
                    if (counted.Count > 0)
                    {
                        var m = counted.Sum(f => (decimal)f.Values.Men!.Value);
                        var w = counted.Sum(f => (decimal)f.Values.Women!.Value);
                        men = Math.Round(m / (m + w) * 100m, 0);
                        women = 100m - men;
                        basis = new Message("From {0} women and {1} men counted; met within ± {2} percentage points of the target.", w, m, tolerance);
                    }
                    else if (observed.Count > 0)
                    {
                        var last = observed[^1];
                        men = last.Values.MenPercent!.Value;
                        women = last.Values.WomenPercent!.Value;
                        basis = new Message("The latest observed split ({0}); met within ± {1} percentage points of the target.", last.To, tolerance);
                    }
                    else
                    {
                        return Missing(null, "No approved figures by gender are tied to this target yet.");
                    }
                    var status = rule.Reaches(men, menGoal) ? FulfilmentStatus.Met
                        : running ? FulfilmentStatus.NotYetMeasurable
                        : rule.Reaches(men, menGoal, 2) ? FulfilmentStatus.PartlyMet
                        : FulfilmentStatus.NotMet;
                    return Result(status, null, null, basis, men: men, women: women);
                }

            case TargetKind.Share:
                {
                    if (target.TargetValue is not { } goal || target.ShareOf is not { } of)
                    {
                        return Result(FulfilmentStatus.NotYetMeasurable, null, null, new Message("The target does not say what share it counts."));
                    }
                    var counted = figures.Select(f => f.Values.ShareCounts(f.Kind, of, target.ShareCategory)).OfType<(decimal Part, decimal Base)>().ToList();
                    decimal actual;
                    Message basis;
                    if (counted.Count > 0)
                    {
                        var part = counted.Sum(c => c.Part);
                        var whole = counted.Sum(c => c.Base);
                        actual = part / whole * 100m;
                        basis = new Message("{0} of {1}, {2} %.", Math.Round(part, 1), whole, Math.Round(actual, 1));
                    }
                    else if (figures.Where(f => f.Values.ObservedShare(of) is not null).OrderBy(f => f.To).LastOrDefault() is { } last)
                    {
                        actual = last.Values.ObservedShare(of)!.Value;
                        basis = new Message("The latest observed share ({0}), {1} %.", last.To, actual);
                    }
                    else
                    {
                        return Missing(goal);
                    }
                    var shown = Math.Round(actual, 1);
                    // As a split: met as the figures stand; short of it while the period runs, not yet judged.
                    if (!rule.Reaches(actual, goal) && running)
                    {
                        return Result(FulfilmentStatus.NotYetMeasurable, shown, goal, new Message("So far {0} %; judged when the period ends {1}.", shown, periodEnd), percentOfTarget: false);
                    }
                    var status = rule.Reaches(actual, goal) ? FulfilmentStatus.Met
                        : target.Direction == TargetDirection.Within && rule.Reaches(actual, goal, 2) ? FulfilmentStatus.PartlyMet
                        : FulfilmentStatus.NotMet;
                    return Result(status, shown, goal, basis, percentOfTarget: false);
                }

            case TargetKind.PrePostChange:
                {
                    var surveys = figures.Where(f => f.Values.AgreeBeforePercent is not null && f.Values.AgreeAfterPercent is not null).ToList();
                    if (surveys.Count == 0)
                    {
                        return Missing(null, "No approved before/after survey is tied to this target yet.");
                    }
                    var lower = target.Direction == TargetDirection.AtMost;
                    var improved = surveys.Count(s => lower ? s.Values.AgreeAfterPercent < s.Values.AgreeBeforePercent : s.Values.AgreeAfterPercent > s.Values.AgreeBeforePercent);
                    var status = improved == surveys.Count ? FulfilmentStatus.Met : improved > 0 ? FulfilmentStatus.PartlyMet : FulfilmentStatus.NotMet;
                    var last = surveys.OrderBy(s => s.To).Last();
                    return Result(status, last.Values.AgreeAfterPercent, last.Values.AgreeBeforePercent, lower
                        ? new Message("{0} of {1} surveys show a lower share after than before.", improved, surveys.Count)
                        : new Message("{0} of {1} surveys show a higher share after than before.", improved, surveys.Count));
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
