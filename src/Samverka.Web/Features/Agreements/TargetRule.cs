namespace Samverka.Web.Features.Agreements;

/// <summary>Which way a target counts, as the agreement states it: at least, at most, or within a stated tolerance.</summary>
public enum TargetDirection { AtLeast, AtMost, Within }

/// <summary>What a share target counts among its base: one category of the participants among all of them, or the respondents agreeing among all respondents.</summary>
/// <summary>AgeBand: one band of the agreement's age bands (its code in the target's ShareCategory), among all participants.</summary>
public enum ShareOf { Women, Men, OtherGender, AgeBand, Completed, DroppedOut, RespondentsAgreeing }

/// <summary>
/// A target's measure as the agreement states it: its kind, direction, value and base. Checked and worded here once, for
/// the entity, the API's input and every document that writes it.
/// </summary>
public sealed record TargetRule(TargetKind Kind, TargetDirection Direction, decimal? Value, int? Events, string? Unit,
    decimal? MenPercent, decimal? WomenPercent, decimal? Tolerance, ShareOf? ShareOf, string? ShareLabel, decimal? Baseline = null, decimal? ChangePercent = null, string? ShareCategory = null)
{
    /// <summary>A level target's line: the stated level, or the baseline changed by the stated percentage (50 − 20 % = 40).</summary>
    public decimal? Goal => Kind == TargetKind.Level && Baseline is { } b && ChangePercent is { } c ? Math.Round(b * (1 + c / 100m), 2) : Value;

    /// <summary>The direction a target has when none is stated: a split is judged within a tolerance, a reduction from a baseline at most, everything else at least.</summary>
    public static TargetDirection DefaultDirection(TargetKind kind, decimal? changePercent = null) =>
        kind == TargetKind.GenderShare ? TargetDirection.Within : kind == TargetKind.Level && changePercent < 0 ? TargetDirection.AtMost : TargetDirection.AtLeast;

    /// <summary>The directions each kind can be stated in.</summary>
    public static IReadOnlyList<TargetDirection> DirectionsFor(TargetKind kind) => kind switch
    {
        TargetKind.Count or TargetKind.Share => [TargetDirection.AtLeast, TargetDirection.AtMost, TargetDirection.Within],
        TargetKind.Level => [TargetDirection.AtLeast, TargetDirection.AtMost],
        TargetKind.CountPerEvent or TargetKind.PrePostChange => [TargetDirection.AtLeast, TargetDirection.AtMost],
        TargetKind.GenderShare => [TargetDirection.Within],
        _ => [TargetDirection.AtLeast],
    };

    /// <summary>Whether the target is on the right side of its line (tolerance, for Within, in the target's own unit or percentage points).</summary>
    public bool Reaches(decimal actual, decimal goal, decimal widen = 1m) => Direction switch
    {
        TargetDirection.AtMost => actual <= goal,
        TargetDirection.Within => Math.Abs(actual - goal) <= (Tolerance ?? 0) * widen,
        _ => actual >= goal,
    };

    public IEnumerable<Message> Check()
    {
        if (Value < 0 || Events < 0 || MenPercent < 0 || WomenPercent < 0 || Tolerance < 0)
        {
            yield return new Message("Amounts must not be negative.");
        }
        if (!DirectionsFor(Kind).Contains(Direction) && Kind != TargetKind.FreeText)
        {
            yield return Kind == TargetKind.GenderShare
                ? new Message("A split by gender is judged within a tolerance; for a target such as \"at least 50 % girls\" choose a share target.")
                : new Message("A per-event target, a level and a before/after change are stated as at least or at most, not within a tolerance.");
        }
        // "At least 0" is met by anything: a target of none ("no one homeless") counts down.
        if (Kind is TargetKind.Count or TargetKind.Level && Direction == TargetDirection.AtLeast && Goal == 0)
        {
            yield return new Message("A target of at least 0 is always met; for a target such as \"no one homeless\" choose at most 0.");
        }
        if (Kind != TargetKind.Level && (Baseline is not null || ChangePercent is not null))
        {
            yield return new Message("A baseline and a change are stated only for a level target.");
        }
        if (Direction == TargetDirection.Within && Kind is (TargetKind.Count or TargetKind.Share or TargetKind.GenderShare) && Tolerance is null or 0)
        {
            yield return new Message("A target judged within a tolerance states the tolerance the agreement allows (e.g. 5 percentage points).");
        }
        if (Direction != TargetDirection.Within && Tolerance is not null)
        {
            yield return new Message("A tolerance is stated only for a target judged within a tolerance; leave it empty for at least or at most.");
        }
        switch (Kind)
        {
            case TargetKind.Count when Value is null:
                yield return new Message("A count target needs a target value.");
                break;
            case TargetKind.CountPerEvent when Value is null || Events is null or 0:
                yield return new Message("A per-event target needs the number of events and the value per event.");
                break;
            case TargetKind.GenderShare when MenPercent is null || WomenPercent is null:
                yield return new Message("A gender target needs the share of women and of men.");
                break;
            case TargetKind.GenderShare when MenPercent + WomenPercent > 100:
                yield return new Message("The shares of women and men must not exceed 100 %.");
                break;
            case TargetKind.Share when Value is null || ShareOf is null:
                yield return new Message("A share target needs what it counts (e.g. women among the participants) and the share in percent.");
                break;
            case TargetKind.Share when ShareOf == Agreements.ShareOf.AgeBand && string.IsNullOrWhiteSpace(ShareCategory):
                yield return new Message("A share of an age band names the band (its code on the agreement's list of age bands).");
                break;
            case TargetKind.Share when Value > 100 || Tolerance > 100:
                yield return new Message("A share is between 0 and 100 %.");
                break;
            case TargetKind.Level when (Baseline is null) != (ChangePercent is null):
                yield return new Message("A change from a baseline states both the baseline and the change in percent.");
                break;
            case TargetKind.Level when Baseline is not null && Value is not null:
                yield return new Message("A level target states either the level or a change from a baseline, not both.");
                break;
            case TargetKind.Level when Baseline is null && Value is null:
                yield return new Message("A level target needs the level (e.g. 0 for \"no one\") or a baseline and its change.");
                break;
            case TargetKind.Level when ChangePercent is < -100 or 0:
                yield return new Message("A change from the baseline is more than 0 % and a reduction at most 100 %.");
                break;
            case TargetKind.Level when ChangePercent < 0 && Direction != TargetDirection.AtMost:
                yield return new Message("A reduction from the baseline is reached at most at the reduced level: choose at most.");
                break;
            case TargetKind.Level when ChangePercent > 0 && Direction != TargetDirection.AtLeast:
                yield return new Message("An increase from the baseline is reached at least at the increased level: choose at least.");
                break;
        }
    }

    /// <summary>The target as an agreement words it ("minst 50 procent flickor"), through the given language.</summary>
    public string Phrase(Func<Message, string> say) => Kind switch
    {
        TargetKind.Count when Value is { } v => say(Direction switch
        {
            TargetDirection.AtMost => new Message("at most {0} {1}", v, Unit ?? ""),
            TargetDirection.Within => new Message("{0} {1}, ± {2}", v, Unit ?? "", Tolerance ?? 0m),
            _ => new Message("at least {0} {1}", v, Unit ?? ""),
        }).Trim(),
        TargetKind.CountPerEvent when Value is { } v && Events is { } n => say(Direction == TargetDirection.AtMost
            ? new Message("{0} × at most {1} {2}", n, v, Unit ?? "")
            : new Message("{0} × at least {1} {2}", n, v, Unit ?? "")).Trim(),
        TargetKind.GenderShare when MenPercent is { } m && WomenPercent is { } w =>
            say(new Message("{0} % men and {1} % women, ± {2} percentage points", m, w, Tolerance ?? 0m)),
        TargetKind.Share when Value is { } v && ShareOf is { } of => SharePhrase(v, ShareLabel ?? say(of == Agreements.ShareOf.AgeBand ? new Message("in the age band {0}", ShareCategory ?? "") : new Message(AgreementTexts.ShareWord(of))), say),
        TargetKind.Level when Goal is { } g => (Baseline is { } b && ChangePercent is { } c
            ? say(c < 0
                ? new Message("at most {0} {1}, {2} % fewer than the baseline of {3}", g, Unit ?? "", -c, b)
                : new Message("at least {0} {1}, {2} % more than the baseline of {3}", g, Unit ?? "", c, b))
            : say(Direction == TargetDirection.AtMost ? new Message("at most {0} {1}", g, Unit ?? "") : new Message("at least {0} {1}", g, Unit ?? ""))).Replace("  ", " ", StringComparison.Ordinal).Trim(),
        TargetKind.PrePostChange => say(Direction == TargetDirection.AtMost
            ? new Message("a lower share agreeing after than before")
            : new Message("a higher share agreeing after than before")),
        _ => "",
    };

    private string SharePhrase(decimal value, string who, Func<Message, string> say) => say(Direction switch
    {
        TargetDirection.AtMost => new Message("at most {0} % {1}", value, who),
        TargetDirection.Within => new Message("{0} % {1}, ± {2} percentage points", value, who, Tolerance ?? 0m),
        _ => new Message("at least {0} % {1}", value, who),
    });
}
