using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Samverka.Web.Data;

namespace Samverka.Web.Features.Organisations;

/// <summary>Registers (no id) or changes an organisation. A new name keeps the old one in the history.</summary>
public sealed class EditModel(AppDbContext db, TimeProvider clock, IStringLocalizer<Texts> t) : PageModel
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
            Version = o.Version,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id)
    {
        if (!OrganisationAccess.CanEdit(User))
        {
            return id is null ? Forbid() : NotFound();
        }
        Id = id;
        var o = id is null ? new Organisation { Name = "" } : await db.Organisations.Include(x => x.FormerNames).FirstOrDefaultAsync(x => x.Id == id);
        if (o is null)
        {
            return NotFound();
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var input = new OrganisationInput(Input.Name ?? "", Input.Kind, Input.OrganisationNumber, Input.Address, Input.ContactName, Input.ContactEmail, Input.DecisionMakingBody, Input.Version);
        var (problems, number) = await OrganisationRules.ValidateAsync(input, db, id);
        foreach (var p in problems)
        {
            ModelState.AddModelError("Input." + char.ToUpperInvariant(p.Field[0]) + p.Field[1..], t.Say(p.Message));
        }
        if (problems.Count > 0)
        {
            return Page();
        }
        if (id is not null)
        {
            db.Entry(o).Property(x => x.Version).OriginalValue = Input.Version ?? Guid.Empty;
        }
        OrganisationRules.Apply(input, number, o, clock.Today());
        if (id is null)
        {
            db.Organisations.Add(o);
        }
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError("", t["Someone else changed this in the meantime; nothing was saved. Fetch it again and repeat your change."]);
            return Page();
        }
        TempData["Done"] = t["Saved."].Value;
        return RedirectToPage("Details", new { id = o.Id });
    }
}
