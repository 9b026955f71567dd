using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using MiniExcelLibs;
using Samverka.Web.Features.Agreements;

namespace Samverka.Web.Features.Results;

/// <summary>A problem in an uploaded spreadsheet, by row and column as Excel shows them.</summary>
public sealed record SheetProblem(int Row, string Column, Message Message);

/// <summary>The figures read, with the sheet row each came from, or the problems.</summary>
public sealed record SheetParse(List<FigureInput> Figures, List<int> Rows, List<SheetProblem> Problems);

/// <summary>
/// The reporting template, its import and the export of a year's figures. Column headers are Swedish, as the partner
/// sees them in Excel; targets are referred to by code (M1.2 = goal 1, its second target) listed on a second sheet.
/// </summary>
public static class Spreadsheets
{
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>The formats an export is offered in; any other is refused with these named, never answered as XLSX.</summary>
    public static Message? CheckFormat(string? format) =>
        string.IsNullOrWhiteSpace(format) || format.Equals("xlsx", StringComparison.OrdinalIgnoreCase) || format.Equals("csv", StringComparison.OrdinalIgnoreCase)
            ? null
            : new Message("The format {0} is not offered: choose xlsx or csv.", format);
    public const int MaxBytes = 2 * 1024 * 1024;
    public const int MaxRows = 5000;
    /// <summary>What a workbook may unpack to: the template with <see cref="MaxRows"/> full rows is far below it.</summary>
    public const long MaxUncompressedBytes = 32 * 1024 * 1024;
    public const int MaxEntries = 200;
    /// <summary>The columns read per row: the template has 26; a sheet with thousands is not a report.</summary>
    public const int MaxColumns = 100;
    public const string FiguresSheet = "Uppgifter";
    public const string TargetsSheet = "Mätetal";
    public const string ValuesSheet = "Giltiga värden";

    private static readonly CultureInfo Swedish = CultureInfo.GetCultureInfo("sv-SE");

    // The columns, in order: the fixed ones, the agreement's age bands (by their Swedish names) after the genders, then the rest.
    private static readonly string[] Leading = ["Typ", "Arrangemangstyp", "Utfallstyp", "Från", "Till", "Rubrik"];

    private static List<string> Columns(List<(string Code, string Column)> ages)
    {
        var values = FigureValues.All.Select(v => v.Column).ToList();
        values.InsertRange(values.IndexOf("Annat/ej angivet") + 1, ages.Select(c => c.Column));
        return [.. Leading, .. values, "Mätetal", "Anteckning"];
    }

    /// <summary>A column per age band: the offered ones, and any retired band a figure still counts (export).</summary>
    private static List<(string Code, string Column)> AgeColumns(ReportingLists lists, IEnumerable<string>? used = null)
    {
        var codes = used?.ToHashSet(StringComparer.OrdinalIgnoreCase) ?? [];
        return [.. lists.All.Where(c => c.Kind == CategoryKind.AgeBand && (lists.IsOffered(c) || codes.Contains(c.Code))).Select(c => (c.Code, AgeColumn(c)))];
    }

    private const string AgePrefix = "Ålder: ";

    private static string AgeColumn(ReportingCategory band) => AgePrefix + band.Name;

    public static readonly Dictionary<FigureKind, string> KindNames = new()
    {
        [FigureKind.Event] = "Arrangemang",
        [FigureKind.DropInVisits] = "Drop-in-besök",
        [FigureKind.Participants] = "Deltagare i program",
        [FigureKind.Outcome] = "Utfall",
        [FigureKind.PeopleReached] = "Nådda i målgruppen",
        [FigureKind.Survey] = "För- och eftermätning",
        [FigureKind.GenderSplit] = "Könsfördelning",
    };

    /// <summary>Target codes of an agreement: M{goal}.{position}.</summary>
    public static Dictionary<string, ExpectedResult> TargetCodes(Agreement a) =>
        a.Goals.OrderBy(g => g.Number)
            .SelectMany(g => g.ExpectedResults.OrderBy(r => r.SortOrder).Select((r, i) => (Code: $"M{g.Number}.{i + 1}", r)))
            .ToDictionary(x => x.Code, x => x.r, StringComparer.OrdinalIgnoreCase);

