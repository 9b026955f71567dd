using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.Extensions.Localization;

namespace Samverka.Web.Infrastructure;

/// <summary>
/// Every form field, written once: a decimal number in Swedish form; where the format matters (dates, amounts,
/// org.nr) a hint under the label, and after a failed save the field's own message there too, both named by
/// <c>aria-describedby</c> and the field marked <c>aria-invalid</c> (the GOV.UK pattern; the summary at the top links
/// here). Runs after the framework's tag helpers, so it sees the id and name they wrote.
/// </summary>
[HtmlTargetElement("input")]
[HtmlTargetElement("select")]
[HtmlTargetElement("textarea")]
public sealed class FieldTagHelper(IStringLocalizer<Texts> t) : TagHelper
{
    public override int Order => 100;

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var type = Attribute(output, "type");
        if (type is "hidden" or "submit" or "button" || Attribute(output, "name") is not { Length: > 0 } name)
        {
            return;
        }
        // A number is shown as Swedish writes it (2 150 000, not the framework's 2150000,0), whatever the UI language.
        if (Attribute(output, "inputmode") == "decimal" && SwedishNumber.TryParse(Attribute(output, "value"), out var number))
        {
            output.Attributes.SetAttribute("value", Format.Number(number));
        }
        var hint = HintFor(type, name);
        var errors = ViewContext.ViewData.ModelState.TryGetValue(name, out var entry) ? entry.Errors.Select(e => e.ErrorMessage).Distinct().ToList() : [];
        if (hint is null && errors.Count == 0)
        {
            return;
        }
        // An id to name the hint and message by; a radio or checkbox shares its name with its siblings, so its value too.
        var id = Attribute(output, "id");
        if (id is null)
        {
            id = TagBuilder.CreateSanitizedId(type is "radio" or "checkbox" ? $"{name}_{Attribute(output, "value")}" : name, "_");
            output.Attributes.SetAttribute("id", id);
        }
        var encodedId = System.Net.WebUtility.HtmlEncode(id);
        var described = new List<string>();
        if (hint is not null)
        {
            output.PreElement.AppendHtml($"<span class=\"hint\" id=\"{encodedId}-hint\">");
            output.PreElement.Append(hint);
            output.PreElement.AppendHtml("</span>");
            described.Add(id + "-hint");
        }
        if (errors.Count > 0)
        {
            output.PreElement.AppendHtml($"<span class=\"field-error\" id=\"{encodedId}-error\"><span class=\"visually-hidden\">");
            output.PreElement.Append(t["Error:"]);
            output.PreElement.AppendHtml("</span> ");
            output.PreElement.Append(string.Join(" ", errors));
            output.PreElement.AppendHtml("</span>");
            described.Add(id + "-error");
            output.Attributes.SetAttribute("aria-invalid", "true");
        }
        var existing = Attribute(output, "aria-describedby");
        output.Attributes.SetAttribute("aria-describedby", string.Join(' ', described.Prepend(existing ?? "").Where(s => s.Length > 0)));
    }

    /// <summary>The format a person must know before typing: the API's field names, so every form agrees.</summary>
    private string? HintFor(string? type, string name)
    {
        var last = name[(name.LastIndexOf('.') + 1)..];
        if (type == "date")
        {
            return t["Date as YYYY-MM-DD, e.g. 2027-01-31."];
        }
        if (last.EndsWith("Amount", StringComparison.Ordinal) || last.EndsWith("Grant", StringComparison.Ordinal))
        {
            return t["In kronor, whole or with decimals; spaces allowed, e.g. 1 400 000."];
        }
        if (last.EndsWith("Percent", StringComparison.Ordinal))
        {
            return t["A percentage from 0 to 100, e.g. 40 or 12,5."];
        }
        if (last == "OrganisationNumber")
        {
            return t["Ten digits, NNNNNN-NNNN; the last is a check digit."];
        }
        return null;
    }

    private static string? Attribute(TagHelperOutput output, string name) =>
        output.Attributes.TryGetAttribute(name, out var a) ? a.Value switch
        {
            string s => s,
            Microsoft.AspNetCore.Html.IHtmlContent h => Render(h),
            var v => v?.ToString(),
        } : null;

    private static string Render(Microsoft.AspNetCore.Html.IHtmlContent content)
    {
        using var writer = new StringWriter();
        content.WriteTo(writer, System.Text.Encodings.Web.HtmlEncoder.Default);
        return System.Net.WebUtility.HtmlDecode(writer.ToString());
    }
}
