using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Samverka.Web.Infrastructure;

/// <summary>
/// The framework's validation summary writes an empty <c>&lt;li style="display:none"&gt;</c> when there is nothing to
/// say; the Content-Security-Policy refuses inline styles, so the same item is hidden with the attribute instead.
/// Runs after the framework's tag helper.
/// </summary>
[HtmlTargetElement("div", Attributes = "asp-validation-summary")]
public sealed class ValidationSummaryWithoutStyle : TagHelper
{
    public override int Order => 1000;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var html = output.PostContent.GetContent();
        if (html.Contains("style=\"display:none\"", StringComparison.Ordinal))
        {
            output.PostContent.SetHtmlContent(html.Replace("style=\"display:none\"", "hidden", StringComparison.Ordinal));
        }
    }
}
