using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Samverka.Web.Data;
using Samverka.Web.Features.Partnerships;

namespace Samverka.Web.Features.Agreements;

/// <summary>The parties as the agreement names them (with signatories), and the cooperating organisations that are not parties.</summary>
public sealed class PartiesModel(AppDbContext db, PartnershipAccess access, TimeProvider clock, IStringLocalizer<Texts> t, AgreementSteps steps) : AgreementPage(db, access, clock, t, steps)
{
    public sealed class PartyRow
    {
        public int? Id { get; set; }
        public int? OrganisationId { get; set; }
        public PartyRole Role { get; set; }
        public string? OrganisationName { get; set; }
        public string? Address { get; set; }
        public string? ContactName { get; set; }
        public string? ContactEmail { get; set; }
        public string? DecisionLevel { get; set; }
        public string? SignatoryName { get; set; }
        public string? SignatoryTitle { get; set; }
        public decimal? GrantShare { get; set; }
        public bool Remove { get; set; }
    }

    public sealed class CooperatingRow
    {
        public int? Id { get; set; }
        public string? Name { get; set; }
        public string? Description { get; set; }
        public bool Remove { get; set; }
    }

    [BindProperty] public List<PartyRow> PartyRows { get; set; } = [];
    [BindProperty] public List<CooperatingRow> Cooperating { get; set; } = [];

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }
        Version = Agreement.Version;
        PartyRows = [.. Agreement.Parties.OrderBy(p => p.SortOrder).Select(p => new PartyRow
        {
            Id = p.Id, OrganisationId = p.OrganisationId, Role = p.Role, OrganisationName = p.OrganisationName, Address = p.Address,
            ContactName = p.ContactName, ContactEmail = p.ContactEmail, DecisionLevel = p.DecisionLevel, SignatoryName = p.SignatoryName, SignatoryTitle = p.SignatoryTitle,
            GrantShare = p.GrantShare,
        })];
        PartyRows.Add(new PartyRow());
        Cooperating = [.. Agreement.CooperatingOrganisations.OrderBy(c => c.Id).Select(c => new CooperatingRow { Id = c.Id, Name = c.Name, Description = c.Description })];
        Cooperating.AddRange([new CooperatingRow(), new CooperatingRow()]);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }
        var doc = Document() with
        {
            Parties = [.. PartyRows.Where(p => !p.Remove && p.OrganisationId is > 0).Select(p => new PartyDto(p.Id, p.OrganisationId!.Value, p.Role,
                p.OrganisationName.NullIfBlank(), null, p.Address.NullIfBlank(), p.ContactName.NullIfBlank(), p.ContactEmail.NullIfBlank(), p.DecisionLevel.NullIfBlank(), p.SignatoryName.NullIfBlank(), p.SignatoryTitle.NullIfBlank(), null, p.GrantShare))],
            CooperatingOrganisations = [.. Cooperating.Where(c => !c.Remove && !string.IsNullOrWhiteSpace(c.Name)).Select(c => new CooperatingOrganisationDto(c.Id, c.Name!.Trim(), c.Description.NullIfBlank()))],
        };
        return await SaveAsync(doc) ? BackToAgreement() : Page();
    }
}
