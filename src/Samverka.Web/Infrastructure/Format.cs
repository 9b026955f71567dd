using System.Globalization;

namespace Samverka.Web.Infrastructure;

/// <summary>Swedish formats for dates and amounts, whatever the UI language: 2024-12-31, 1 400 000 kr.</summary>
public static class Format
{
    private static readonly CultureInfo Swedish = CultureInfo.GetCultureInfo("sv-SE");

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Date(DateOnly? date, string unknown) => date is { } d ? Date(d) : unknown;

    /// <summary>"1 050 000 kr" with a no-break space between groups, as sv-SE writes it.</summary>
    public static string Sek(decimal amount)
    {
        var text = decimal.Round(amount, 2) % 1 == 0 ? amount.ToString("N0", Swedish) : amount.ToString("N2", Swedish);
        return text.Replace('\u2212', '-') + "\u00A0kr";
    }

    public static string Number(decimal value) =>
        (value % 1 == 0 ? value.ToString("N0", Swedish) : value.ToString("#,##0.##", Swedish)).Replace('\u2212', '-');
}

/// <summary>Reads numbers as Swedish users type them: "1 400 000", "1 400 000,50", "1400000.5", "−5".</summary>
public static class SwedishNumber
{
    public static bool TryParse(string? text, out decimal value)
    {
        value = 0;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }
        var s = text.Trim()
            .Replace("kr", "", StringComparison.OrdinalIgnoreCase)
            .Replace(" ", "", StringComparison.Ordinal)
            .Replace("\u00A0", "", StringComparison.Ordinal)
            .Replace("\u202F", "", StringComparison.Ordinal)
            .Replace('\u2212', '-')
            .Replace('\u2013', '-');
        var commas = s.Count(c => c == ',');
        var dots = s.Count(c => c == '.');
        if (commas > 0 && dots > 0)
        {
            return false; // "1.400,50" or "1,400.50": ambiguous, ask again rather than guess.
        }
        if (commas == 1)
        {
            s = s.Replace(',', '.');
        }
        else if (commas > 1 || dots > 1)
        {
            return false;
        }
        return decimal.TryParse(s, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
    }
}
