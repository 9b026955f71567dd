using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Samverka.Tests.Support;
using static Samverka.Tests.Browser.BrowserHost;

namespace Samverka.Tests.Browser;

/// <summary>What people do in the browser, with the keyboard where it matters, and an accessibility check on every page visited.</summary>
[Collection(BrowserCollection.Name)]
public class AgreementJourneyTests
{
    [Fact]
    public async Task Coordinator_CreatesAnAgreement_TakesItThroughItsLife_AndDownloadsIt()
    {
        await using var host = await StartAsync();
        var page = await host.NewPageAsync();
        await SignInAsync(page, Users.Coordinator);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Portfölj" })).ToBeVisibleAsync();
        await AssertAccessibleAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "IOP Folkets Husby – arbete och studier för unga i Järva" }).ClickAsync();
        await AssertAccessibleAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Ny överenskommelse" }).ClickAsync();
        await AssertAccessibleAsync(page);
        await page.GetByLabel("Rubrik").FillAsync("Överenskommelse Folkets Husby 2027");
        await page.GetByLabel("Startdatum").FillAsync("2027-01-01");
        await page.GetByLabel("Slutdatum").FillAsync("2027-12-31");
        await page.GetByLabel("Förlängning som längst till").FillAsync("2028-12-31");
        await page.GetByLabel("Årligt bidrag (kr)").FillAsync("1 400 000");
        await page.GetByRole(AriaRole.Button, new() { Name = "Skapa utkast" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Överenskommelse Folkets Husby 2027" })).ToBeVisibleAsync();
        await AssertAccessibleAsync(page);
        var agreementUrl = page.Url;

        await page.GetByRole(AriaRole.Link, new() { Name = "Lägg till mål" }).ClickAsync();
        await AssertAccessibleAsync(page);
        await page.GetByLabel("Mål", new() { Exact = true }).FillAsync("Tillgängliggöra befintligt stöd för arbete och studier");
        await page.GetByLabel("Problemet som målet ska lösa").FillAsync("Målgruppen saknar kunskap om stöd.");
        var firstResult = page.Locator("fieldset").First;
        await firstResult.GetByLabel("Förväntat resultat").FillAsync("Två genomförda arrangemang, 50 stycken besökare per arrangemang");
        await firstResult.GetByLabel("Typ").SelectOptionAsync(new SelectOptionValue { Label = "Antal per arrangemang" });
        await firstResult.GetByLabel("Målvärde (per arrangemang; för en andel i procent)").FillAsync("50");
        await firstResult.GetByLabel("Antal arrangemang").FillAsync("2");
        await firstResult.GetByLabel("Enhet", new() { Exact = true }).FillAsync("besökare");
        await page.GetByRole(AriaRole.Button, new() { Name = "Spara" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Mål 1: Tillgängliggöra befintligt stöd för arbete och studier" })).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Ändra budget" }).ClickAsync();
        await AssertAccessibleAsync(page);
        await page.GetByLabel("Typ av kostnad, rad 1").FillAsync("Lönekostnader 1,5 tjänst");
        await page.GetByLabel("Belopp, rad 1").FillAsync("1 000 000");
        await page.GetByRole(AriaRole.Button, new() { Name = "Spara" }).ClickAsync();
        // Not adding up: told why, nothing saved.
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Budgetposterna summerar till 1 000 000 men det årliga bidraget är 1 400 000.");
        await AssertAccessibleAsync(page);
        await page.GetByLabel("Belopp, rad 1").FillAsync("1 400 000");
        await page.GetByRole(AriaRole.Button, new() { Name = "Spara" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Cell, new() { Name = "Lönekostnader 1,5 tjänst" })).ToBeVisibleAsync();

        await page.GetByLabel("Datum för nämndsammanträdet").FillAsync("2026-11-26");
        await page.GetByRole(AriaRole.Button, new() { Name = "Föreslå", Exact = true }).ClickAsync();
        await Expect(page.Locator(".status").First).ToHaveTextAsync("Föreslagen");
        await AssertAccessibleAsync(page);

        await page.GetByLabel("Paragraf (§)").FillAsync("§ 14");
        await page.GetByRole(AriaRole.Button, new() { Name = "Registrera beslut" }).ClickAsync();
        await Expect(page.Locator(".status").First).ToHaveTextAsync("Beslutad");

        foreach (var party in new[] { "Folkets Husby", "Järva stadsdelsförvaltning" })
        {
            var form = page.Locator("form").Filter(new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = $"Underskrift för {party}" }) });
            await form.GetByLabel("Undertecknad den").FillAsync("2026-12-01");
            await form.GetByRole(AriaRole.Button, new() { Name = "Registrera underskrift" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Sparat.");
        }
        await Expect(page.Locator(".status").First).ToHaveTextAsync("Undertecknad");
        await AssertAccessibleAsync(page);
        Assert.Equal(agreementUrl, page.Url);

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Ladda ner som Word (DOCX)" }).ClickAsync());
        var file = Path.Combine(Path.GetTempPath(), $"{Guid.NewGuid():N}.docx");
        await download.SaveAsAsync(file);
        using (var doc = WordprocessingDocument.Open(file, false))
        {
            var text = doc.MainDocumentPart!.Document!.Body!.InnerText.Replace('\u00A0', ' ');
            Assert.Contains("Överenskommelse Folkets Husby 2027", text);
            Assert.Contains("1 400 000 kr", text);
            Assert.Contains("Två genomförda arrangemang, 50 stycken besökare per arrangemang", text);
        }
        File.Delete(file);
    }

    [Fact]
    public async Task PartnerUser_SeesOnlyTheirOwnPartnerships()
    {
        await using var host = await StartAsync();
        var page = await host.NewPageAsync();
        await SignInAsync(page, Users.IogtSpanga);
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "IOP IOGT-NTO Spånga – mötesplats för kvinnor i Tensta" })).ToBeVisibleAsync();
        await Expect(page.GetByText("Folkets Husby")).ToHaveCountAsync(0);
        await AssertAccessibleAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "IOP IOGT-NTO Spånga – mötesplats för kvinnor i Tensta" }).ClickAsync();
        await Expect(page.GetByText("tidigare Spånga Blåbandsförening")).ToBeVisibleAsync();
        await AssertAccessibleAsync(page);
        await page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("2024$") }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Ändra text och villkor" })).ToHaveCountAsync(0);
        await AssertAccessibleAsync(page);

        var husby = await host.App.WithDbAsync(ctx => ctx.Partnerships.Where(p => p.CaseNumber == "JÄRVA 2023/549").Select(p => p.Id).SingleAsync());
        var response = await page.GotoAsync($"/Partnerships/Details/{husby}");
        Assert.Equal(404, response!.Status);
    }

    [Fact]
    public async Task EnglishSwitch_ChangesTheInterface()
    {
        await using var host = await StartAsync();
        var page = await host.NewPageAsync();
        await SignInAsync(page, Users.Coordinator);
        await page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Portfolio" })).ToBeVisibleAsync();
        await AssertAccessibleAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Svenska" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Portfölj" })).ToBeVisibleAsync();
    }

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);
}
