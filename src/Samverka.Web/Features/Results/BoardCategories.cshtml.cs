using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Samverka.Web.Features.Partnerships;

namespace Samverka.Web.Features.Results;

/// <summary>The municipality's reporting lists, kept under its current board: its IOP coordinator edits them, everyone else reads them.</summary>
public sealed class BoardCategoriesModel(ReportingCategorySteps steps, PartnershipAccess access, IStringLocalizer<Texts> t) : PageModel
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
        if (Lists.BoardId != id)
        {
            // An ended board's lists are its successor's.
            return RedirectToPage(new { id = Lists.BoardId });
        }
        Rows = CategoryFormRow.Of(Lists.Categories);
        Version = Lists.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id) =>
        await this.ShowAsync(await steps.SaveBoardListsAsync(User, id, new CategoryListInput(CategoryFormRow.ToInput(Rows), Version)), t,
            _ => RedirectToPage(new { id }), async () => await LoadAsync(id) ? Page() : NotFound(), _ => null);

    private async Task<bool> LoadAsync(int id)
    {
        if (await steps.BoardListsAsync(id) is not { } lists)
        {
            return false;
        }
        Lists = lists;
        MayEdit = await access.CoordinatesBoardAsync(User, lists.BoardId);
        return true;
    }
}
