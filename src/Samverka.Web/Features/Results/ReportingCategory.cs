using System.Globalization;
using System.Text;

namespace Samverka.Web.Features.Results;

/// <summary>The lists a figure is counted by: age bands, kinds of outcome, kinds of event.</summary>
public enum CategoryKind { AgeBand, Outcome, Event }

/// <summary>
/// One entry of a municipality's reporting lists ("19–24", "Inskriven vid Jobbtorg", "Mässa"), or of one agreement's own
/// additions to them. Figures refer to it by its code, which never changes; a category figures use is retired, not
/// deleted or renamed, so that what was reported keeps its meaning.
/// </summary>
public class ReportingCategory
{
    public int Id { get; set; }

    /// <summary>The municipality that keeps the list (an agreement's own additions, too, belong to its municipality).</summary>
    public int MunicipalityId { get; set; }

    /// <summary>Set when the category is one agreement's own addition, not on the municipality's list.</summary>
    public int? AgreementId { get; set; }

    public CategoryKind Kind { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }
    public string? NameEn { get; set; }
    public int Position { get; set; }
    public bool Retired { get; set; }

    public const int CodeMax = 40;
    public const int NameMax = 100;

    /// <summary>The name in the user's language: the English one when asked for and given, else the Swedish.</summary>
    public string NameIn(CultureInfo culture) => culture.TwoLetterISOLanguageName == "en" && NameEn is { Length: > 0 } en ? en : Name;

    /// <summary>A code made from a name: "Inskriven på Arbetsförmedlingen" → "inskriven-pa-arbetsformedlingen".</summary>
    public static string CodeFrom(string name)
    {
        var sb = new StringBuilder();
        foreach (var c in name.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }
            if (char.IsAsciiLetterOrDigit(c))
            {
                sb.Append(char.ToLowerInvariant(c));
            }
            else if (sb.Length > 0 && sb[^1] != '-')
            {
                sb.Append('-');
            }
        }
        var code = sb.ToString().Trim('-');
        return code.Length > CodeMax ? code[..CodeMax].TrimEnd('-') : code;
    }

    /// <summary>A code is letters a–z, digits, hyphen and underscore, starting with a letter or digit: it is what the API and the spreadsheet name.</summary>
    public static bool IsCode(string code) =>
        code.Length is > 0 and <= CodeMax && char.IsAsciiLetterOrDigit(code[0]) && code.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    /// <summary>
    /// Applies an edited list to the categories an owner (the municipality, or one agreement) has of every kind. Rows
    /// without an id are new; an existing category left out of <paramref name="rows"/> is removed. A category that
    /// figures or targets use (<paramref name="inUse"/>: how many) is never removed and its names never changed: it is
    /// retired instead, and a new one added. Codes are unique within a kind among <paramref name="taken"/> as well
    /// (the municipality's codes, when an agreement adds its own). All or nothing: the problems, or none.
    /// </summary>
    public static List<FieldProblem> Apply(List<ReportingCategory> existing, IReadOnlyList<CategoryRow> rows, IReadOnlyDictionary<int, int> inUse,
        IReadOnlySet<(CategoryKind, string)> taken, Func<CategoryRow, string, ReportingCategory> create, out List<ReportingCategory> removed)
    {
        var problems = new List<FieldProblem>();
        removed = [];
        var byId = existing.ToDictionary(c => c.Id);
        var seen = new HashSet<int>();
        var codes = new HashSet<(CategoryKind, string)>(taken);
        var kept = new List<(CategoryRow Row, ReportingCategory? Category, string Code, string Name)>();
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var field = $"categories[{i}]";
            var name = row.Name?.Trim() ?? "";
            var nameEn = row.NameEn?.Trim() is { Length: > 0 } en ? en : null;
            var check = new InputCheck().Text(field + ".name", row.Name, NameMax, required: true).Text(field + ".nameEn", row.NameEn, NameMax);
            if (!check.IsValid)
            {
                problems.AddRange(check.Problems);
                continue;
            }
            if (row.Id is { } id)
            {
                if (!byId.TryGetValue(id, out var category) || category.Kind != row.Kind || !seen.Add(id))
                {
                    problems.Add(new(field, new Message("The category {0} is not on this list.", id)));
                    continue;
                }
                var used = inUse.GetValueOrDefault(id);
                if (used > 0 && (name != category.Name || (category.NameEn is not null && nameEn != category.NameEn)))
                {
                    problems.Add(new(field + ".name", new Message("\"{0}\" is used by {1} figures or targets: its name stays as it was reported. Retire it and add a new category instead.", category.Name, used)));
                    continue;
                }
                if (row.Code is { Length: > 0 } code && code.Trim() != category.Code)
                {
                    problems.Add(new(field + ".code", new Message("A category's code does not change (\"{0}\"): figures and spreadsheets name it.", category.Code)));
                    continue;
                }
                codes.Add((category.Kind, category.Code));
                kept.Add((row, category, category.Code, name));
            }
            else
            {
                var code = row.Code?.Trim() is { Length: > 0 } given ? given : CodeFrom(name);
                if (!IsCode(code))
                {
                    problems.Add(new(field + ".code", new Message("A code is at most {0} letters a–z, digits, hyphens or underscores, e.g. {1}.", CodeMax, "19-24")));
                    continue;
                }
                kept.Add((row, null, code, name));
            }
        }
        foreach (var (row, category, code, _) in kept.Where(k => k.Category is null))
        {
            if (!codes.Add((row.Kind, code)))
            {
                problems.Add(new($"categories[{rows.ToList().IndexOf(row)}].code", new Message("The code {0} is already on the list.", code)));
            }
        }
        foreach (var gone in existing.Where(c => !seen.Contains(c.Id)))
        {
            if (inUse.GetValueOrDefault(gone.Id) is > 0 and var used)
            {
                problems.Add(new("categories", new Message("\"{0}\" is used by {1} figures or targets and cannot be removed: retire it instead.", gone.Name, used)));
            }
        }
        if (problems.Count > 0)
        {
            return problems;
        }
        var positions = new Dictionary<CategoryKind, int>();
        foreach (var (row, category, code, name) in kept)
        {
            var target = category ?? create(row, code);
            target.Name = name;
            target.NameEn = row.NameEn?.Trim() is { Length: > 0 } en ? en : null;
            target.Retired = row.Retired;
            target.Position = positions[row.Kind] = positions.GetValueOrDefault(row.Kind) + 1;
            if (category is null)
            {
                existing.Add(target);
            }
        }
        removed = [.. existing.Where(c => c.Id != 0 && !seen.Contains(c.Id))];
        foreach (var gone in removed)
        {
            existing.Remove(gone);
        }
        return problems;
    }
}

