using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Samverka.Web.Data;
using Samverka.Web.Features.Boards;
using Samverka.Web.Features.Partnerships;

namespace Samverka.Web.Features.Registry;

/// <summary>A board's registry: search by case number, date, party and text; export a case as a ZIP.</summary>
public sealed class IndexModel(AppDbContext db, PartnershipAccess access, RegistrySteps steps) : PageModel
{
    public Board Board { get; private set; } = null!;
    public List<RegistryEntryView> Documents { get; private set; } = [];

    [BindProperty(SupportsGet = true)] public string? CaseNumber { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }
    [BindProperty(SupportsGet = true)] public string? Party { get; set; }
    [BindProperty(SupportsGet = true)] public string? Text { get; set; }

    public async Task<IActionResult> OnGetAsync(int boardId)
    {
        var board = await db.Boards.AsNoTracking().FirstOrDefaultAsync(b => b.Id == boardId);
        if (board is null)
        {
            return NotFound();
        }
        Board = board;
        Documents = await RegistryQueries.SearchAsync(access, db, User, boardId, new RegistrySearch(CaseNumber, From, To, Party, Text));
        return Page();
    }

    /// <summary>The case as a ZIP: the files the user may open and a listing of its registry entries (registry.json).</summary>
    public async Task<IActionResult> OnGetExportAsync(int boardId) =>
        await steps.ExportAsync(User, boardId, CaseNumber) is { IsDone: true, Value: { } zip } ? File(zip.Content, zip.ContentType, zip.FileName) : NotFound();
}
