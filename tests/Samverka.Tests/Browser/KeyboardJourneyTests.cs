using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Samverka.Tests.Support;
using static Microsoft.Playwright.Assertions;
using static Samverka.Tests.Browser.BrowserHost;

namespace Samverka.Tests.Browser;

/// <summary>
/// Issue 17, item 2: each role's main journey with the keyboard alone (no click, no fill): the coordinator sets up a
/// partnership and proposes its agreement; the partner records figures and submits; the coordinator approves; a
/// meeting is recorded. On the way: the skip link, the error summary that takes the focus and leads to the field,
/// and the success message where the focus lands.
/// </summary>
[Collection(BrowserCollection.Name)]
public class KeyboardJourneyTests
{
    [Fact]
    public async Task EveryRolesMainJourney_IsDoneWithTheKeyboardAlone()
    {
        await using var host = await StartAsync();

        // --- the coordinator: a partnership, its agreement with a goal, a target and a budget line, proposed ---
        var page = await host.NewPageAsync();
        var keys = new KeyboardOnly(page);
        await SignInByKeyboardAsync(page, keys, Users.Coordinator);

        // The first Tab reaches the skip link, which is then visible; Enter puts the focus on the main content.
        await page.Keyboard.PressAsync("Tab");
        var skip = page.GetByRole(AriaRole.Link, new() { Name = "Hoppa till innehållet" });
        await Expect(skip).ToBeFocusedAsync();
        await Expect(skip).ToBeInViewportAsync();
        await keys.AssertFocusVisibleAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("main#main")).ToBeFocusedAsync();

