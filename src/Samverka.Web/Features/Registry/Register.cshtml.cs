using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Samverka.Web.Data;
using Samverka.Web.Features.Agreements;
using Samverka.Web.Features.Partnerships;
using Samverka.Web.Infrastructure;

namespace Samverka.Web.Features.Registry;

/// <summary>Registers a document in the partnership's case, with an optional file.</summary>
[RequestSizeLimit(FileCheck.MaxBytes + 256 * 1024)]
public sealed class RegisterModel(AppDbContext db, PartnershipAccess access, IFileStore files, TimeProvider clock, IStringLocalizer<Texts> t) : PageModel
{
    public Partnership Partnership { get; private set; } = null!;
    public string? Refused { get; private set; }

    [BindProperty(SupportsGet = true)] public int? Corrects { get; set; }
    [BindProperty] public DateOnly RegisteredOn { get; set; }
    [BindProperty] public Direction Direction { get; set; } = Direction.DrawnUp;
    [BindProperty] public string? Counterparty { get; set; }
    [BindProperty] public string? Description { get; set; }
    [BindProperty] public DocumentKind Kind { get; set; } = DocumentKind.Minutes;
    [BindProperty] public bool Confidential { get; set; }
    [BindProperty] public string? ConfidentialityNote { get; set; }
    [BindProperty] public IFormFile? Upload { get; set; }

    public async Task<IActionResult> OnGetAsync(int partnershipId)
    {
        if (!await LoadAsync(partnershipId))
        {
            return NotFound();
        }
        RegisteredOn = clock.Today();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int partnershipId)
    {
        if (!await LoadAsync(partnershipId))
        {
            return NotFound();
        }
        if (Refused is not null || !ModelState.IsValid)
        {
            return Page();
        }
        byte[]? bytes = null;
        if (Upload is { Length: > 0 and <= FileCheck.MaxBytes })
        {
            using var stream = new MemoryStream();
            await Upload.CopyToAsync(stream);
            bytes = stream.ToArray();
        }
        else if (Upload is { Length: > FileCheck.MaxBytes })
        {
            bytes = [];
            ModelState.AddModelError(nameof(Upload), t["The file is larger than {0} MB.", FileCheck.MaxBytes / 1024 / 1024]);
            return Page();
        }
        else if (Upload is not null)
        {
            bytes = [];
        }
        var input = new RegistrationInput(RegisteredOn, Direction, Counterparty, Description, Kind, Confidential, ConfidentialityNote, Corrects, Upload?.FileName, bytes);
        var tracked = await db.Partnerships.SingleAsync(p => p.Id == partnershipId);
        var (document, problems) = await Registration.RegisterAsync(db, files, User, tracked, input, clock);
        foreach (var p in problems)
        {
            ModelState.AddModelError(p.Field switch { "file" => nameof(Upload), "description" => nameof(Description), "counterparty" => nameof(Counterparty), "registeredOn" => nameof(RegisteredOn), _ => "" }, t.Say(p.Message));
        }
        if (document is null)
        {
            return Page();
        }
        TempData["Done"] = t["Registered as {0}, document {1}.", document.CaseNumber, document.Sequence].Value;
        return RedirectToPage("Document", new { id = document.Id });
    }

    private async Task<bool> LoadAsync(int partnershipId)
    {
        var p = await (await access.VisibleAsync(User)).AsNoTracking().FirstOrDefaultAsync(x => x.Id == partnershipId);
        if (p is null || !Results.Recording.SeesExactFigures(User))
        {
            return false;
        }
        Partnership = p;
        Refused = Registration.CanRegister(User, p) is { } r ? t.Say(r) : null;
        return true;
    }
}
