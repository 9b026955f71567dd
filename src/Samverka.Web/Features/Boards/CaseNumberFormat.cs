using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Samverka.Web.Features.Boards;

/// <summary>A case number read by its board's format: the year, the running number and, where the format has one, the classification.</summary>
public sealed record CaseNumberParts(int Year, int Number, string? Classification);

/// <summary>
/// How a board writes its case numbers (diarienummer), as a pattern of literal text and parts: <c>{year}</c>, the running
/// number <c>{n}</c> (or <c>{n:4}</c>, zero-padded to four digits: "KS 2024/0042") and a classification code
/// <c>{class:1.5.2}</c> (dotted digits; the value after the colon is the one new case numbers get). "JÄRVA {year}/{n}",
/// "SN {year}.{n}", "NIF {year}/{n:5}-{class:1.5.2}". One parser for partnerships, decisions and the registry: a number
/// typed in any case, with extra or non-breaking spaces or a typographic dash, is read and written back as the board writes it.
/// </summary>
public sealed partial class CaseNumberFormat
{
    public const int MaxPatternLength = 50;
    private const string PartsList = "{year}, {n}, {n:4}, {class:1.5.2}";

    private abstract record Part;
    private sealed record Literal(string Text) : Part;
    private sealed record YearPart : Part;
    private sealed record NumberPart(int Width) : Part;
    private sealed record ClassPart(string Default) : Part;

    private readonly IReadOnlyList<Part> parts;
    private readonly Regex regex;

