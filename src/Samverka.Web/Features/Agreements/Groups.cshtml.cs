using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Samverka.Web.Data;
using Samverka.Web.Features.Partnerships;

namespace Samverka.Web.Features.Agreements;

/// <summary>Who sits in the steering group and the working group, with resource share and whether they vote.</summary>
public sealed class GroupsModel(AppDbContext db, PartnershipAccess access, TimeProvider clock, IStringLocalizer<Texts> t, AgreementSteps steps) : AgreementPage(db, access, clock, t, steps)
{
    public sealed class MemberRow
    {
        public int? Id { get; set; }
        public GroupKind Group { get; set; }
        public string? OrganisationName { get; set; }
        public string? Role { get; set; }
        public decimal? Fte { get; set; }
        public bool IsAdjunct { get; set; }
        public string? PersonName { get; set; }
        public bool Remove { get; set; }
        public bool IsBlank => string.IsNullOrWhiteSpace(OrganisationName) && string.IsNullOrWhiteSpace(Role);
    }

    [BindProperty] public List<MemberRow> Members { get; set; } = [];

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }
        Version = Agreement.Version;
        Members = [.. Agreement.GroupMembers.OrderBy(m => m.Group).ThenBy(m => m.SortOrder).Select(m => new MemberRow
        {
            Id = m.Id, Group = m.Group, OrganisationName = m.OrganisationName, Role = m.Role, Fte = m.Fte, IsAdjunct = m.IsAdjunct, PersonName = m.PersonName,
        })];
        Members.Add(new MemberRow { Group = GroupKind.SteeringGroup });
        Members.Add(new MemberRow { Group = GroupKind.WorkingGroup });
        Members.Add(new MemberRow { Group = GroupKind.WorkingGroup });
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
            GroupMembers = [.. Members.Where(m => !m.Remove && !m.IsBlank)
                .Select(m => new GroupMemberDto(m.Id, m.Group, m.OrganisationName?.Trim() ?? "", m.Role?.Trim() ?? "", m.Fte, m.IsAdjunct, string.IsNullOrWhiteSpace(m.PersonName) ? null : m.PersonName.Trim()))],
        };
        return await SaveAsync(doc) ? BackToAgreement() : Page();
    }
}
