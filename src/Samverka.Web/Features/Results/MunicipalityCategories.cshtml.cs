using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Samverka.Web.Features.Results;

/// <summary>The municipality's reporting lists: an IOP coordinator of one of its boards edits them, everyone else reads them.</summary>
public sealed class MunicipalityCategoriesModel(ReportingCategorySteps steps, IStringLocalizer<Texts> t) : PageModel
{
    public CategoryListView Lists { get; private set; } = null!;
    public bool MayEdit { get; private set; }
    [BindProperty] public List<CategoryFormRow> Rows { get; set; } = [];
    [BindProperty] public Guid? Version { get; set; }

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }
        Rows = CategoryFormRow.Of(Lists.Categories);
        Version = Lists.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id) =>
        await this.ShowAsync(await steps.SaveMunicipalityListsAsync(User, id, new CategoryListInput(CategoryFormRow.ToInput(Rows), Version)), t,
            _ => RedirectToPage(new { id }), async () => await LoadAsync(id) ? Page() : NotFound(), _ => null);

    private async Task<bool> LoadAsync(int id)
    {
        if (await steps.MunicipalityListsAsync(id) is not { } lists)
        {
            return false;
        }
        Lists = lists;
        MayEdit = await steps.MayKeepListsAsync(User, id);
        return true;
    }
}
