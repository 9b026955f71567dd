using System.Net;
using Samverka.Tests.Support;

namespace Samverka.Tests.Infrastructure;

/// <summary>
/// Issue 17, item 1: every link and form action reachable from the start page leads somewhere, for every role in
/// both languages. A crawler, bounded: it follows same-site links breadth-first and visits at most a few addresses of
/// each shape (/Agreements/Details/{n}), so a long list does not make it slow. New pages are covered by being linked.
/// </summary>
public class LinkCrawlTests
{
    private const int PerShape = 3;
    private const int MaxPages = 400;

    private static readonly string[] Roles = [Users.Coordinator, Users.CaseOfficer, Users.Head, Users.BoardMember, Users.FolketsHusby, Users.IogtSpanga, Users.SteeringMember, Users.Administrator];

    /// <summary>One app for all of them (the crawl only reads), rather than fourteen hosts at once.</summary>
    [Fact]
    public async Task EveryLinkAndFormAction_LeadsSomewhere_AndEveryPageReachedHasItsShape_ForEveryRole_InBothLanguages()
    {
        await using var app = await SamverkaApp.StartAsync(Db.Sqlite);
        var failures = new List<string>();
        foreach (var user in Roles)
        {
            foreach (var culture in new[] { "sv-SE", "en-GB" })
            {
                failures.AddRange(await CrawlAsync(app, user, culture));
            }
        }
        Assert.True(failures.Count == 0, $"{failures.Count} links lead nowhere or pages lack what every page has:\n{string.Join("\n", failures)}");
    }

    private static async Task<List<string>> CrawlAsync(SamverkaApp app, string user, string culture)
    {
        var client = await app.SignedInClientAsync(user);
        if (culture != "sv-SE")
        {
            // The switch in the layout: a form on every page, posted with that page's token.
            var token = Http.AntiforgeryTokenIn(await client.GetStringAsync("/Accounts/Tokens"));
            var switched = await client.PostAsync("/Culture", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["culture"] = culture, ["returnUrl"] = "/", ["__RequestVerificationToken"] = token,
            }));
            Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
            Assert.Contains("lang=\"en", await client.GetStringAsync("/Accounts/Tokens"), StringComparison.Ordinal);
        }
        var shapes = new List<string>();
        var crawl = await Crawler.CrawlAsync(client, PerShape, MaxPages, (url, page) =>
        {
            shapes.AddRange(PageShape.Problems(url, page).Select(p => $"{url}: {p}"));
            // Every text in the reader's language, its values filled in (issue 20, item 9).
            var text = page.DocumentElement.TextContent + " " + string.Join(" ", page.All.SelectMany(e => e.Attributes).Where(a => a.Name is "aria-label" or "title" or "placeholder").Select(a => a.Value));
            shapes.AddRange(Language.Problems(text, swedish: culture == "sv-SE").Select(p => $"{url}: {p}"));
        });
        // An administrator sees the municipality's settings and registers, no partnership: fewer pages, not none.
        var minimum = user == Users.Administrator ? 5 : 10;
        Assert.True(crawl.Pages.Count > minimum, $"only {crawl.Pages.Count} pages reached for {user} ({culture})");
        return [.. crawl.Failures.Concat(shapes.Distinct()).Select(f => $"{user} ({culture}): {f}")];
    }
}