/// <summary>A category as a list's page and the API send it: no id for a new one; the code is made from the name when left out.</summary>
public sealed record CategoryRow(int? Id, CategoryKind Kind, string? Name, string? NameEn = null, string? Code = null, bool Retired = false);

/// <summary>The categories one agreement reports by, of every kind, with the retired ones that old figures still name.</summary>
public sealed class ReportingLists(IReadOnlyList<ReportingCategory> all, IReadOnlySet<int>? offered = null)
{
    public static readonly ReportingLists None = new([]);

    public IReadOnlyList<ReportingCategory> All { get; } = all;

    public bool IsOffered(ReportingCategory c) => offered?.Contains(c.Id) ?? !c.Retired;

    /// <summary>The categories of a kind a new figure may use, in their order.</summary>
    public IReadOnlyList<ReportingCategory> Offered(CategoryKind kind) => [.. All.Where(c => c.Kind == kind && IsOffered(c))];

    /// <summary>The category's code as the list writes it (a code is matched regardless of case).</summary>
    public string? Canonical(CategoryKind kind, string? code) => Find(kind, code)?.Code ?? code;

    public ReportingCategory? Find(CategoryKind kind, string? code) =>
        code is null ? null : All.FirstOrDefault(c => c.Kind == kind && string.Equals(c.Code, code, StringComparison.OrdinalIgnoreCase));

    /// <summary>The name of a category, or its code when the list no longer has it.</summary>
    public string Name(CategoryKind kind, string? code, CultureInfo culture) => Find(kind, code)?.NameIn(culture) ?? code ?? "";

    /// <summary>
    /// A figure's categories, checked against the lists: a new figure uses offered ones only; a correction may keep the
    /// retired category of the figure it corrects. An event's or outcome's kind is needed only where the lists have kinds.
    /// </summary>
    public IEnumerable<FieldProblem> Check(FigureKind kind, string? eventKind, string? outcomeKind, IReadOnlyList<AgeCount> ages, Figure? corrects = null)
    {
        bool Allowed(CategoryKind k, string code, string? kept) =>
            Find(k, code) is { } c && (IsOffered(c) || string.Equals(kept, c.Code, StringComparison.OrdinalIgnoreCase));
        if (eventKind is { } e && !Allowed(CategoryKind.Event, e, corrects?.EventKind))
        {
            yield return new("eventKind", new Message("\"{0}\" is not a kind of event this agreement reports; choose one of: {1}.", e, Codes(CategoryKind.Event)));
        }
        if (outcomeKind is { } o && !Allowed(CategoryKind.Outcome, o, corrects?.OutcomeKind))
        {
            yield return new("outcomeKind", new Message("\"{0}\" is not a kind of outcome this agreement reports; choose one of: {1}.", o, Codes(CategoryKind.Outcome)));
        }
        if (kind == FigureKind.Event && eventKind is null && Offered(CategoryKind.Event).Count > 0)
        {
            yield return new("eventKind", new Message("An event needs its kind and the number of visitors."));
        }
        if (kind == FigureKind.Outcome && outcomeKind is null && Offered(CategoryKind.Outcome).Count > 0)
        {
            yield return new("outcomeKind", new Message("An outcome needs its kind and the number."));
        }
        foreach (var age in ages)
        {
            if (!Allowed(CategoryKind.AgeBand, age.Code, corrects?.Ages.FirstOrDefault(a => string.Equals(a.Code, age.Code, StringComparison.OrdinalIgnoreCase))?.Code))
            {
                yield return new("ages", new Message("\"{0}\" is not an age band this agreement reports; the bands are: {1}.", age.Code, Codes(CategoryKind.AgeBand)));
            }
        }
        if (ages.GroupBy(a => a.Code, StringComparer.OrdinalIgnoreCase).Any(g => g.Count() > 1))
        {
            yield return new("ages", new Message("Each age band is given once."));
        }
    }

    private string Codes(CategoryKind kind) => Offered(kind) is { Count: > 0 } offered ? string.Join(", ", offered.Select(c => c.Code)) : "–";
}
