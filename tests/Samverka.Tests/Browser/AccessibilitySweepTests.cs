using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Samverka.Tests.Support;
using static Samverka.Tests.Browser.BrowserHost;

namespace Samverka.Tests.Browser;

/// <summary>Every page a coordinator can open, in both languages, checked for WCAG 2.1 A/AA violations.</summary>
[Collection(BrowserCollection.Name)]
public class AccessibilitySweepTests
{
    /// <summary>
    /// Every page each role reaches by following links from the start page (one address of each shape), checked with
    /// axe in the browser and for reflow at 320 pixels: a new page is checked as soon as something links to it, for
    /// whoever can reach it; in English too for the coordinator and a partner.
    /// </summary>
    [Fact]
    public async Task EveryPageEachRoleReaches_HasNoWcagViolations_AndReflowsAt320Pixels()
    {
        await using var host = await StartAsync();
        var checkedPages = 0;
        foreach (var user in new[] { Users.Coordinator, Users.CaseOfficer, Users.Head, Users.BoardMember, Users.FolketsHusby, Users.IogtSpanga, Users.SteeringMember, Users.Administrator })
        {
            var crawl = await Crawler.CrawlAsync(await host.App.SignedInClientAsync(user), perShape: 1, maxPages: 200);
            Assert.Empty(crawl.Failures);
            var page = await host.NewPageAsync();
            await SignInAsync(page, user);
            // In English as well for one person on each side: the words differ in length, the markup does not.
            var english = user is Users.Coordinator or Users.FolketsHusby;
            var narrow = new List<string>();
            foreach (var language in english ? new[] { "Svenska", "English" } : ["Svenska"])
            {
                if (language == "English")
                {
                    await page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();
                    await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
                }
                foreach (var url in crawl.Pages)
                {
                    await page.GotoAsync(url);
                    await AssertAccessibleAsync(page);
                    narrow.AddRange(await ReflowProblemsAsync(page, $"{url} ({language})"));
                    checkedPages++;
                }
            }
            Assert.True(narrow.Count == 0, $"Pages wider than 320 CSS pixels for {user} (WCAG 1.4.10):\n{string.Join("\n", narrow)}");
            await page.CloseAsync();
        }
        Assert.True(checkedPages > 50, $"only {checkedPages} pages checked");
    }

    /// <summary>
    /// Reflow (WCAG 1.4.10): at 320 CSS pixels wide (a phone, or 1280 at 400 % zoom) the page needs no sideways
    /// scrolling; a wide table may scroll inside its own box. Names what sticks out.
    /// </summary>
    private static async Task<List<string>> ReflowProblemsAsync(IPage page, string url)
    {
        await page.SetViewportSizeAsync(320, 640);
        var wide = await page.EvaluateAsync<string[]>("""
            () => {
              const limit = document.documentElement.clientWidth;
              if (document.documentElement.scrollWidth <= limit + 1) return [];
              return [...document.querySelectorAll('body *')]
                .filter(e => !e.closest('.table-scroll') && e.getBoundingClientRect().right > limit + 1)
                .slice(0, 5).map(e => e.tagName.toLowerCase() + (e.className ? '.' + e.className : '') + ' ' + Math.round(e.getBoundingClientRect().right) + 'px');
            }
            """);
        await page.SetViewportSizeAsync(1280, 720);
        return [.. wide.Select(w => $"{url}: {w}")];
    }

    [Fact]
    public async Task EveryPage_HasNoWcagViolations_InSwedishAndEnglish()
    {
        await using var host = await StartAsync();
        var ids = await host.App.WithDbAsync(async db =>
        {
            var agreement = await db.Agreements.Include(a => a.Goals).Where(a => a.Title == "Överenskommelse Folkets Husby").SingleAsync();
            var report = await db.ResultReports.Include(r => r.Figures).SingleAsync();
            var meeting = await db.Meetings.Select(m => m.Id).FirstAsync();
            var deviation = await db.Deviations.Select(d => d.Id).FirstAsync();
            var org = await db.Organisations.Select(o => o.Id).FirstAsync();
            return (Partnership: agreement.PartnershipId, Agreement: agreement.Id, Goal: agreement.Goals[0].Id, Report: report.Id, Figure: report.Figures[0].Id,
                Meeting: meeting, Deviation: deviation, Organisation: org, Board: await db.Boards.Where(b => b.Name == "Järva stadsdelsnämnd").Select(b => b.Id).SingleAsync());
        });
        string[] pages =
        [
            "/Partnerships", "/Partnerships/Create", $"/Partnerships/Details/{ids.Partnership}", $"/Partnerships/History/{ids.Partnership}",
            $"/Agreements/Create?partnershipId={ids.Partnership}", $"/Agreements/Details/{ids.Agreement}", $"/Agreements/AddTarget/{ids.Agreement}",
            "/Organisations", $"/Organisations/Details/{ids.Organisation}", $"/Organisations/Edit/{ids.Organisation}", "/Organisations/Edit",
            "/Boards", $"/Boards/Details/{ids.Board}", "/Accounts/Tokens",
            $"/Results/Index/{ids.Partnership}", $"/Results/Report/{ids.Report}", $"/Results/Fulfilment/{ids.Agreement}", $"/Results/Import/{ids.Report}",
            $"/Results/Correct/{ids.Report}?figureId={ids.Figure}",
            $"/Meetings/Index/{ids.Partnership}", $"/Meetings/Edit/{ids.Meeting}", $"/Meetings/Deviation/{ids.Partnership}", $"/Meetings/Deviation/{ids.Partnership}?id={ids.Deviation}",
            $"/Registry/Index/{ids.Board}", $"/Registry/Register/{ids.Partnership}",
        ];
        var page = await host.NewPageAsync();
        await SignInAsync(page, Users.Coordinator);
        foreach (var url in pages)
        {
            var response = await page.GotoAsync(url);
            Assert.True(response!.Ok, $"{url}: {response.Status}");
            await AssertAccessibleAsync(page);
        }

        // The draft editing pages exist only for a draft: make one, then check them in English.
        await page.GotoAsync("/Partnerships");
        await page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();
        await page.GotoAsync($"/Agreements/Create?partnershipId={ids.Partnership}");
        await page.GetByLabel("Start date").FillAsync("2027-01-01");
        await page.GetByLabel("End date").FillAsync("2027-12-31");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create draft" }).ClickAsync();
        var draft = Regex.Match(page.Url, @"/Agreements/Details/(\d+)").Groups[1].Value;
        foreach (var url in new[] { $"/Agreements/Details/{draft}", $"/Agreements/Edit/{draft}", $"/Agreements/Parties/{draft}", $"/Agreements/Goal/{draft}",
                     $"/Agreements/Groups/{draft}", $"/Agreements/Budget/{draft}", $"/Agreements/Lists/{draft}", "/Partnerships", $"/Results/Fulfilment/{ids.Agreement}" })
        {
            var response = await page.GotoAsync(url);
            Assert.True(response!.Ok, $"{url}: {response.Status}");
            await AssertAccessibleAsync(page);
        }
    }
}
