namespace Samverka.Web.Features.Agreements;

/// <summary>How the agreement adjusts its annual grant from one year to the next, when it says so.</summary>
public enum GrantAdjustmentKind
{
    /// <summary>By a stated percentage a year ("uppräknas med 2 procent per år").</summary>
    Percentage,
    /// <summary>By a stated index ("enligt omräkningsfaktorn för landstingsprisindex"): the amount follows the index's values.</summary>
    Index,
}

/// <summary>Who took the initiative to the partnership, as the agreement or the decision says.</summary>
public enum PartnershipInitiative { Organisation, Municipality, Joint }

/// <summary>One year of the agreement's money: the annual grant as adjusted, and a one-off amount that year.</summary>
public sealed record GrantYear(int Year, decimal? Grant, decimal? OneOff)
{
    /// <summary>Both together; unknown when the year's grant is not known (an index value not yet given).</summary>
    public decimal? Total => Grant is { } g ? g + (OneOff ?? 0) : null;
}

/// <summary>
/// The grant's terms: the annual grant of the first year, its yearly adjustment and a one-off amount. Plain rules, used
/// by the entity, the API's input and the portfolio's totals alike.
/// </summary>
public sealed record GrantTerms(decimal? AnnualGrant, bool WithoutGrant, int StartYear, int EndYear, GrantAdjustmentKind? Adjustment, decimal? AdjustmentPercent,
    string? AdjustmentIndex, IReadOnlyList<decimal> IndexValues, decimal? OneOffAmount, int? OneOffYear)
{
    /// <summary>The annual grant of a year: the first year's, adjusted year by year, rounded to whole kronor; null when not known.</summary>
    public decimal? GrantFor(int year)
    {
        if (WithoutGrant)
        {
            return 0;
        }
        if (year < StartYear || year > EndYear || AnnualGrant is not { } grant)
        {
            return null;
        }
        var k = year - StartYear;
        return Adjustment switch
        {
            GrantAdjustmentKind.Percentage when AdjustmentPercent is { } p => Math.Round(grant * Power(1 + p / 100m, k), 0, MidpointRounding.AwayFromZero),
            GrantAdjustmentKind.Index when k == 0 => grant,
            // The base year's value and this year's: unknown until both are given.
            GrantAdjustmentKind.Index when IndexValues.Count > k && IndexValues[0] != 0 => Math.Round(grant * IndexValues[k] / IndexValues[0], 0, MidpointRounding.AwayFromZero),
            GrantAdjustmentKind.Index => null,
            _ => grant,
        };
    }

    /// <summary>The one-off amount's year: as stated, else the first year.</summary>
    public int? OneOffIn => OneOffAmount is null ? null : OneOffYear ?? StartYear;

    /// <summary>Every year of the agreement with its money.</summary>
    public IReadOnlyList<GrantYear> Years => [.. Enumerable.Range(StartYear, Math.Max(0, EndYear - StartYear + 1))
        .Select(y => new GrantYear(y, GrantFor(y), OneOffIn == y ? OneOffAmount : null))];

    /// <summary>Whether the grant changes over the years or has a one-off: only then is a year-by-year table worth showing.</summary>
    public bool VariesByYear => Adjustment is not null || OneOffAmount is not null;

    /// <summary>What is wrong with the terms, field by field; empty when they hold.</summary>
    public IEnumerable<FieldProblem> Check()
    {
        if (Adjustment is not null && (WithoutGrant || AnnualGrant is null))
        {
            yield return new("grantAdjustment", new Message("An adjustment needs the annual grant it adjusts."));
            yield break;
        }
        switch (Adjustment)
        {
            case GrantAdjustmentKind.Percentage when AdjustmentPercent is null:
                yield return new("adjustmentPercent", new Message("State the percentage the grant is adjusted by each year."));
                break;
            case GrantAdjustmentKind.Index when string.IsNullOrWhiteSpace(AdjustmentIndex):
                yield return new("adjustmentIndex", new Message("Name the index the grant follows (e.g. KPI)."));
                break;
            case GrantAdjustmentKind.Index when IndexValues.Count > EndYear - StartYear + 1:
                yield return new("indexValues", new Message("The agreement runs {0} years: give at most {0} index values, the first for {1}.", EndYear - StartYear + 1, StartYear));
                break;
            case GrantAdjustmentKind.Index when IndexValues.Count > 0 && IndexValues[0] <= 0:
                yield return new("indexValues", new Message("The index value of the first year ({0}) is the base and must be above 0.", StartYear));
                break;
            case not GrantAdjustmentKind.Percentage when AdjustmentPercent is not null:
                yield return new("adjustmentPercent", new Message("A percentage is stated only for an adjustment by percentage."));
                break;
            case not GrantAdjustmentKind.Index when IndexValues.Count > 0 || !string.IsNullOrWhiteSpace(AdjustmentIndex):
                yield return new("indexValues", new Message("An index and its values are stated only for an adjustment by index."));
                break;
        }
        if (Years.FirstOrDefault(y => y.Grant < 0) is { } negative)
        {
            yield return new(Adjustment == GrantAdjustmentKind.Index ? "indexValues" : "adjustmentPercent",
                new Message("The adjustment gives a negative grant in {0} ({1}): a grant is 0 or more.", negative.Year, Format.Sek(negative.Grant!.Value)));
        }
        if (OneOffAmount is { } once)
        {
            if (WithoutGrant)
            {
                yield return new("oneOffAmount", new Message("An agreement without a grant has no one-off amount either; untick \"no grant\" to state one."));
            }
            else if (once <= 0)
            {
                yield return new("oneOffAmount", new Message("A one-off amount is more than 0 kr."));
            }
            if (OneOffYear is { } y && (y < StartYear || y > EndYear))
            {
                yield return new("oneOffYear", new Message("The one-off amount is paid within the agreement's period, {0}–{1}.", StartYear, EndYear));
            }
        }
        else if (OneOffYear is not null)
        {
            yield return new("oneOffYear", new Message("A year is stated for a one-off amount: give the amount too."));
        }
    }

    private static decimal Power(decimal b, int n)
    {
        var r = 1m;
        for (var i = 0; i < n; i++)
        {
            r *= b;
        }
        return r;
    }
}
