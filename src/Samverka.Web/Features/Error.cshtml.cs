using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Samverka.Web.Features;

/// <summary>
/// The page for every error outside /api, in the user's language: re-executed as /Error after an exception and as
/// /Error/{status} for an answer without a body (ErrorResponses).
/// </summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class ErrorModel(IStringLocalizer<Texts> t) : PageModel
{
    /// <summary>From the route rather than a handler's parameter: a failed POST is re-executed as a POST, which no OnGet sees.</summary>
    public int Status => RouteData.Values["code"] is string s && int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var code)
        ? code
        : StatusCodes.Status500InternalServerError;

    public (string Title, string Message) Text => Status switch
    {
        StatusCodes.Status404NotFound => (t["Page not found"], t["The page does not exist, or you do not have access to it. Check the address, or go to the start page."]),
        StatusCodes.Status403Forbidden => (t["Not allowed"], t["Your account does not have the right to do that."]),
        >= 500 => (t["Something went wrong"], t["Nothing you saved has been lost. Try again, or go back to the start page."]),
        _ when HttpContext.Items.ContainsKey(Infrastructure.ReadableForms.UnreadableKey) =>
            (t["The request could not be handled"], t["The text contains control characters that cannot be stored; remove them and try again."]),
        _ => (t["The request could not be handled"], t["Check the address or what you filled in, and try again."]),
    };

    public void OnGet()
    {
        // Asked for directly rather than re-executed, the page still answers with the status it describes.
        if (RouteData.Values.ContainsKey("code") && Status is >= 400 and < 600 && HttpContext.Features.Get<IStatusCodeReExecuteFeature>() is null && HttpContext.Features.Get<IExceptionHandlerPathFeature>() is null)
        {
            Response.StatusCode = Status;
        }
    }
}
