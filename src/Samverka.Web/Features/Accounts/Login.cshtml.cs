using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Samverka.Web.Features.Accounts;

[AllowAnonymous]
public sealed class LoginModel(SignInManager<AppUser> signIn, IPasswordHasher<AppUser> hasher, SignInThrottle throttle, IStringLocalizer<Texts> t) : PageModel
{
    /// <summary>Checked against when the e-mail is unknown, so that an unknown address takes as long as a wrong password.</summary>
    private static readonly AppUser Nobody = new() { DisplayName = "" };
    private static readonly Lazy<string> NobodysHash = new(() => new PasswordHasher<AppUser>().HashPassword(Nobody, Guid.NewGuid().ToString()));

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter your e-mail address.")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Enter your password.")]
        public string Password { get; set; } = "";
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var email = Input.Email.Trim();
        var address = HttpContext.Connection.RemoteIpAddress;
        if (throttle.RetryAfter(email, address) is { } wait)
        {
            var minutes = Math.Max(1, (int)Math.Ceiling(wait.TotalMinutes));
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            Response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            ModelState.AddModelError("", t["Too many failed attempts. Try again in {0} minutes.", minutes]);
            return Page();
        }
        var user = await signIn.UserManager.FindByEmailAsync(email);
        if (user is null)
        {
            // The same work and the same answer as for a wrong password: nobody learns which addresses have accounts.
            hasher.VerifyHashedPassword(Nobody, NobodysHash.Value, Input.Password);
        }
        else if ((await signIn.PasswordSignInAsync(user, Input.Password, isPersistent: false, lockoutOnFailure: false)).Succeeded)
        {
            throttle.Succeeded(email);
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
        }
        throttle.Failed(email, address);
        ModelState.AddModelError("", t["The e-mail address or the password is wrong."]);
        return Page();
    }
}
