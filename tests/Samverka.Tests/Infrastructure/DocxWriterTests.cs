using DocumentFormat.OpenXml.Packaging;
using Samverka.Tests.Support;
using Samverka.Web.Infrastructure.Documents;

namespace Samverka.Tests.Infrastructure;

/// <summary>The house writer's documents are accessible by construction, and the check would see it if they were not.</summary>
public class DocxWriterTests
{
    [Fact]
    public void AWrittenDocument_HasTitleLanguageHeadingsAndMarkedTables()
    {
        var writer = new DocxWriter();
        writer.Title("Uppföljning 2024");
        writer.Heading(1, "Bakgrund");
        writer.Paragraph("Text.");
        writer.Heading(2, "Ekonomi");
        writer.Table("Budget", ["Typ av kostnad", "Belopp"], [["Lön", "1 000 000 kr"]]);
        using var doc = WordprocessingDocument.Open(new MemoryStream(writer.ToArray()), false);
        Assert.Empty(new DocumentFormat.OpenXml.Validation.OpenXmlValidator(DocumentFormat.OpenXml.FileFormatVersions.Office2010).Validate(doc).Select(e => e.Description));
        Assert.Empty(DocxAccessibility.Problems(doc));
        Assert.Equal("Uppföljning 2024", doc.PackageProperties.Title);
    }

    [Fact]
    public void TheCheck_FindsASkippedHeadingLevel_AndADocumentWithoutTitle()
    {
        var writer = new DocxWriter();
        writer.Heading(2, "Ekonomi");
        writer.Paragraph("Bidraget betalas ut kvartalsvis.");
        using var doc = WordprocessingDocument.Open(new MemoryStream(writer.ToArray()), false);
        var problems = DocxAccessibility.Problems(doc);
        Assert.Contains("no document title", problems);
        Assert.Contains("heading \"Ekonomi\" is level 2 after level 0", problems);
    }

    /// <summary>Issue 23, item 2: a heading with nothing under it (a section the agreement does not have) is not written.</summary>
    [Fact]
    public void AHeadingWithNothingUnderIt_IsLeftOut()
    {
        var writer = new DocxWriter();
        writer.Title("Överenskommelse");
        writer.Heading(1, "Uppsägning");
        writer.Heading(1, "Ekonomi");
        writer.Paragraph("Bidraget betalas ut kvartalsvis.");
        writer.Heading(1, "Bilagor");
        using var doc = WordprocessingDocument.Open(new MemoryStream(writer.ToArray()), false);
        var text = doc.MainDocumentPart!.Document!.Body!.InnerText;
        Assert.Contains("Ekonomi", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Uppsägning", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Bilagor", text, StringComparison.Ordinal);
    }
}