    private CaseNumberFormat(string pattern, IReadOnlyList<Part> parts)
    {
        Pattern = pattern;
        this.parts = parts;
        var sb = new StringBuilder("^");
        foreach (var part in parts)
        {
            sb.Append(part switch
            {
                // Spaces in the pattern match any run of spaces in what is typed.
                Literal l => string.Concat(l.Text.Select(c => c == ' ' ? @"\s*" : Regex.Escape(c.ToString()))),
                YearPart => @"(?<year>\d{4})",
                NumberPart => @"(?<n>\d{1,9})",
                ClassPart => @"(?<class>\d+(?:\.\d+)*)",
                _ => throw new InvalidOperationException(),
            });
        }
        regex = new Regex(sb.Append('$').ToString(), RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100));
    }

    /// <summary>The pattern as the board states it, e.g. "KS {year}/{n:4}".</summary>
    public string Pattern { get; }

    /// <summary>The text before the year: what tells one board's case numbers from another's ("KS ").</summary>
    public string Prefix => parts.TakeWhile(p => p is Literal).OfType<Literal>().Aggregate("", (s, l) => s + l.Text);

    /// <summary>A case number in this format, to show beside a field ("KS 2024/0042").</summary>
    public string Example => Write(new CaseNumberParts(2024, 42, null));

    /// <summary>The format of a board whose case numbers are "PREFIX YYYY/N", as Stockholm's are ("JÄRVA 2023/549").</summary>
    public static string DefaultPattern(string prefix) => $"{prefix} {{year}}/{{n}}";

    /// <summary>Reads a pattern; null and the reason when it is not one.</summary>
    public static (CaseNumberFormat? Format, Message? Problem) Parse(string? pattern)
    {
        var p = pattern?.Trim();
        if (string.IsNullOrEmpty(p))
        {
            return (null, new Message("State how the board writes its case numbers, e.g. {0}.", "KS {year}/{n:4}"));
        }
        if (p.Length > MaxPatternLength || p.Any(char.IsControl))
        {
            return (null, new Message("A case-number format is at most {0} characters on one line.", MaxPatternLength));
        }
        var list = new List<Part>();
        var at = 0;
        foreach (Match m in Token().Matches(p))
        {
            if (m.Index > at)
            {
                list.Add(new Literal(p[at..m.Index]));
            }
            at = m.Index + m.Length;
            var name = m.Groups["name"].Value;
            var arg = m.Groups["arg"].Success ? m.Groups["arg"].Value : null;
            switch (name)
            {
                case "year" when arg is null:
                    list.Add(new YearPart());
                    break;
                case "n" when arg is null:
                    list.Add(new NumberPart(1));
                    break;
                case "n" when int.TryParse(arg, NumberStyles.None, CultureInfo.InvariantCulture, out var width) && width is >= 1 and <= 9:
                    list.Add(new NumberPart(width));
                    break;
                case "class" when arg is not null && ClassCode().IsMatch(arg):
                    list.Add(new ClassPart(arg));
                    break;
                case "class":
                    return (null, new Message("A classification states the code new case numbers get, e.g. {0}.", "{class:1.5.2}"));
                default:
                    return (null, new Message("{0} is not a part of a case number; the parts are {1}.", m.Value, PartsList));
            }
        }
        if (at < p.Length)
        {
            list.Add(new Literal(p[at..]));
        }
        var literal = string.Concat(list.OfType<Literal>().Select(l => l.Text));
        if (literal.Contains('{', StringComparison.Ordinal) || literal.Contains('}', StringComparison.Ordinal))
        {
            return (null, new Message("{0} is not a part of a case number; the parts are {1}.", literal, PartsList));
        }
        if (list.Count(x => x is YearPart) != 1 || list.Count(x => x is NumberPart) != 1 || list.Count(x => x is ClassPart) > 1)
        {
            return (null, new Message("A case-number format has the year {0} and the running number {1} once each, and at most one classification.", "{year}", "{n}"));
        }
        // Two parts side by side could not be told apart in "20241" (year 2024, number 1, or number 41?).
        if (list.Zip(list.Skip(1)).Any(pair => pair.First is not Literal && pair.Second is not Literal))
        {
            return (null, new Message("Parts of a case number are separated by text, e.g. {0}.", "{year}/{n}"));
        }
        return (new CaseNumberFormat(p, list), null);
    }

    /// <summary>Reads a case number typed in this format; null when it is not one.</summary>
    public CaseNumberParts? Read(string? caseNumber)
    {
        if (Normalise(caseNumber) is not { Length: > 0 } text)
        {
            return null;
        }
        var m = regex.Match(text);
        if (!m.Success)
        {
            return null;
        }
        var number = int.Parse(m.Groups["n"].Value, CultureInfo.InvariantCulture);
        return number == 0 ? null : new CaseNumberParts(int.Parse(m.Groups["year"].Value, CultureInfo.InvariantCulture), number, m.Groups["class"].Success ? m.Groups["class"].Value : null);
    }

    /// <summary>The case number as the board writes it: "ks 2024/42" becomes "KS 2024/0042"; null when it is not one of this format.</summary>
    public string? Canonical(string? caseNumber) => Read(caseNumber) is { } parts ? Write(parts) : null;

    public string Write(CaseNumberParts n) => string.Concat(parts.Select(p => p switch
    {
        Literal l => l.Text,
        YearPart => n.Year.ToString("D4", CultureInfo.InvariantCulture),
        NumberPart w => n.Number.ToString("D" + w.Width.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture),
        ClassPart c => n.Classification ?? c.Default,
        _ => "",
    }));

    /// <summary>The next case number of the year in this series, after the highest among <paramref name="existing"/>.</summary>
    public string Next(int year, IEnumerable<string> existing) => Write(new CaseNumberParts(year,
        existing.Select(Read).Where(r => r is not null && r.Year == year).Select(r => r!.Number).DefaultIfEmpty(0).Max() + 1, null));

    /// <summary>What people type beside the format: extra and non-breaking spaces, typographic dashes.</summary>
    private static string? Normalise(string? text) => text is null ? null
        : Spaces().Replace(text.Trim().Replace('\u00A0', ' ').Replace('\u2010', '-').Replace('\u2011', '-').Replace('\u2012', '-').Replace('\u2013', '-').Replace('\u2212', '-'), " ");

    [GeneratedRegex(@"\{(?<name>[^{}:]*)(?::(?<arg>[^{}]*))?\}")]
    private static partial Regex Token();

    [GeneratedRegex(@"^\d+(\.\d+)*$")]
    private static partial Regex ClassCode();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
