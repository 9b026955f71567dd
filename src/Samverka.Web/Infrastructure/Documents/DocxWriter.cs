using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Samverka.Web.Infrastructure.Documents;

/// <summary>
/// Writes a Word document top to bottom in the house style (A4, Arial 11, two heading levels, bordered tables), so the
/// agreement and the official reports look alike. The caller says what the document says; this knows only Open XML.
/// </summary>
public sealed class DocxWriter
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    /// <summary>The language the document is written in; set on every run by default and on the package.</summary>
    private const string Language = "sv-SE";

    private readonly Body body = new();
    private string? title;

    /// <summary>Headings not yet followed by anything: written only once their section has content, so no heading stands empty.</summary>
    private readonly List<(int Level, string Text)> pendingHeadings = [];

    /// <summary>The document's title: its first line and its title property.</summary>
    public void Title(string text)
    {
        title = text;
        Add(text, "Title");
    }

    /// <summary>
    /// A heading of level 1 or 2 (deeper levels are written as level 2). It is written when its section gets content:
    /// a heading followed directly by one of the same or a higher level is dropped, and so is one at the end.
    /// </summary>
    public void Heading(int level, string text)
    {
        var normalised = level == 1 ? 1 : 2;
        pendingHeadings.RemoveAll(h => h.Level >= normalised);
        pendingHeadings.Add((normalised, text));
    }

    private void WritePendingHeadings()
    {
        foreach (var (level, text) in pendingHeadings)
        {
            body.Append(MakeParagraph(text, level == 1 ? "Heading1" : "Heading2"));
        }
        pendingHeadings.Clear();
    }

    /// <summary>One paragraph; a line break in the text stays a line break.</summary>
    public void Paragraph(string text) => Add(text, null);

    /// <summary>An indented paragraph, one item of a list.</summary>
    public void ListItem(string text) => Add(text, "ListParagraph");

    /// <summary>
    /// A note in small type marked ¹, ², ³ (higher numbers in brackets). Written in the running text, not as a Word
    /// footnote, so the note stays with the section it explains.
    /// </summary>
    public void Footnote(int number, string text) => Add($"{Superscript(number)} {text}", "FootnoteText");

    /// <summary>Running text: each blank-line-separated part becomes a paragraph, single line breaks stay breaks; nothing when empty.</summary>
    public void Text(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return;
        }
        foreach (var part in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            Paragraph(part);
        }
    }

    /// <summary>
    /// A full-width table with a header row marked as such (repeated on each page, read as headers by screen readers)
    /// and a caption as its alternative text; missing cells are left empty.
    /// </summary>
    public void Table(string caption, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows, bool rightAlignLastColumn = false)
    {
        var table = new Table();
        table.Append(new TableProperties(
            new TableStyle { Val = "TableGrid" },
            new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct },
            new TableCaption { Val = caption }));
        var grid = new TableGrid();
        foreach (var _ in headers)
        {
            grid.Append(new GridColumn { Width = (9070 / headers.Count).ToString(CultureInfo.InvariantCulture) });
        }
        table.Append(grid);
        var header = new TableRow(new TableRowProperties(new TableHeader()));
        foreach (var h in headers)
        {
            header.Append(new TableCell(MakeParagraph(h, bold: true)));
        }
        table.Append(header);
        foreach (var row in rows)
        {
            var tr = new TableRow();
            for (var i = 0; i < headers.Count; i++)
            {
                var value = i < row.Count ? row[i] : "";
                tr.Append(new TableCell(MakeParagraph(value, right: rightAlignLastColumn && i == headers.Count - 1)));
            }
            table.Append(tr);
        }
        WritePendingHeadings();
        body.Append(table);
        // Word joins adjacent tables and wants a paragraph after each; an empty one keeps both true.
        body.Append(new Paragraph());
    }

    /// <summary>The document as written so far.</summary>
    public byte[] ToArray()
    {
        using var stream = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            AddStyles(main);
            // A copy, so the writer can be saved again or written on.
            var content = (Body)body.CloneNode(true);
            main.Document = new Document(content);
            doc.PackageProperties.Title = title;
            doc.PackageProperties.Creator = "Samverka";
            doc.PackageProperties.Language = Language;
            content.Append(new SectionProperties(
                new PageSize { Width = 11906U, Height = 16838U },
                new PageMargin { Top = 1418, Bottom = 1418, Left = 1418U, Right = 1418U, Header = 709U, Footer = 709U, Gutter = 0U }));
            main.Document.Save();
        }
        return stream.ToArray();
    }

    private static string Superscript(int n) => n switch { 1 => "¹", 2 => "²", 3 => "³", _ => $"({n})" };

    private void Add(string text, string? style)
    {
        WritePendingHeadings();
        body.Append(MakeParagraph(text, style));
    }

    private static Paragraph MakeParagraph(string text, string? style = null, bool bold = false, bool right = false)
    {
        var p = new Paragraph();
        var props = new ParagraphProperties();
        if (style is not null)
        {
            props.Append(new ParagraphStyleId { Val = style });
        }
        if (right)
        {
            props.Append(new Justification { Val = JustificationValues.Right });
        }
        if (props.HasChildren)
        {
            p.Append(props);
        }
        var run = new Run();
        if (bold)
        {
            run.Append(new RunProperties(new Bold()));
        }
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (i > 0)
            {
                run.Append(new Break());
            }
            run.Append(new Text(lines[i]) { Space = SpaceProcessingModeValues.Preserve });
        }
        p.Append(run);
        return p;
    }

    private static void AddStyles(MainDocumentPart main)
    {
        var stylesPart = main.AddNewPart<StyleDefinitionsPart>();
        var styles = new Styles(
            new DocDefaults(
                new RunPropertiesDefault(new RunPropertiesBaseStyle(
                    new RunFonts { Ascii = "Arial", HighAnsi = "Arial", ComplexScript = "Arial" },
                    new FontSize { Val = "22" },
                    new Languages { Val = Language })),
                new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(new SpacingBetweenLines { After = "120", Line = "276", LineRule = LineSpacingRuleValues.Auto }))),
            Style("Normal", "Normal", null, isDefault: true),
            Style("Title", "Title", new StyleRunProperties(new Bold(), new FontSize { Val = "36" })),
            Style("Heading1", "heading 1", new StyleRunProperties(new Bold(), new FontSize { Val = "28" }), new StyleParagraphProperties(new KeepNext(), new SpacingBetweenLines { Before = "240", After = "120" }, new OutlineLevel { Val = 0 })),
            Style("Heading2", "heading 2", new StyleRunProperties(new Bold(), new FontSize { Val = "24" }), new StyleParagraphProperties(new KeepNext(), new SpacingBetweenLines { Before = "200", After = "80" }, new OutlineLevel { Val = 1 })),
            Style("ListParagraph", "List Paragraph", null, new StyleParagraphProperties(new Indentation { Left = "720" })),
            Style("FootnoteText", "footnote text", new StyleRunProperties(new FontSize { Val = "18" })),
            new Style(
                new StyleName { Val = "Table Grid" },
                new BasedOn { Val = "Normal" },
                new StyleTableProperties(new TableBorders(
                    new TopBorder { Val = BorderValues.Single, Size = 4 },
                    new LeftBorder { Val = BorderValues.Single, Size = 4 },
                    new BottomBorder { Val = BorderValues.Single, Size = 4 },
                    new RightBorder { Val = BorderValues.Single, Size = 4 },
                    new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 },
                    new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 })))
            { Type = StyleValues.Table, StyleId = "TableGrid" });
        stylesPart.Styles = styles;
        stylesPart.Styles.Save();
    }

    private static Style Style(string id, string name, StyleRunProperties? run, StyleParagraphProperties? paragraph = null, bool isDefault = false)
    {
        var style = new Style { Type = StyleValues.Paragraph, StyleId = id, Default = isDefault ? true : null };
        style.Append(new StyleName { Val = name });
        if (id != "Normal")
        {
            style.Append(new BasedOn { Val = "Normal" });
            style.Append(new NextParagraphStyle { Val = "Normal" });
        }
        if (paragraph is not null)
        {
            style.Append(paragraph);
        }
        if (run is not null)
        {
            style.Append(run);
        }
        return style;
    }
}
