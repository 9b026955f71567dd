using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;

namespace Samverka.Tests.Support;

/// <summary>What a crawl reached: the pages (HTML, answered 2xx) and the links that led nowhere.</summary>
public sealed record Crawl(List<string> Pages, List<string> Failures);

/// <summary>
/// Follows every same-site link and form address from the start page, breadth-first, as the signed-in client sees
/// them; at most <c>perShape</c> addresses of each shape (/Agreements/Details/{n}) so a long list stays quick. The
/// language switch and signing out are not followed; post forms are checked by asking for their page, not by posting.
/// </summary>
public static partial class Crawler
{
    /// <summary><paramref name="inspect"/>, when given, sees each page reached (its address and parsed HTML).</summary>
    public static async Task<Crawl> CrawlAsync(HttpClient client, int perShape, int maxPages, Action<string, AngleSharp.Html.Dom.IHtmlDocument>? inspect = null)
    {
        var parser = new HtmlParser();
        var queue = new Queue<(string Url, string From)>([("/", "sign-in")]);
        var seen = new HashSet<string>(StringComparer.Ordinal) { "/" };
        var shapes = new Dictionary<string, int>(StringComparer.Ordinal);
        var pages = new List<string>();
        var failures = new List<string>();
        var visited = 0;

        while (queue.TryDequeue(out var next) && visited < maxPages)
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
                failures.Add($"{url} (linked from {from}): {status}");
                continue;
            }
            if (response.Content.Headers.ContentType?.MediaType != "text/html")
            {
                continue;
            }
            pages.Add(url);
            var document = await parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync());
            inspect?.Invoke(url, document);
            foreach (var link in document.QuerySelectorAll("a[href]"))
            {
                Enqueue(link.GetAttribute("href")!, url);
            }
            foreach (var form in document.Forms)
            {
                var action = form.GetAttribute("action") is { Length: > 0 } a ? a : url;
                Enqueue(form.Method.Equals("get", StringComparison.OrdinalIgnoreCase) ? action : Handler().Replace(action, "").TrimEnd('?', '&'), url);
            }
        }
        return new Crawl(pages, failures);

        void Enqueue(string href, string from)
        {
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
            if (!seen.Add(target) || (shapes[shape] = shapes.GetValueOrDefault(shape) + 1) > perShape)
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
