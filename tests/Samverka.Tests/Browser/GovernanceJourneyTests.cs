using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Samverka.Tests.Support;
using static Samverka.Tests.Browser.BrowserHost;

namespace Samverka.Tests.Browser;

/// <summary>The coordinator plans a meeting, records it with a deviation decision, attaches the minutes and finds them in the registry.</summary>
[Collection(BrowserCollection.Name)]
public class GovernanceJourneyTests
{
    [Fact]
    public async Task Coordinator_RecordsAMeetingWithADeviationDecision_AndFindsTheMinutesInTheRegistry()
    {
        await using var host = await StartAsync();
        var page = await host.NewPageAsync();
        await SignInAsync(page, Users.Coordinator);

        await page.GetByRole(AriaRole.Link, new() { Name = "IOP Folkets Husby – arbete och studier för unga i Järva" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Möten och avvikelser" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Row).Filter(new() { Has = page.GetByRole(AriaRole.Rowheader, new() { Name = "2024" }) })).ToHaveTextAsync(new Regex(@"2024\s*6\s*4"));
        await AssertAccessibleAsync(page);

        // Plan a meeting, then record one as held.
        await page.GetByLabel("Datum", new() { Exact = true }).FillAsync("2024-11-05");
        await page.GetByRole(AriaRole.Button, new() { Name = "Spara" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Styrgrupp – 2024-11" })).ToBeVisibleAsync();
        await page.GetByLabel("Hölls den").FillAsync("2024-11-05");
        await page.GetByLabel("Dagordning").FillAsync("1. Avvikelse i mentorskapsprogrammet");
        await page.GetByLabel("Protokoll").FillAsync("Styrgruppen godkände avvikelsen med ändringar.");
        await page.GetByLabel("Namn, rad 1").FillAsync("Enhetschef arbete och studier");
        await page.GetByRole(AriaRole.Button, new() { Name = "Spara" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Sparat.");
        await AssertAccessibleAsync(page);

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Du är här" }).GetByRole(AriaRole.Link, new() { Name = "Möten och avvikelser", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Mentorskapsprogrammet engagerade åtta ungdomar i stället för sexton." }).ClickAsync();
        await AssertAccessibleAsync(page);
        await page.GetByLabel("Vid mötet").SelectOptionAsync(new SelectOptionValue { Label = "2024-11-05" });
        await page.GetByLabel("Beslut", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Godkänd med ändringar" });
        await page.GetByLabel("Beslutet i ord (ändringarna, om några)").FillAsync("En ny mentoraktör anlitas.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Registrera beslutet" }).ClickAsync();
        await Assertions.Expect(page.Locator(".status")).ToHaveTextAsync("Godkänd med ändringar");

        // Attach the minutes to the case and find them in the registry.
        var husby = await host.App.WithDbAsync(ctx => ctx.Partnerships.Where(p => p.CaseNumber == "JÄRVA 2023/549").Select(p => p.Id).SingleAsync());
        await page.GotoAsync($"/Partnerships/Details/{husby}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Registrera en handling" }).ClickAsync();
        await AssertAccessibleAsync(page);
        await page.GetByLabel("Datum", new() { Exact = true }).FillAsync("2024-11-06");
        await page.GetByLabel("Kort beskrivning").FillAsync("Protokoll styrgruppen 2024-11-05");
        await page.GetByLabel("Fil (PDF, DOCX, XLSX eller bild, högst 20 MB)").SetInputFilesAsync(new FilePayload
        {
            Name = "protokoll-2024-11-05.pdf",
            MimeType = "application/pdf",
            Buffer = Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj\n<<>>\nendobj\nxref\n0 2\n0000000000 65535 f \n0000000009 00000 n \ntrailer\n<< /Size 2 >>\nstartxref\n33\n%%EOF"),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "Registrera", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Registrerad i JÄRVA 2023/549");

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Du är här" }).GetByRole(AriaRole.Link, new() { Name = "Diarium", Exact = true }).ClickAsync();
        await page.GetByLabel("Text", new() { Exact = true }).FillAsync("protokoll");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sök" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Protokoll styrgruppen 2024-11-05" })).ToContainTextAsync("JÄRVA 2023/549-1");
        await AssertAccessibleAsync(page);
    }
}
