using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Samverka.Web.Features.Agreements;
using Samverka.Web.Features.Partnerships;

namespace Samverka.Web.Features.Results;

/// <summary>What one agreement reports by: the municipality's categories it chooses and its own additions.</summary>
public sealed class AgreementCategoriesModel(ReportingCategorySteps steps, PartnershipAccess access, IStringLocalizer<Texts> t) : PageModel
{
    public Agreement Agreement { get; private set; } = null!;
    public AgreementCategoriesView Lists { get; private set; } = null!;
    public bool MayEdit { get; private set; }
    [BindProperty] public List<int> ChosenIds { get; set; } = [];
    [BindProperty] public List<CategoryFormRow> Own { get; set; } = [];
    [BindProperty] public Guid? Version { get; set; }

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }
        ChosenIds = Lists.ChosenIds;
        Own = CategoryFormRow.Of(Lists.Own);
        Version = Lists.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id) =>
        await this.ShowAsync(await steps.SaveAgreementListsAsync(User, id, new AgreementCategoriesInput(ChosenIds, CategoryFormRow.ToInput(Own), Version)), t,
            _ => RedirectToPage(new { id }), async () => await LoadAsync(id) ? Page() : NotFound(), _ => null);

    private async Task<bool> LoadAsync(int id)
    {
        var agreement = await (await access.VisibleAgreementsAsync(User)).AsNoTracking().Include(a => a.Partnership).FirstOrDefaultAsync(a => a.Id == id);
        if (agreement is null || await steps.AgreementListsAsync(User, id) is not { } lists)
        {
            return false;
        }
        Agreement = agreement;
        Lists = lists;
        MayEdit = PartnershipAccess.Check(User, agreement.Partnership, PartnershipOperation.Edit) is null;
        return true;
    }
}
