using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Samverka.Web.Features.Accounts;

/// <summary>Sets a password through a one-time link (the first administrator's, from create-admin): the link works once and for a day.</summary>
[AllowAnonymous]
public sealed class SetPasswordModel(UserManager<AppUser> users, IStringLocalizer<Texts> t) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Email { get; set; }
    [BindProperty(SupportsGet = true)] public string? Token { get; set; }
    [BindProperty] public string? Password { get; set; }
    [BindProperty] public string? Repeated { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (string.IsNullOrEmpty(Password))
        {
            ModelState.AddModelError(nameof(Password), t["Enter the new password."]);
            return Page();
        }
        if (Password != Repeated)
        {
            ModelState.AddModelError(nameof(Repeated), t["The two passwords are not the same."]);
            return Page();
        }
        var user = string.IsNullOrWhiteSpace(Email) ? null : await users.FindByEmailAsync(Email.Trim());
        // An unknown address and a spent link are told alike: the page tells no one which accounts exist.
        var result = user is null || string.IsNullOrEmpty(Token) ? null : await users.ResetPasswordAsync(user, Token, Password);
        if (result is not { Succeeded: true })
        {
            var invalidToken = result is null || result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.InvalidToken));
            if (invalidToken)
            {
                ModelState.AddModelError("", t["The link is not valid: it has been used, it is more than a day old, or it was copied wrong. Ask for a new one."]);
            }
            foreach (var error in invalidToken ? [] : result!.Errors)
            {
                ModelState.AddModelError(nameof(Password), error.Description);
            }
            return Page();
        }
        TempData["Done"] = t["The password is set. Sign in with it."].Value;
        return RedirectToPage("Login");
    }
}
