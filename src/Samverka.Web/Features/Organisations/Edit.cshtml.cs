using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Samverka.Web.Data;

namespace Samverka.Web.Features.Organisations;

/// <summary>Registers (no id) or changes an organisation. A new name keeps the old one in the history.</summary>
public sealed class EditModel(AppDbContext db, OrganisationSteps steps, IStringLocalizer<Texts> t) : PageModel
{
    public sealed class InputModel
    {
        public string? Name { get; set; }
        public OrganisationKind Kind { get; set; }
        public string? OrganisationNumber { get; set; }
        public string? Address { get; set; }
        public string? ContactName { get; set; }
        public string? ContactEmail { get; set; }
        public string? DecisionMakingBody { get; set; }
        public LegalForm? LegalForm { get; set; }
        public Guid? Version { get; set; }
    }

    [BindProperty] public InputModel Input { get; set; } = new();
    public int? Id { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? id)
    {
        if (!OrganisationAccess.CanEdit(User))
        {
            return id is null ? Forbid() : NotFound();
        }
        Id = id;
        if (id is null)
        {
            return Page();
        }
        var o = await db.Organisations.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id);
        if (o is null)
        {
            return NotFound();
        }
        Input = new InputModel
        {
            Name = o.Name,
            Kind = o.Kind,
            OrganisationNumber = o.OrganisationNumber,
            Address = o.Address,
            ContactName = o.ContactName,
            ContactEmail = o.ContactEmail,
            DecisionMakingBody = o.DecisionMakingBody,
            LegalForm = o.LegalForm,
            Version = o.Version,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id)
    {
        Id = id;
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var input = new OrganisationInput(Input.Name ?? "", Input.Kind, Input.OrganisationNumber, Input.Address, Input.ContactName, Input.ContactEmail, Input.DecisionMakingBody, Input.Version, Input.LegalForm);
        var outcome = id is { } existing ? await steps.ChangeAsync(User, existing, input) : await steps.RegisterAsync(User, input);
        if (outcome.Kind == OutcomeStatus.Forbidden)
        {
            return id is null ? Forbid() : NotFound();
        }
        return await this.ShowAsync(outcome, t, o => RedirectToPage("Details", new { id = o.Id }), () => Task.FromResult<IActionResult>(Page()),
            field => field.Length == 0 ? "" : "Input." + char.ToUpperInvariant(field[0]) + field[1..]);
    }
}
