using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Samverka.Web.Features.Partnerships;

namespace Samverka.Web.Features.Registry;

/// <summary>Registers a document in the partnership's case, with an optional file.</summary>
// Room for a file up to four times the limit, so that a too-large file is read and refused with the size message;
// at a limit just above the file limit, the server stops reading and the browser shows a reset connection instead.
[RequestSizeLimit(FileCheck.MaxBytes * 4)]
public sealed class RegisterModel(PartnershipAccess access, RegistrySteps steps, TimeProvider clock, IStringLocalizer<Texts> t) : PageModel
{
    public Partnership Partnership { get; private set; } = null!;
    public string? Refused { get; private set; }

    [BindProperty(SupportsGet = true)] public int? Corrects { get; set; }
    [BindProperty] public DateOnly? RegisteredOn { get; set; }
    [BindProperty] public Direction Direction { get; set; } = Direction.DrawnUp;
    [BindProperty] public string? Counterparty { get; set; }
    [BindProperty] public string? Description { get; set; }
    [BindProperty] public DocumentKind Kind { get; set; } = DocumentKind.Minutes;
    [BindProperty] public bool Confidential { get; set; }
    [BindProperty] public string? ConfidentialityNote { get; set; }
    [BindProperty] public string? PublicDescription { get; set; }
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
        if (!ModelState.IsValid)
        {
            return await LoadAsync(partnershipId) ? Page() : NotFound();
        }
        byte[]? bytes = null;
        if (Upload is { Length: > FileCheck.MaxBytes })
        {
            ModelState.AddModelError(nameof(Upload), t["The file is larger than {0} MB.", FileCheck.MaxBytes / 1024 / 1024]);
            return await LoadAsync(partnershipId) ? Page() : NotFound();
        }
        if (Upload is not null)
        {
            using var stream = new MemoryStream();
            await Upload.CopyToAsync(stream);
            bytes = stream.ToArray();
        }
        var input = new RegistrationInput(RegisteredOn, Direction, Counterparty, Description, Kind, Confidential, ConfidentialityNote, PublicDescription, Corrects, Upload?.FileName, bytes);
        return await this.ShowAsync(await steps.RegisterAsync(User, partnershipId, input), t, d => RedirectToPage("Document", new { id = d.Id }),
            async () => await LoadAsync(partnershipId) ? Page() : NotFound(),
            field => field switch
            {
                "file" => nameof(Upload),
                "description" => nameof(Description),
                "counterparty" => nameof(Counterparty),
                "registeredOn" => nameof(RegisteredOn),
                "publicDescription" => nameof(PublicDescription),
                "confidentialityNote" => nameof(ConfidentialityNote),
                _ => null,
            }, done: d => t["Registered as {0}, document {1}.", d.CaseNumber, d.Sequence].Value);
    }

    private async Task<bool> LoadAsync(int partnershipId)
    {
        var (p, denied) = await access.FindAsync(User, partnershipId, PartnershipOperation.ReadInternal);
        if (p is null || denied is not null)
        {
            return false;
        }
        Partnership = p;
        Refused = this.Deny(PartnershipAccess.Check(User, p, PartnershipOperation.Register), t);
        return true;
    }
}
