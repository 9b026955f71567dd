using Microsoft.Playwright;
using Samverka.Tests.Support;
using static Samverka.Tests.Browser.BrowserHost;

namespace Samverka.Tests.Browser;

/// <summary>The partner records a fair and submits; the coordinator approves; goal fulfilment shows it, with the chart.</summary>
[Collection(BrowserCollection.Name)]
public class ResultsJourneyTests
{
    [Fact]
    public async Task Partner_RecordsAFair_Coordinator_Approves_FulfilmentShowsIt()
    {
        await using var host = await StartAsync();
        var partner = await host.NewPageAsync();
        await SignInAsync(partner, Users.FolketsHusby);
        await partner.GetByRole(AriaRole.Link, new() { Name = "IOP Folkets Husby – arbete och studier för unga i Järva" }).ClickAsync();
        await partner.GetByRole(AriaRole.Link, new() { Name = "Resultat och måluppfyllelse" }).ClickAsync();
        await Assertions.Expect(partner.GetByText("Här registreras bara antal")).ToBeVisibleAsync();
        await AssertAccessibleAsync(partner);

        await partner.GetByLabel("Från").FillAsync("2024-06-01");
        await partner.GetByLabel("Till", new() { Exact = true }).FillAsync("2024-06-30");
        await partner.GetByRole(AriaRole.Button, new() { Name = "Öppna perioden" }).ClickAsync();
        await Assertions.Expect(partner.GetByRole(AriaRole.Heading, new() { Name = "Rapportperiod 2024-06-01 – 2024-06-30" })).ToBeVisibleAsync();
        await AssertAccessibleAsync(partner);

        await partner.GetByLabel("Typ av uppgift").SelectOptionAsync(new SelectOptionValue { Label = "Arrangemang" });
        await partner.GetByLabel("Rubrik eller beskrivning").FillAsync("Jobbmässa i juni");
        await partner.GetByLabel("Datum (eller från)").FillAsync("2024-06-12");
        await partner.GetByLabel("Typ av arrangemang").SelectOptionAsync(new SelectOptionValue { Label = "Mässa" });
        await partner.GetByLabel("Antal totalt (besökare, besök, personer)").FillAsync("64");
        await partner.GetByLabel("Kvinnor", new() { Exact = true }).FillAsync("30");
        await partner.GetByLabel("Män", new() { Exact = true }).FillAsync("34");
        await partner.GetByLabel("Mål 1: Två genomförda arrangemang, 50 stycken besökare per arrangemang").CheckAsync();
        await partner.GetByLabel("Mål 1: Antal nådda i målgruppen ska totalt uppgå till 300 kvinnor och män.").CheckAsync();
        await partner.GetByRole(AriaRole.Button, new() { Name = "Registrera", Exact = true }).ClickAsync();
        await Assertions.Expect(partner.GetByRole(AriaRole.Cell, new() { Name = "64" })).ToBeVisibleAsync();
        await partner.GetByRole(AriaRole.Button, new() { Name = "Lämna in", Exact = true }).ClickAsync();
        await Assertions.Expect(partner.Locator(".status").First).ToHaveTextAsync("Inlämnad");
        await AssertAccessibleAsync(partner);
        var reportUrl = partner.Url;

        var coordinator = await host.NewPageAsync();
        await SignInAsync(coordinator, Users.Coordinator);
        await coordinator.GotoAsync(new Uri(reportUrl).PathAndQuery);
        await AssertAccessibleAsync(coordinator);
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Godkänn" }).ClickAsync();
        await Assertions.Expect(coordinator.Locator(".status").First).ToHaveTextAsync("Godkänd");

        await coordinator.GetByRole(AriaRole.Navigation, new() { Name = "Du är här" }).GetByRole(AriaRole.Link, new() { Name = "Resultat", Exact = true }).ClickAsync();
        await coordinator.GetByRole(AriaRole.Link, new() { Name = "2024", Exact = true }).ClickAsync();
        await Assertions.Expect(coordinator.GetByRole(AriaRole.Heading, new() { Name = "Måluppfyllelse 2024" })).ToBeVisibleAsync();
        var fairs = coordinator.GetByRole(AriaRole.Row).Filter(new() { HasText = "Två genomförda arrangemang, 50 stycken besökare per arrangemang" });
        await Assertions.Expect(fairs).ToContainTextAsync("Jobbmässa i juni: 64");
        await Assertions.Expect(fairs).ToContainTextAsync("Uppfyllt");
        var reached = coordinator.GetByRole(AriaRole.Row).Filter(new() { HasText = "Antal nådda i målgruppen" });
        await Assertions.Expect(reached).ToContainTextAsync("365");
        var mentorship = coordinator.GetByRole(AriaRole.Row).Filter(new() { HasText = "mentorsprogram" });
        await Assertions.Expect(mentorship).ToContainTextAsync("Inte uppfyllt");
        await Assertions.Expect(mentorship).ToContainTextAsync("drog sig ur");
        await Assertions.Expect(coordinator.GetByRole(AriaRole.Img, new() { Name = "Mål och utfall" })).ToBeVisibleAsync();
        await Assertions.Expect(coordinator.GetByRole(AriaRole.Img, new() { Name = "Könsfördelning under perioden" })).ToBeVisibleAsync();
        await AssertAccessibleAsync(coordinator);
    }
}
