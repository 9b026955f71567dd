using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Samverka.Web.Data;

namespace Samverka.Web.Features.Accounts;

/// <summary>The user's personal API tokens: create (shown once), list, revoke.</summary>
public sealed class TokensModel(AppDbContext db, TimeProvider clock, IStringLocalizer<Texts> t) : PageModel
{
    public List<ApiToken> Tokens { get; private set; } = [];
    public string? NewToken { get; private set; }

    [BindProperty] public string? Name { get; set; }

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostCreateAsync()
    {
        var (token, problems) = await TokenSteps.CreateAsync(db, User.UserId()!, Name, clock);
        foreach (var p in problems)
        {
            ModelState.AddModelError(nameof(Name), t.Say(p.Message));
        }
        NewToken = token?.Token;
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(int tokenId)
    {
        if (!await TokenSteps.RevokeAsync(db, User.UserId()!, tokenId, clock))
        {
            return NotFound();
        }
        TempData["Done"] = t["The token is revoked."].Value;
        return RedirectToPage();
    }

    private async Task LoadAsync() =>
        Tokens = await db.ApiTokens.AsNoTracking().Where(x => x.UserId == User.UserId()).OrderByDescending(x => x.Id).ToListAsync();
}
