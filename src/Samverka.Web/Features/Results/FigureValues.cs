namespace Samverka.Web.Features.Results;

/// <summary>
/// The values a figure carries (counts, shares, the survey's question), declared once: the entity, what the page, API
/// and import send, and what a user may see all inherit them, so a new value cannot be forgotten in one.
/// </summary>
public abstract class FigureValueSet
{
    public int? Total { get; set; }
    public int? Women { get; set; }
    public int? Men { get; set; }
    public int? OtherGender { get; set; }
    /// <summary>The count in each of the agreement's age bands, by the band's code; the bands are the municipality's lists, not fixed here.</summary>
    public List<AgeCount> Ages { get; set; } = [];
    public int? AgeNotStated { get; set; }
    public int? Started { get; set; }
    public int? Completed { get; set; }
    public string? Question { get; set; }
    public int? Respondents { get; set; }
    public decimal? AgreeBeforePercent { get; set; }
    public decimal? AgreeAfterPercent { get; set; }
    public decimal? MenPercent { get; set; }
    public decimal? WomenPercent { get; set; }
}

/// <summary>A figure's count in one age band of the agreement's list.</summary>
public sealed class AgeCount
{
    public string Code { get; set; } = "";
    public int? Count { get; set; }
}

public enum FigureValueKind { Count, Share, Text }

/// <summary>One value of a figure: its name in the API, its column in the reporting spreadsheet, and how to read and write it.</summary>
public sealed record FigureValue(string Name, string Column, FigureValueKind Kind, Func<FigureValueSet, object?> Get, Action<FigureValueSet, object?> Set);

/// <summary>The values of a figure, declared once, in the order of the spreadsheet's columns.</summary>
public static class FigureValues
{
    public static readonly IReadOnlyList<FigureValue> All =
    [
        Count("total", "Antal totalt", f => f.Total, (f, v) => f.Total = v),
        Count("women", "Kvinnor", f => f.Women, (f, v) => f.Women = v),
        Count("men", "Män", f => f.Men, (f, v) => f.Men = v),
        Count("otherGender", "Annat/ej angivet", f => f.OtherGender, (f, v) => f.OtherGender = v),
        Count("ageNotStated", "Ålder ej angiven", f => f.AgeNotStated, (f, v) => f.AgeNotStated = v),
        Count("started", "Började", f => f.Started, (f, v) => f.Started = v),
        Count("completed", "Fullföljde", f => f.Completed, (f, v) => f.Completed = v),
        new("question", "Fråga", FigureValueKind.Text, f => f.Question, (f, v) => f.Question = (string?)v),
        Count("respondents", "Svarande", f => f.Respondents, (f, v) => f.Respondents = v),
        Share("agreeBeforePercent", "Andel instämmer före (%)", f => f.AgreeBeforePercent, (f, v) => f.AgreeBeforePercent = v),
        Share("agreeAfterPercent", "Andel instämmer efter (%)", f => f.AgreeAfterPercent, (f, v) => f.AgreeAfterPercent = v),
        Share("menPercent", "Andel män (%)", f => f.MenPercent, (f, v) => f.MenPercent = v),
        Share("womenPercent", "Andel kvinnor (%)", f => f.WomenPercent, (f, v) => f.WomenPercent = v),
    ];

    /// <summary>Copies every value; text is trimmed and empty text left out.</summary>
    public static T CopyTo<T>(this FigureValueSet from, T to) where T : FigureValueSet
    {
        foreach (var value in All)
        {
            var v = value.Get(from);
            value.Set(to, v is string s ? (s.Trim() is { Length: > 0 } t ? t : null) : v);
        }
        to.Ages = [.. from.Ages.Where(a => a.Count is not null && !string.IsNullOrWhiteSpace(a.Code)).Select(a => new AgeCount { Code = a.Code.Trim(), Count = a.Count })];
        return to;
    }

    public static IEnumerable<int?> Counts(this FigureValueSet f) =>
        All.Where(v => v.Kind == FigureValueKind.Count).Select(v => (int?)v.Get(f)).Concat(f.Ages.Select(a => a.Count));

    /// <summary>The count in one age band, by its code.</summary>
    public static int? Age(this FigureValueSet f, string? code) =>
        f.Ages.FirstOrDefault(a => string.Equals(a.Code, code, StringComparison.OrdinalIgnoreCase))?.Count;

    public static IEnumerable<decimal?> Shares(this FigureValueSet f) => All.Where(v => v.Kind == FigureValueKind.Share).Select(v => (decimal?)v.Get(f));

    /// <summary>What a figure adds to a count target: the starters of a programme, nothing for shares, else its total.</summary>
    public static int? CountFor(FigureKind kind, int? total, int? started) => kind switch
    {
        FigureKind.Participants => started,
        FigureKind.Survey or FigureKind.GenderSplit => null,
        _ => total,
    };

    /// <summary>
    /// What a figure tells a share target: the part and the base it counts (48 women of 120 participants), or null when
    /// it does not count them. A participant's base is the figure's own count (its total, or the starters of a programme),
    /// else the sum of the genders given.
    /// </summary>
    public static (decimal Part, decimal Base)? ShareCounts(this FigureValueSet f, FigureKind kind, Agreements.ShareOf of, string? ageBand = null)
    {
        var genders = (f.Women ?? 0) + (f.Men ?? 0) + (f.OtherGender ?? 0);
        decimal? participants = CountFor(kind, f.Total, f.Started) ?? (genders > 0 ? genders : null);
        (decimal? part, decimal? whole) = of switch
        {
            Agreements.ShareOf.Women => (f.Women, participants),
            Agreements.ShareOf.Men => (f.Men, participants),
            Agreements.ShareOf.OtherGender => (f.OtherGender, participants),
            Agreements.ShareOf.AgeBand => (f.Age(ageBand), participants),
            Agreements.ShareOf.Completed => (f.Completed, f.Started),
            Agreements.ShareOf.DroppedOut => (f.Started - f.Completed, f.Started),
            Agreements.ShareOf.RespondentsAgreeing => (f.Respondents * f.AgreeAfterPercent / 100m, f.Respondents),
            _ => ((decimal?)null, (decimal?)null),
        };
        return part is { } p && whole is { } w and > 0 ? (p, w) : null;
    }

    /// <summary>A share observed as a percentage only (a gender split when counts are not kept).</summary>
    public static decimal? ObservedShare(this FigureValueSet f, Agreements.ShareOf of) => of switch
    {
        Agreements.ShareOf.Women when f.Total is null && f.Women is null => f.WomenPercent,
        Agreements.ShareOf.Men when f.Total is null && f.Men is null => f.MenPercent,
        _ => null,
    };

    private static FigureValue Count(string name, string column, Func<FigureValueSet, int?> get, Action<FigureValueSet, int?> set) =>
        new(name, column, FigureValueKind.Count, f => get(f), (f, v) => set(f, (int?)v));

    private static FigureValue Share(string name, string column, Func<FigureValueSet, decimal?> get, Action<FigureValueSet, decimal?> set) =>
        new(name, column, FigureValueKind.Share, f => get(f), (f, v) => set(f, (decimal?)v));
}
