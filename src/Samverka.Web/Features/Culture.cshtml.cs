using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Samverka.Web.Features;

/// <summary>The language switch: a plain form post that sets the culture cookie, so it works without JavaScript.</summary>
[AllowAnonymous]
public sealed class CultureModel(TimeProvider clock) : PageModel
{
    public IActionResult OnGet() => LocalRedirect("/");

    public IActionResult OnPost(string? culture, string? returnUrl)
    {
        var chosen = WebSetup.Cultures.FirstOrDefault(c => c.Name == culture)?.Name ?? "sv-SE";
        Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(chosen)),
            new CookieOptions { Expires = clock.GetUtcNow().AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true });
        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : "/");
    }
}