    public static byte[] Template(Agreement a, ReportingLists lists) => Workbook(a, lists, []);

    /// <summary>The figures as a workbook: the figures sheet, the target codes and the valid values.</summary>
    public static byte[] Workbook(Agreement a, ReportingLists lists, IEnumerable<(FigureView Figure, ReportStatus Status)> figures)
    {
        var codes = TargetCodes(a).ToDictionary(kv => kv.Value.Id, kv => kv.Key);
        var list = figures.ToList();
        var ages = AgeColumns(lists, list.SelectMany(x => x.Figure.Ages).Select(x => x.Code));
        var rows = list.Select(x => Row(x.Figure, x.Status, codes, lists, ages)).ToList();
        if (rows.Count == 0)
        {
            rows.Add(Columns(ages).Append("Rapportstatus").ToDictionary(c => c, _ => (object?)null));
        }
        var sheets = new Dictionary<string, object>
        {
            [FiguresSheet] = rows,
            [TargetsSheet] = TargetCodes(a).Select(kv => new Dictionary<string, object?> { ["Kod"] = kv.Key, ["Mätetal"] = kv.Value.Description, ["Mål"] = kv.Value.Rule.Phrase(JsonStringLocalizer.InSwedish) }).ToList(),
            [ValuesSheet] = ValidValues(lists),
        };
        using var stream = new MemoryStream();
        stream.SaveAs(sheets);
        return stream.ToArray();
    }

