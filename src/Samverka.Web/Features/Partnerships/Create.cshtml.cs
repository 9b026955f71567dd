using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Samverka.Web.Data;
using Samverka.Web.Features.Boards;
using Samverka.Web.Features.Organisations;

namespace Samverka.Web.Features.Partnerships;

public sealed class CreateModel(AppDbContext db, PartnershipAccess access, PartnershipSteps steps, IStringLocalizer<Texts> t) : PageModel
{
    public sealed class InputModel
    {
        [Required(ErrorMessage = "This field is required.")]
        public string Name { get; set; } = "";
        public int BoardId { get; set; }
        public int OrganisationId { get; set; }
        public string? CaseNumber { get; set; }
        public string? Description { get; set; }

        /// <summary>Entering a partnership that has already run, possibly under a board that has since ended.</summary>
        public bool History { get; set; }
    }

    [BindProperty] public InputModel Input { get; set; } = new();
    public List<Board> Boards { get; private set; } = [];
    public List<Organisation> Organisations { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(bool history = false)
    {
        if (!Accounts.SamverkaClaims.IsAdministration(User))
        {
            return Forbid();
        }
        Input.History = history;
        await LoadListsAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!Accounts.SamverkaClaims.IsAdministration(User))
        {
            return Forbid();
        }
        await LoadListsAsync();
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var outcome = await steps.StartAsync(User, new PartnershipInput(Input.Name, Input.BoardId, Input.OrganisationId, Input.CaseNumber, Input.Description, Input.History));
        return outcome.Kind == OutcomeStatus.Forbidden
            ? Forbid()
            : await this.ShowAsync(outcome, t, p => RedirectToPage("Details", new { id = p.Id }), () => Task.FromResult<IActionResult>(Page()),
                field => field.Length == 0 ? "" : "Input." + char.ToUpperInvariant(field[0]) + field[1..]);
    }

    private async Task LoadListsAsync()
    {
        Boards = await (await access.BoardsForNewPartnershipAsync(User, Input.History)).OrderBy(b => b.Name).ToListAsync();
        Organisations = await db.Organisations.AsNoTracking().Where(o => o.Kind == OrganisationKind.NonProfit).OrderBy(o => o.Name).ToListAsync();
    }
}
