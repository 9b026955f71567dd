using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace Samverka.Tests.Support;

/// <summary>
/// What every page must have for a person who cannot see it all at once (issue 17, items 3–5), checked on the HTML so
/// that every page the crawler reaches is held to it: one heading that says where you are, the trail back (except on
/// the start page), tables with a caption and header cells in a box that scrolls by itself, a hint on every field
/// whose format matters, status in words as well as colour, and charts with a text alternative and the same numbers
/// in a table.
/// </summary>
public static class PageShape
{
    /// <summary>Pages that stand alone: the start page (the portfolio) and those shown before or outside signing in.</summary>
    private static readonly string[] WithoutTrail = ["/Partnerships", "/Accounts/Login", "/Accounts/Logout"];

    private static readonly string[] HintedNames = ["Amount", "Grant", "Percent", "OrganisationNumber"];

    public static IEnumerable<string> Problems(string url, IHtmlDocument page)
    {
        var path = url.Split('?')[0];
        var main = page.QuerySelector("main#main");
        if (main is null)
        {
            yield return "no <main id=\"main\"> for the skip link";
            yield break;
        }
        if (page.QuerySelector("a.skip[href='#main']") is null)
        {
            yield return "no skip link to the main content";
        }
        var headings = main.QuerySelectorAll("h1").Length;
        if (headings != 1)
        {
            yield return $"{headings} h1 headings (one says where you are)";
        }
        if (!WithoutTrail.Contains(path) && main.QuerySelector("nav.crumbs a[href]") is null)
        {
            yield return "no breadcrumbs back towards the start page";
        }
        foreach (var table in main.QuerySelectorAll("table"))
        {
            var name = table.QuerySelector("caption")?.TextContent.Trim() ?? "(no caption)";
            if (table.QuerySelector("caption") is null)
            {
                yield return $"a table without a caption (header: {Squash(table.QuerySelector("tr")?.TextContent)})";
            }
            if (table.QuerySelector("th") is null)
            {
                yield return $"table \"{name}\" has no header cells";
            }
            if (table.QuerySelector("tbody") is { } body && body.QuerySelector("tr") is null)
            {
                yield return $"table \"{name}\" is an empty list without a word on how to add the first";
            }
            if (table.ParentElement is not { } box || !box.ClassList.Contains("table-scroll") || box.GetAttribute("tabindex") != "0")
            {
                yield return $"table \"{name}\" is not in a box that scrolls by itself";
            }
        }
        foreach (var field in main.QuerySelectorAll("input, select, textarea"))
        {
            var type = field.GetAttribute("type");
            var fieldName = field.GetAttribute("name") ?? "";
            var last = fieldName[(fieldName.LastIndexOf('.') + 1)..];
            if (type == "date" || (type is null or "text" && HintedNames.Any(h => last.EndsWith(h, StringComparison.Ordinal))))
            {
                var described = (field.GetAttribute("aria-describedby") ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (!described.Any(id => page.GetElementById(id) is { } hint && hint.ClassList.Contains("hint") && hint.TextContent.Trim().Length > 0))
                {
                    yield return $"field {fieldName} has no format hint";
                }
            }
        }
        foreach (var status in main.QuerySelectorAll(".status"))
        {
            if (status.TextContent.Trim().Length == 0)
            {
                yield return "a status told by colour alone (an empty .status)";
            }
        }
        foreach (var chart in main.QuerySelectorAll("svg"))
        {
            var named = (chart.GetAttribute("aria-labelledby") ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries)
                .Select(id => page.GetElementById(id)?.TextContent.Trim() ?? "").Where(t => t.Length > 0).ToList();
            if (chart.GetAttribute("role") != "img" || named.Count < 2)
            {
                yield return "a chart without a title and a description for screen readers";
            }
            if (main.QuerySelectorAll("table").Length == 0)
            {
                yield return "a chart without its numbers in a table";
            }
        }
    }

    private static string Squash(string? text) => string.Join(' ', (text ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