    /// <summary>Semicolon-separated, UTF-8 with a byte order mark, so that Excel set to Swedish opens it right.</summary>
    public static byte[] Csv(Agreement a, ReportingLists lists, IEnumerable<(FigureView Figure, ReportStatus Status)> figures)
    {
        var codes = TargetCodes(a).ToDictionary(kv => kv.Value.Id, kv => kv.Key);
        var list = figures.ToList();
        var ages = AgeColumns(lists, list.SelectMany(x => x.Figure.Ages).Select(x => x.Code));
        var sb = new StringBuilder();
        var header = Columns(ages).Append("Rapportstatus").ToList();
        // CRLF line ends, as RFC 4180 and Excel expect.
        sb.Append(string.Join(';', header.Select(CsvField))).Append("\r\n");
        foreach (var (figure, status) in list)
        {
            var row = Row(figure, status, codes, lists, ages);
            sb.Append(string.Join(';', header.Select(h => CsvField(row[h] switch
            {
                null => "",
                DateTime d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                decimal m => m.ToString(Swedish),
                IFormattable f => f.ToString(null, Swedish),
                var o => o.ToString() ?? "",
            })))).Append("\r\n");
        }
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(sb.ToString())];
    }

    private static string CsvField(string s) =>
        s.IndexOfAny([';', '"', '\n', '\r']) >= 0 ? "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : s;

    /// <summary>Text that a spreadsheet would run as a formula is written with a leading apostrophe.</summary>
    private static string? Safe(string? s) => s is { Length: > 0 } && "=+-@\t\r".Contains(s[0], StringComparison.Ordinal) ? "'" + s : s;

    private static Dictionary<string, object?> Row(FigureView f, ReportStatus status, Dictionary<int, string> codes, ReportingLists lists, List<(string Code, string Column)> ages)
    {
        // In the order of the columns: the spreadsheet takes its column order from the first row's keys.
        var row = new Dictionary<string, object?>
        {
            ["Typ"] = KindNames[f.Kind],
            ["Arrangemangstyp"] = f.EventKind is { } e ? Safe(lists.Find(CategoryKind.Event, e)?.Name ?? e) : null,
            ["Utfallstyp"] = f.OutcomeKind is { } o ? Safe(lists.Find(CategoryKind.Outcome, o)?.Name ?? o) : null,
            ["Från"] = f.From.ToDateTime(TimeOnly.MinValue),
            ["Till"] = f.To.ToDateTime(TimeOnly.MinValue),
            ["Rubrik"] = Safe(f.Title),
        };
        foreach (var value in FigureValues.All)
        {
            row[value.Column] = value.Get(f) is string text ? Safe(text) : value.Get(f);
            if (value.Column == "Annat/ej angivet")
            {
                foreach (var (code, column) in ages)
                {
                    row[column] = f.Age(code);
                }
            }
        }
        row["Mätetal"] = string.Join(", ", f.TargetIds.Select(id => codes.GetValueOrDefault(id, "?")));
        row["Anteckning"] = Safe(f.CorrectsFigureId is null ? f.Note : $"Rättelse: {f.CorrectionReason}. {f.Note}".Trim()) + (f.CorrectedById is null ? "" : " (ersatt av rättelse)");
        row["Rapportstatus"] = status switch { ReportStatus.Approved => "Godkänd", ReportStatus.Submitted => "Inlämnad", ReportStatus.Returned => "Återsänd", _ => "Utkast" };
        return row;
    }

    private static List<Dictionary<string, object?>> ValidValues(ReportingLists lists)
    {
        var events = lists.Offered(CategoryKind.Event).Select(c => c.Name).ToList();
        var outcomes = lists.Offered(CategoryKind.Outcome).Select(c => c.Name).ToList();
        var n = Math.Max(KindNames.Count, Math.Max(events.Count, outcomes.Count));
        return [.. Enumerable.Range(0, n).Select(i => new Dictionary<string, object?>
        {
            ["Typ"] = KindNames.Values.ElementAtOrDefault(i),
            ["Arrangemangstyp"] = Safe(events.ElementAtOrDefault(i)),
            ["Utfallstyp"] = Safe(outcomes.ElementAtOrDefault(i)),
        })];
    }

    /// <summary>Reads an uploaded workbook. Every problem is listed by row and column; the figures count only when there are none.</summary>
    public static SheetParse Read(byte[] bytes, Agreement a, ReportingLists lists)
    {
        var problems = new List<SheetProblem>();
        var figures = new List<FigureInput>();
        var rowNumbers = new List<int>();
        if (bytes.Length == 0)
        {
            return new([], [], [new(0, "", new Message("The file is empty."))]);
        }
        if (bytes.Length > MaxBytes)
        {
            return new([], [], [new(0, "", new Message("The file is larger than {0} MB.", MaxBytes / 1024 / 1024))]);
        }
        switch (Infrastructure.Documents.ZipLimits.Check(bytes, MaxEntries, MaxUncompressedBytes))
        {
            case Infrastructure.Documents.ZipLimits.Verdict.NotAZip:
                return new([], [], [new(0, "", new Message("The file is not an Excel workbook (.xlsx)."))]);
            case Infrastructure.Documents.ZipLimits.Verdict.TooManyEntries or Infrastructure.Documents.ZipLimits.Verdict.TooLarge:
                return new([], [], [new(0, "", new Message("The workbook unpacks to more than {0} MB; it cannot be a report. Use the template.", MaxUncompressedBytes / 1024 / 1024))]);
        }
        // Check with the Open XML SDK first: that it is a workbook at all, and that no cell holds a formula.
        try
        {
            using var doc = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
            var formulas = doc.WorkbookPart?.WorksheetParts.SelectMany(p => p.Worksheet?.Descendants<DocumentFormat.OpenXml.Spreadsheet.CellFormula>() ?? []).Take(5)
                .Select(f => f.Parent as DocumentFormat.OpenXml.Spreadsheet.Cell).ToList() ?? [];
            foreach (var cell in formulas)
            {
                var reference = cell?.CellReference?.Value ?? "";
                problems.Add(new(RowOf(reference), new string(reference.TakeWhile(char.IsLetter).ToArray()), new Message("The cell holds a formula; enter the value itself.")));
            }
            if (doc.WorkbookPart is null)
            {
                return new([], [], [new(0, "", new Message("The file is not an Excel workbook (.xlsx)."))]);
            }
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or IOException or FormatException or ArgumentException or InvalidOperationException)
        {
            return new([], [], [new(0, "", new Message("The file is not an Excel workbook (.xlsx)."))]);
        }
        if (problems.Count > 0)
        {
            return new([], [], problems);
        }

        List<IDictionary<string, object?>> rows;
        try
        {
            using var stream = new MemoryStream(bytes);
            var names = stream.GetSheetNames();
            stream.Position = 0;
            // Lazily, and no further than one row past the limit.
            rows = [.. stream.Query(useHeaderRow: true, sheetName: names.Contains(FiguresSheet) ? FiguresSheet : names.First()).Cast<IDictionary<string, object?>>().Take(MaxRows + 1)];
        }
        catch (Exception e) when (e is InvalidDataException or IOException or InvalidOperationException or ArgumentException or FormatException or KeyNotFoundException or NotSupportedException)
        {
            return new([], [], [new(0, "", new Message("The file is not an Excel workbook (.xlsx)."))]);
        }
        if (rows.Count > MaxRows)
        {
            return new([], [], [new(0, "", new Message("The file has more than {0} rows; at most {0} are read at a time.", MaxRows))]);
        }
        if (rows.Count > 0 && rows[0].Count > MaxColumns)
        {
            return new([], [], [new(1, "", new Message("The sheet has {0} columns; a report has at most {1}. Use the template.", rows[0].Count, MaxColumns))]);
        }
        var missing = Leading.Where(c => rows.Count > 0 && !rows[0].ContainsKey(c)).ToList();
        if (missing.Count > 0)
        {
            return new([], [], [new(1, "", new Message("The column {0} is missing: use the template.", missing[0]))]);
        }
        var codes = TargetCodes(a);
        for (var i = 0; i < rows.Count; i++)
        {
            var rowNumber = i + 2; // row 1 holds the headers
            var row = rows[i];
            if (row.Values.All(v => v is null || (v is string s && string.IsNullOrWhiteSpace(s))))
            {
                continue;
            }
            var before = problems.Count;
            void Bad(string column, Message r) => problems.Add(new(rowNumber, column, r));
            string? Text(string column) => row.TryGetValue(column, out var v) ? v?.ToString()?.Trim() is { Length: > 0 } s ? s : null : null;
            int? Int(string column)
            {
                var s = Text(column);
                if (s is null)
                {
                    return null;
                }
                if (SwedishNumber.TryParse(s, out var d) && d % 1 == 0 && d is >= int.MinValue and <= int.MaxValue)
                {
                    return (int)d;
                }
                Bad(column, new Message("Enter a whole number."));
                return null;
            }
            decimal? Dec(string column)
            {
                var s = Text(column);
                if (s is null)
                {
                    return null;
                }
                if (SwedishNumber.TryParse(s, out var d))
                {
                    return d;
                }
                Bad(column, new Message("Enter a number, e.g. 1 400 000 or 12,5."));
                return null;
            }
            DateOnly? Date(string column)
            {
                if (!row.TryGetValue(column, out var v) || v is null || (v is string e && string.IsNullOrWhiteSpace(e)))
                {
                    return null;
                }
                switch (v)
                {
                    case DateTime dt:
                        return DateOnly.FromDateTime(dt);
                    case double serial when serial is > 0 and < 100000:
                        return DateOnly.FromDateTime(DateTime.FromOADate(serial));
                    default:
                        if (DateOnly.TryParseExact(v.ToString()?.Trim(), ["yyyy-MM-dd", "yyyy-MM-dd HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
                        {
                            return d;
                        }
                        Bad(column, new Message("Write the date as 2024-12-31."));
                        return null;
                }
            }
            T? Choice<T>(string column, Dictionary<T, string> names) where T : struct, Enum
            {
                var s = Text(column);
                if (s is null)
                {
                    return null;
                }
                foreach (var (key, name) in names)
                {
                    if (string.Equals(name, s, StringComparison.OrdinalIgnoreCase) || string.Equals(key.ToString(), s, StringComparison.OrdinalIgnoreCase))
                    {
                        return key;
                    }
                }
                Bad(column, new Message("\"{0}\" is not one of the values on the sheet {1}.", s, ValuesSheet));
                return null;
            }
            // A category by its Swedish or English name or its code; a retired one is left to the figure's check to name.
            string? Category(string column, CategoryKind kind)
            {
                var s = Text(column);
                if (s is null)
                {
                    return null;
                }
                var found = lists.All.Where(c => c.Kind == kind).OrderByDescending(lists.IsOffered)
                    .FirstOrDefault(c => new[] { c.Name, c.NameEn, c.Code }.Any(n => string.Equals(n, s, StringComparison.OrdinalIgnoreCase)));
                if (found is null)
                {
                    Bad(column, new Message("\"{0}\" is not one of the values on the sheet {1}.", s, ValuesSheet));
                }
                return found?.Code;
            }

            var kind = Choice("Typ", KindNames);
            if (kind is null && Text("Typ") is null)
            {
                Bad("Typ", new Message("This field is required."));
            }
            var from = Date("Från");
            if (from is null && !problems.Skip(before).Any(p => p.Column == "Från"))
            {
                Bad("Från", new Message("This field is required."));
            }
            var targetIds = new List<int>();
            foreach (var code in (Text("Mätetal") ?? "").Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries))
            {
                if (codes.TryGetValue(code, out var target))
                {
                    targetIds.Add(target.Id);
                }
                else
                {
                    Bad("Mätetal", new Message("\"{0}\" is not a target code of this agreement; the codes are on the sheet {1}.", code, TargetsSheet));
                }
            }
            var input = new FigureInput
            {
                Kind = kind ?? FigureKind.Event,
                EventKind = Category("Arrangemangstyp", CategoryKind.Event),
                OutcomeKind = Category("Utfallstyp", CategoryKind.Outcome),
                From = from ?? default,
                To = Date("Till"),
                Title = Text("Rubrik"),
                Note = Text("Anteckning"),
                TargetIds = targetIds,
            };
            foreach (var value in FigureValues.All)
            {
                value.Set(input, value.Kind switch
                {
                    FigureValueKind.Count => Int(value.Column),
                    FigureValueKind.Share => Dec(value.Column),
                    _ => Text(value.Column),
                });
            }
            foreach (var band in lists.All.Where(c => c.Kind == CategoryKind.AgeBand))
            {
                if (row.ContainsKey(AgeColumn(band)) && Int(AgeColumn(band)) is { } n)
                {
                    input.Ages.Add(new AgeCount { Code = band.Code, Count = n });
                }
            }
            // A column headed like an age band the agreement does not have is not silently dropped.
            foreach (var column in row.Keys.Where(k => k.StartsWith(AgePrefix, StringComparison.Ordinal) && lists.All.All(c => c.Kind != CategoryKind.AgeBand || AgeColumn(c) != k)))
            {
                if (Text(column) is not null)
                {
                    Bad(column, new Message("\"{0}\" is not an age band of this agreement: use the template.", column));
                }
            }
            if (problems.Count == before)
            {
                figures.Add(input);
                rowNumbers.Add(rowNumber);
            }
        }
        if (figures.Count == 0 && problems.Count == 0)
        {
            problems.Add(new(0, "", new Message("The file has no figures.")));
        }
        return new(figures, rowNumbers, problems);
    }

    private static int RowOf(string reference) =>
        int.TryParse(new string(reference.SkipWhile(char.IsLetter).ToArray()), out var r) ? r : 0;

    /// <summary>Checks parsed figures against the report's rules as a whole: every row valid, or nothing is saved.</summary>
    public static List<SheetProblem> Check(ResultReport report, IReadOnlyList<FigureInput> figures, IReadOnlyList<int>? rows = null)
    {
        var problems = new List<SheetProblem>();
        for (var i = 0; i < figures.Count; i++)
        {
            var row = rows is not null && i < rows.Count ? rows[i] : i + 2;
            foreach (var r in figures[i].ToFigure().Check(report).Take(1))
            {
                problems.Add(new(row, "", r));
            }
            if (Recording.CheckTargets(report, figures[i]) is { } bad)
            {
                problems.Add(new(row, "Mätetal", bad));
            }
        }
        return problems;
    }
}
