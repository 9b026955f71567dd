using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Samverka.Web.Data;
using Samverka.Web.Features.Partnerships;

namespace Samverka.Web.Features.Boards;

/// <summary>A board's history: the boards it succeeded and every partnership of theirs and its own that the user may see; its coordinator sets how its case numbers are written.</summary>
public sealed class DetailsModel(AppDbContext db, PartnershipAccess access, BoardSteps steps, TimeProvider clock, IStringLocalizer<Texts> t) : PageModel
{
    public sealed class CaseNumbersModel
    {
        public string? Pattern { get; set; }
        public Guid? Version { get; set; }
    }

    public Board Board { get; private set; } = null!;
    public List<Board> Predecessors { get; private set; } = [];
    public PortfolioView Partnerships { get; private set; } = new([], []);
    public bool MaySetFormat { get; private set; }
    [BindProperty] public CaseNumbersModel Numbers { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }
        Numbers = new() { Pattern = Board.CaseNumberPattern, Version = Board.Version };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        var outcome = await steps.SetCaseNumberFormatAsync(User, id, new CaseNumberFormatInput(Numbers.Pattern, Numbers.Version));
        return await this.ShowAsync(outcome, t, b => RedirectToPage("Details", new { id = b.Id }),
            async () => await LoadAsync(id) ? Page() : NotFound(), field => field == "pattern" ? "Numbers.Pattern" : "");
    }

    private async Task<bool> LoadAsync(int id)
    {
        if (await BoardQueries.HistoryAsync(db, access, User, id, clock.Today()) is not { } history)
        {
            return false;
        }
        (Board, Predecessors, Partnerships) = history;
        MaySetFormat = await access.CoordinatesBoardAsync(User, id);
        return true;
    }
}
