using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using Samverka.Tests.Support;

namespace Samverka.Tests.Infrastructure;

/// <summary>
/// Issue 17, item 1: every link and form action reachable from the start page leads somewhere, for every role in
/// both languages. A crawler, bounded: it follows same-site links breadth-first and visits at most a few addresses of
/// each shape (/Agreements/Details/{n}), so a long list does not make it slow. New pages are covered by being linked.
/// </summary>
public partial class LinkCrawlTests
{
    private const int PerShape = 3;
    private const int MaxPages = 400;

    private static readonly string[] Roles = [Users.Coordinator, Users.CaseOfficer, Users.Head, Users.BoardMember, Users.FolketsHusby, Users.IogtSpanga, Users.SteeringMember];

    /// <summary>One app for all of them (the crawl only reads), rather than fourteen hosts at once.</summary>
    [Fact]
    public async Task EveryLinkAndFormAction_LeadsSomewhere_ForEveryRole_InBothLanguages()
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
        Assert.True(failures.Count == 0, $"{failures.Count} links lead nowhere:\n{string.Join("\n", failures)}");
    }

    private static async Task<List<string>> CrawlAsync(SamverkaApp app, string user, string culture)
    {
        var client = await app.SignedInClientAsync(user);
        if (culture != "sv-SE")
        {
            // The switch in the layout: a form on every page, posted with that page's token.
            var token = Regex.Match(await client.GetStringAsync("/Accounts/Tokens"), "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
            var switched = await client.PostAsync("/Culture", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["culture"] = culture, ["returnUrl"] = "/", ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token),
            }));
            Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
            Assert.Contains("lang=\"en", await client.GetStringAsync("/Accounts/Tokens"), StringComparison.Ordinal);
        }
        var parser = new HtmlParser();
        var queue = new Queue<(string Url, string From)>([("/", "sign-in")]);
        var seen = new HashSet<string>(StringComparer.Ordinal) { "/" };
        var shapes = new Dictionary<string, int>(StringComparer.Ordinal);
        var failures = new List<string>();
        var visited = 0;

        while (queue.TryDequeue(out var next) && visited < MaxPages)
        {
            var (url, from) = next;
            visited++;
            var response = await client.GetAsync(url);
            var status = (int)response.StatusCode;
            if (status is 301 or 302 or 303 && response.Headers.Location is { } location)
            {
                Enqueue(location.OriginalString, url);
                continue;
            }
            if (status >= 400)
            {
                failures.Add($"{user} ({culture}): {url} (linked from {from}): {status}");
                continue;
            }
            if (response.Content.Headers.ContentType?.MediaType != "text/html")
            {
                continue;
            }
            var document = await parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync());
            foreach (var link in document.QuerySelectorAll("a[href]"))
            {
                Enqueue(link.GetAttribute("href")!, url);
            }
            foreach (var form in document.Forms)
            {
                // A form's address must answer too; a post form is checked by asking for its page (not by posting).
                var action = form.GetAttribute("action") is { Length: > 0 } a ? a : url;
                Enqueue(form.Method.Equals("get", StringComparison.OrdinalIgnoreCase) ? action : Handler().Replace(action, "").TrimEnd('?', '&'), url);
            }
        }
        Assert.True(visited > 10, $"only {visited} pages reached for {user} ({culture})");
        return failures;

        void Enqueue(string href, string from)
        {
            // Same site only; the language switch, signing out and the API's own try page are not pages to crawl.
            if (!href.StartsWith('/') || href.StartsWith("//", StringComparison.Ordinal))
            {
                return;
            }
            var target = href.Split('#')[0];
            if (target.Length == 0 || target.StartsWith("/Accounts/Logout", StringComparison.Ordinal) || target.StartsWith("/Culture", StringComparison.Ordinal))
            {
                return;
            }
            var shape = Number().Replace(target, "{n}");
            if (!seen.Add(target) || (shapes[shape] = shapes.GetValueOrDefault(shape) + 1) > PerShape)
            {
                return;
            }
            queue.Enqueue((target, from));
        }
    }

    [GeneratedRegex(@"(?<=[?&])handler=\w+&?")]
    private static partial Regex Handler();

    [GeneratedRegex(@"\d+")]
    private static partial Regex Number();
}
