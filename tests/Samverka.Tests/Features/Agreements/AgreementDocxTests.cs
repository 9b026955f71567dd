using System.Net;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.EntityFrameworkCore;
using Samverka.Tests.Support;

namespace Samverka.Tests.Features.Agreements;

public class AgreementDocxTests
{
    [Theory, ClassData(typeof(BothDatabases))]
    public async Task SeedAgreement_ReadsLikeTheOriginal_AndIsValid(Db db)
    {
        await using var app = await SamverkaApp.StartAsync(db);
        var id = await app.WithDbAsync(ctx => ctx.Agreements.Where(a => a.Title == "Överenskommelse Folkets Husby").Select(a => a.Id).SingleAsync());
        var response = await app.ApiClient(Users.FolketsHusby).GetAsync($"/api/agreements/{id}/docx");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();

        using var doc = WordprocessingDocument.Open(new MemoryStream(bytes), false);
        // Valid for Word 2010 and later: tables' alternative text (tblCaption) came with 2010.
        var errors = new OpenXmlValidator(DocumentFormat.OpenXml.FileFormatVersions.Office2010).Validate(doc).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        // Accessible as well as valid: title, language, real headings, marked table headers, alternative text.
        var inaccessible = DocxAccessibility.Problems(doc);
        Assert.True(inaccessible.Count == 0, string.Join("\n", inaccessible));
        Assert.Equal("sv-SE", doc.PackageProperties.Language);

        var body = doc.MainDocumentPart!.Document!.Body!;
        var headings = body.Elements<Paragraph>()
            .Where(p => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value == "Heading1")
            .Select(p => p.InnerText).ToList();
        Assert.Equal(
        [
            "Samhällsutmaning", "Parter", "Syfte och mål", "Metod", "Målgrupp", "Insatser och åtaganden", "Organisation/struktur för partnerskapet",
            "Ekonomi och resurser", "Partnerskapets tidsperiod", "Uppföljning/avstämningar under arbetets gång", "Dokumentation och redovisning",
            "Omförhandling", "Uppsägning och oenighet mellan parterna", "Sekretess och tystnadsplikt i förekommande fall", "Slutrapport",
            "Underskrifter av behöriga företrädare",
        ], headings);

        var text = string.Join("\n", body.Descendants<Paragraph>().Select(p => p.InnerText)).Replace('\u00A0', ' ');
        Assert.Contains("802497-1221", text);
        Assert.Contains("1 050 000 kr", text);
        Assert.Contains("1 400 000 kr", text);
        Assert.Contains("från och med 2024-01-01 till och med 2024-12-31 med möjlighet till förlängning som längst till och med 2026-12-31", text);
        Assert.Contains("senast den 2024-05-31", text);
        Assert.Contains("30 dagars förfallotid", text);
        Assert.Contains("Två genomförda arrangemang, 50 stycken besökare per arrangemang (Folkets Husby). Mål: 2 × minst 50 besökare.", text);
        Assert.Contains("¹ 13,2 procent 2021 i f.d. Rinkeby-Kista respektive 11,6 procent i Spånga-Tensta", text);
        Assert.Contains("Adjungerad representant utan beslutanderätt 1 resurs från Arbetsmarknadsförvaltningen", text);
        Assert.Contains("Victoria Callenmark", text);

        var tables = body.Elements<Table>().Select(t => t.Elements<TableRow>().First().InnerText).ToList();
        Assert.Contains("MålFörväntat resultat", tables);
        Assert.Contains("AktiviteterResurser och ansvar", tables);
        Assert.Contains("Typ av kostnadKostnad finansierad genom IoP", tables);
    }
}
