using DocumentFormat.OpenXml.Drawing.Wordprocessing;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Samverka.Tests.Support;

/// <summary>
/// What makes a generated Word document accessible (issue 17, item 6), as Word's own accessibility checker and
/// PDF/UA export look for it: a title and language, real headings (styles with an outline level, no level skipped),
/// each table with a marked header row and alternative text, every image with alternative text. Used on every DOCX
/// Samverka writes.
/// </summary>
public static class DocxAccessibility
{
    public static List<string> Problems(WordprocessingDocument doc)
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(doc.PackageProperties.Title))
        {
            problems.Add("no document title");
        }
        if (string.IsNullOrWhiteSpace(doc.PackageProperties.Language))
        {
            problems.Add("no document language in the package properties");
        }
        var styles = doc.MainDocumentPart!.StyleDefinitionsPart?.Styles;
        var language = styles?.DocDefaults?.RunPropertiesDefault?.RunPropertiesBaseStyle?.GetFirstChild<Languages>()?.Val?.Value;
        if (string.IsNullOrWhiteSpace(language))
        {
            problems.Add("no default language for the text");
        }
        var outline = (styles?.Elements<Style>() ?? [])
            .Where(s => s.StyleParagraphProperties?.OutlineLevel?.Val?.Value is not null)
            .ToDictionary(s => s.StyleId!.Value!, s => s.StyleParagraphProperties!.OutlineLevel!.Val!.Value + 1);
        var body = doc.MainDocumentPart.Document!.Body!;
        var level = 0;
        var headings = 0;
        foreach (var p in body.Elements<Paragraph>())
        {
            if (p.ParagraphProperties?.ParagraphStyleId?.Val?.Value is not { } style || !outline.TryGetValue(style, out var l))
            {
                continue;
            }
            headings++;
            if (p.InnerText.Trim().Length == 0)
            {
                problems.Add("an empty heading");
            }
            if (l > level + 1)
            {
                problems.Add($"heading \"{p.InnerText}\" is level {l} after level {level}");
            }
            level = l;
        }
        if (headings == 0)
        {
            problems.Add("no headings (styles with an outline level)");
        }
        foreach (var (table, i) in body.Descendants<Table>().Select((t, i) => (t, i + 1)))
        {
            if (table.Elements<TableRow>().FirstOrDefault()?.TableRowProperties?.GetFirstChild<TableHeader>() is null)
            {
                problems.Add($"table {i} has no header row marked as such");
            }
            if (string.IsNullOrWhiteSpace(table.GetFirstChild<TableProperties>()?.GetFirstChild<TableCaption>()?.Val?.Value))
            {
                problems.Add($"table {i} has no alternative text (caption)");
            }
        }
        foreach (var image in body.Descendants<DocProperties>())
        {
            if (string.IsNullOrWhiteSpace(image.Description?.Value))
            {
                problems.Add($"image \"{image.Name}\" has no alternative text");
            }
        }
        return problems;
    }
}