        await keys.PressAsync(page.GetByRole(AriaRole.Link, new() { Name = "Nytt partnerskap" }));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Nytt partnerskap", Level = 1 })).ToBeVisibleAsync();
        await keys.TypeAsync(page.GetByLabel("Namn"), "IOP Läxhjälp i Husby");
        await keys.ChooseAsync(page.GetByLabel("Nämnd"), "Järva stadsdelsnämnd");
        await keys.ChooseAsync(page.GetByLabel("Organisation"), "Folkets Husby");
        await keys.TypeAsync(page.GetByLabel("Diarienummer"), "JÄRVA 2026/101");
        await keys.PressAsync(page.GetByRole(AriaRole.Button, new() { Name = "Skapa" }));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "IOP Läxhjälp i Husby", Level = 1 })).ToBeVisibleAsync();
        await AssertSavedAndFocusedAsync(page);
        await AssertAccessibleAsync(page);

        await keys.PressAsync(page.GetByRole(AriaRole.Link, new() { Name = "Ny överenskommelse" }));
        await keys.TypeAsync(page.GetByLabel("Rubrik"), "Överenskommelse läxhjälp 2027");
        await keys.DateAsync(page.GetByLabel("Startdatum"), "2027-01-01");
        await keys.DateAsync(page.GetByLabel("Slutdatum"), "2027-12-31");
        await keys.TypeAsync(page.GetByLabel("Årligt bidrag (kr)"), "400 000");
        await keys.PressAsync(page.GetByRole(AriaRole.Button, new() { Name = "Skapa utkast" }));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Överenskommelse läxhjälp 2027", Level = 1 })).ToBeVisibleAsync();
        await AssertSavedAndFocusedAsync(page);

        await keys.PressAsync(page.GetByRole(AriaRole.Link, new() { Name = "Lägg till mål" }));
        await keys.TypeAsync(page.GetByLabel("Mål", new() { Exact = true }), "Fler elever klarar skolan");
        await keys.TypeAsync(page.GetByLabel("Problemet som målet ska lösa"), "Många elever saknar stöd med läxorna.");
        var target = page.Locator("fieldset").First;
        await keys.TypeAsync(target.GetByLabel("Förväntat resultat"), "120 elever deltar i läxhjälpen");
        await keys.ChooseAsync(target.GetByLabel("Typ"), "Antal");
        await keys.TypeAsync(target.GetByLabel("Målvärde (per arrangemang; för en andel i procent)"), "120");
        await keys.TypeAsync(target.GetByLabel("Enhet", new() { Exact = true }), "elever");
        await keys.PressAsync(page.GetByRole(AriaRole.Button, new() { Name = "Spara" }));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Mål 1: Fler elever klarar skolan" })).ToBeVisibleAsync();
        await AssertSavedAndFocusedAsync(page);

        // A budget that does not add up: the summary at the top takes the focus; its link leads to the field.
        await keys.PressAsync(page.GetByRole(AriaRole.Link, new() { Name = "Ändra budget" }));
        await keys.TypeAsync(page.GetByLabel("Typ av kostnad, rad 1"), "Lönekostnader läxhjälpare");
        await keys.TypeAsync(page.GetByLabel("Belopp, rad 1"), "300 000");
        await keys.PressAsync(page.GetByRole(AriaRole.Button, new() { Name = "Spara" }));
        var summary = page.Locator(".error-summary");
        await Expect(summary).ToBeFocusedAsync();
        await Expect(summary).ToContainTextAsync("Det finns ett problem");
        await Expect(summary).ToContainTextAsync("Budgetposterna summerar till 300 000 men det årliga bidraget är 400 000.");
        await keys.AssertFocusVisibleAsync();
        await AssertAccessibleAsync(page);
        await page.Keyboard.PressAsync("Tab");
        await Expect(summary.GetByRole(AriaRole.Link)).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByLabel("Årligt bidrag (kr)")).ToBeFocusedAsync();
        await Expect(page.GetByLabel("Årligt bidrag (kr)")).ToHaveAttributeAsync("aria-invalid", "true");
        await keys.TypeAsync(page.GetByLabel("Belopp, rad 1"), "400 000");
        await keys.PressAsync(page.GetByRole(AriaRole.Button, new() { Name = "Spara" }));
        await Expect(page.GetByRole(AriaRole.Cell, new() { Name = "Lönekostnader läxhjälpare" })).ToBeVisibleAsync();
        await AssertSavedAndFocusedAsync(page);

        await keys.DateAsync(page.GetByLabel("Datum för nämndsammanträdet"), "2026-12-17");
        await keys.PressAsync(page.GetByRole(AriaRole.Button, new() { Name = "Föreslå", Exact = true }));
        await Expect(page.Locator(".status").First).ToHaveTextAsync("Föreslagen");
        await AssertSavedAndFocusedAsync(page);
        await AssertAccessibleAsync(page);
        await page.Context.CloseAsync();

        // --- the partner: a reporting period, a summer-job group recorded against its target (the yearly report left it out), the report submitted ---
        var partner = await host.NewPageAsync();
        var partnerKeys = new KeyboardOnly(partner);
        await SignInByKeyboardAsync(partner, partnerKeys, Users.FolketsHusby);
        await partnerKeys.PressAsync(partner.GetByRole(AriaRole.Link, new() { Name = "IOP Folkets Husby – arbete och studier för unga i Järva" }));
        await partnerKeys.PressAsync(partner.GetByRole(AriaRole.Link, new() { Name = "Resultat och måluppfyllelse" }));
        await partnerKeys.DateAsync(partner.GetByLabel("Från"), "2024-06-01");
        await partnerKeys.DateAsync(partner.GetByLabel("Till", new() { Exact = true }), "2024-08-31");
        await partnerKeys.PressAsync(partner.GetByRole(AriaRole.Button, new() { Name = "Öppna perioden" }));
        await Expect(partner.GetByRole(AriaRole.Heading, new() { Name = "Rapportperiod 2024-06-01 – 2024-08-31" })).ToBeVisibleAsync();
        await partnerKeys.ChooseAsync(partner.GetByLabel("Typ av uppgift"), "Deltagare i program");
        await partnerKeys.TypeAsync(partner.GetByLabel("Rubrik eller beskrivning"), "Feriearbete, första gruppen");
        await partnerKeys.DateAsync(partner.GetByLabel("Datum (eller från)"), "2024-06-17");
        await partnerKeys.ChooseAsync(partner.GetByLabel("Typ av arrangemang"), "Feriearbetsgrupp");
        await partnerKeys.TypeAsync(partner.GetByLabel("Började", new() { Exact = true }), "10");
        await partnerKeys.TickAsync(partner.GetByLabel("Mål 2: Två grupper om 10 ungdomar har feriearbetat på Folkets Husby under sommaren 2024."));
        await partnerKeys.PressAsync(partner.GetByRole(AriaRole.Button, new() { Name = "Registrera", Exact = true }));
        await Expect(partner.GetByRole(AriaRole.Row).Filter(new() { HasText = "Feriearbete, första gruppen" })).ToContainTextAsync("10");
        await AssertSavedAndFocusedAsync(partner);
        await partnerKeys.PressAsync(partner.GetByRole(AriaRole.Button, new() { Name = "Lämna in", Exact = true }));
        await Expect(partner.Locator(".status").First).ToHaveTextAsync("Inlämnad");
        await AssertSavedAndFocusedAsync(partner);
        var reportUrl = new Uri(partner.Url).PathAndQuery;
        await partner.Context.CloseAsync();

        // --- the coordinator approves the report, then records a steering-group meeting ---
        var coordinator = await host.NewPageAsync();
        var coordinatorKeys = new KeyboardOnly(coordinator);
        await SignInByKeyboardAsync(coordinator, coordinatorKeys, Users.Coordinator);
        await coordinator.GotoAsync(reportUrl); // typed into the address bar
        await coordinatorKeys.PressAsync(coordinator.GetByRole(AriaRole.Button, new() { Name = "Godkänn" }));
        await Expect(coordinator.Locator(".status").First).ToHaveTextAsync("Godkänd");
        await AssertSavedAndFocusedAsync(coordinator);

        // The trail leads back to the partnership, and from the end of a page back up with Shift+Tab.
        await coordinatorKeys.PressAsync(coordinator.GetByRole(AriaRole.Navigation, new() { Name = "Du är här" }).GetByRole(AriaRole.Link, new() { Name = "IOP Folkets Husby – arbete och studier för unga i Järva" }));
        await coordinatorKeys.PressAsync(coordinator.GetByRole(AriaRole.Link, new() { Name = "Möten och avvikelser" }));
        await coordinatorKeys.DateAsync(coordinator.GetByLabel("Datum", new() { Exact = true }), "2024-11-05");
        await coordinatorKeys.PressAsync(coordinator.GetByRole(AriaRole.Button, new() { Name = "Spara" }));
        await Expect(coordinator.GetByRole(AriaRole.Heading, new() { Name = "Styrgrupp – 2024-11" })).ToBeVisibleAsync();
        await coordinatorKeys.DateAsync(coordinator.GetByLabel("Hölls den"), "2024-11-05");
        await coordinatorKeys.TypeAsync(coordinator.GetByLabel("Dagordning"), "1. Läget i partnerskapet");
        await coordinatorKeys.TypeAsync(coordinator.GetByLabel("Protokoll"), "Styrgruppen gick igenom halvårets resultat.");
        await coordinatorKeys.TypeAsync(coordinator.GetByLabel("Namn, rad 1"), "Enhetschef arbete och studier");
        await coordinatorKeys.PressAsync(coordinator.GetByRole(AriaRole.Button, new() { Name = "Spara" }));
        await Expect(coordinator.GetByRole(AriaRole.Status)).ToHaveTextAsync("Sparat.");
        await AssertSavedAndFocusedAsync(coordinator);
        await AssertAccessibleAsync(coordinator);
        var back = coordinator.GetByRole(AriaRole.Navigation, new() { Name = "Du är här" }).GetByRole(AriaRole.Link, new() { Name = "Möten och avvikelser" });
        await coordinatorKeys.FocusAsync(back, backwards: true);
        await coordinator.Keyboard.PressAsync("Enter");
        await Expect(coordinator).ToHaveURLAsync(new Regex("/Meetings/Index/\\d+$"));
        await Expect(coordinator.GetByRole(AriaRole.Row).Filter(new() { HasText = "2024-11-05" })).ToContainTextAsync("Styrgrupp");
    }

    private static async Task SignInByKeyboardAsync(IPage page, KeyboardOnly keys, string email)
    {
        await page.GotoAsync("/Accounts/Login");
        await keys.TypeAsync(page.GetByLabel("E-post"), email);
        await keys.TypeAsync(page.GetByLabel("Lösenord"), Samverka.Web.Data.DemoData.Password);
        await page.Keyboard.PressAsync("Enter");
        await Expect(page).ToHaveURLAsync(new Regex("/Partnerships$"));
    }

    /// <summary>After a successful step the page says so where the focus lands.</summary>
    private static async Task AssertSavedAndFocusedAsync(IPage page)
    {
        var status = page.GetByRole(AriaRole.Status);
        await Expect(status).ToBeFocusedAsync();
        await Expect(status).Not.ToBeEmptyAsync();
    }
}
