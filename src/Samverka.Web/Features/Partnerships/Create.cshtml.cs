using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Samverka.Web.Data;
using Samverka.Web.Features.Boards;
using Samverka.Web.Features.Organisations;

namespace Samverka.Web.Features.Partnerships;

public sealed class CreateModel(AppDbContext db, PartnershipAccess access, IStringLocalizer<Texts> t) : PageModel
{
    public sealed class InputModel
    {
        [Required(ErrorMessage = "This field is required.")]
        public string Name { get; set; } = "";
        public int BoardId { get; set; }
        public int OrganisationId { get; set; }
        public string? CaseNumber { get; set; }
        public string? Description { get; set; }
    }

    [BindProperty] public InputModel Input { get; set; } = new();
    public List<Board> Boards { get; private set; } = [];
    public List<Organisation> Organisations { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (!Accounts.SamverkaClaims.IsAdministration(User))
        {
            return Forbid();
        }
        await LoadListsAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await LoadListsAsync();
        if (!await access.CanCreateForBoardAsync(User, Input.BoardId))
        {
            ModelState.AddModelError("Input.BoardId", t["Choose a board."]);
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var input = new PartnershipInput(Input.Name, Input.BoardId, Input.OrganisationId, Input.CaseNumber, Input.Description);
        var problems = await PartnershipRules.ValidateAsync(input, db);
        foreach (var p in problems)
        {
            ModelState.AddModelError("Input." + char.ToUpperInvariant(p.Field[0]) + p.Field[1..], t.Say(p.Message));
        }
        if (problems.Count > 0)
        {
            return Page();
        }
        var partnership = PartnershipRules.Create(input);
        db.Partnerships.Add(partnership);
        await db.SaveChangesAsync();
        TempData["Done"] = t["Saved."].Value;
        return RedirectToPage("Details", new { id = partnership.Id });
    }

    private async Task LoadListsAsync()
    {
        var scope = await access.BoardScopeAsync(User);
        Boards = await db.Boards.AsNoTracking().Where(b => scope.Contains(b.Id) && b.SuccessorId == null).OrderBy(b => b.Name).ToListAsync();
        Organisations = await db.Organisations.AsNoTracking().Where(o => o.Kind == OrganisationKind.NonProfit).OrderBy(o => o.Name).ToListAsync();
    }
}
