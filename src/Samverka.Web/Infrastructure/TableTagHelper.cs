using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.Extensions.Localization;

namespace Samverka.Web.Infrastructure;

/// <summary>
/// Every table in a box of its own that scrolls sideways when the table is wider than the screen, so the page itself
/// reflows at 320 px (WCAG 1.4.10). The box can take the focus (to scroll it with the arrow keys) and is named by the
/// table's caption, so a keyboard or screen reader user knows what they are in.
/// </summary>
[HtmlTargetElement("table")]
public sealed partial class TableTagHelper(IStringLocalizer<Texts> t) : TagHelper
{
    private static int counter;

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        var content = (await output.GetChildContentAsync()).GetContent();
        var id = "table-" + Interlocked.Increment(ref counter).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var named = false;
        content = Caption().Replace(content, m => { named = true; return $"<caption id=\"{id}\"{m.Groups[1].Value}>"; }, 1);
        output.Content.SetHtmlContent(content);
        output.PreElement.AppendHtml(named
            ? $"<div class=\"table-scroll\" role=\"region\" tabindex=\"0\" aria-labelledby=\"{id}\">"
            : $"<div class=\"table-scroll\" role=\"region\" tabindex=\"0\" aria-label=\"{System.Net.WebUtility.HtmlEncode(t["Table"])}\">");
        output.PostElement.AppendHtml("</div>");
    }

    [GeneratedRegex("<caption((?:\\s[^>]*)?)>")]
    private static partial Regex Caption();
}
