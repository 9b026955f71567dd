namespace Samverka.Web.Features.Results;

/// <summary>
/// The values a figure carries (counts, shares, the survey's question): the same on the entity, on what the page, API
/// and import send, and on what a user may see. Each of them implements this, so a new value cannot be forgotten in one.
/// </summary>
public interface IFigureValues
{
    int? Total { get; set; }
    int? Women { get; set; }
    int? Men { get; set; }
    int? OtherGender { get; set; }
    int? AgeUnder19 { get; set; }
    int? Age19To24 { get; set; }
    int? Age25To29 { get; set; }
    int? Age30Plus { get; set; }
    int? AgeNotStated { get; set; }
    int? Started { get; set; }
    int? Completed { get; set; }
    string? Question { get; set; }
    int? Respondents { get; set; }
    decimal? AgreeBeforePercent { get; set; }
    decimal? AgreeAfterPercent { get; set; }
    decimal? MenPercent { get; set; }
    decimal? WomenPercent { get; set; }
}

public enum FigureValueKind { Count, Share, Text }

/// <summary>One value of a figure: its name in the API, its column in the reporting spreadsheet, and how to read and write it.</summary>
public sealed record FigureValue(string Name, string Column, FigureValueKind Kind, Func<IFigureValues, object?> Get, Action<IFigureValues, object?> Set);

/// <summary>The values of a figure, declared once, in the order of the spreadsheet's columns.</summary>
public static class FigureValues
{
    public static readonly IReadOnlyList<FigureValue> All =
    [
        Count("total", "Antal totalt", f => f.Total, (f, v) => f.Total = v),
        Count("women", "Kvinnor", f => f.Women, (f, v) => f.Women = v),
        Count("men", "Män", f => f.Men, (f, v) => f.Men = v),
        Count("otherGender", "Annat/ej angivet", f => f.OtherGender, (f, v) => f.OtherGender = v),
        Count("ageUnder19", "Under 19", f => f.AgeUnder19, (f, v) => f.AgeUnder19 = v),
        Count("age19To24", "19–24", f => f.Age19To24, (f, v) => f.Age19To24 = v),
        Count("age25To29", "25–29", f => f.Age25To29, (f, v) => f.Age25To29 = v),
        Count("age30Plus", "30 eller äldre", f => f.Age30Plus, (f, v) => f.Age30Plus = v),
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
    public static T CopyTo<T>(this IFigureValues from, T to) where T : IFigureValues
    {
        foreach (var value in All)
        {
            var v = value.Get(from);
            value.Set(to, v is string s ? (s.Trim() is { Length: > 0 } t ? t : null) : v);
        }
        return to;
    }

    public static IEnumerable<int?> Counts(this IFigureValues f) => All.Where(v => v.Kind == FigureValueKind.Count).Select(v => (int?)v.Get(f));

    public static IEnumerable<decimal?> Shares(this IFigureValues f) => All.Where(v => v.Kind == FigureValueKind.Share).Select(v => (decimal?)v.Get(f));

    /// <summary>What a figure adds to a count target: the starters of a programme, nothing for shares, else its total.</summary>
    public static int? CountFor(FigureKind kind, int? total, int? started) => kind switch
    {
        FigureKind.Participants => started,
        FigureKind.Survey or FigureKind.GenderSplit => null,
        _ => total,
    };

    private static FigureValue Count(string name, string column, Func<IFigureValues, int?> get, Action<IFigureValues, int?> set) =>
        new(name, column, FigureValueKind.Count, f => get(f), (f, v) => set(f, (int?)v));

    private static FigureValue Share(string name, string column, Func<IFigureValues, decimal?> get, Action<IFigureValues, decimal?> set) =>
        new(name, column, FigureValueKind.Share, f => get(f), (f, v) => set(f, (decimal?)v));
}
