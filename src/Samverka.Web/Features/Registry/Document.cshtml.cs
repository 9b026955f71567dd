using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Samverka.Web.Data;
using Samverka.Web.Features.Partnerships;
using Samverka.Web.Infrastructure;

namespace Samverka.Web.Features.Registry;

/// <summary>One registered document, its file, and the versions that correct it.</summary>
public sealed class DocumentModel(AppDbContext db, PartnershipAccess access, IFileStore files) : PageModel
{
    public RegistryDocument Document { get; private set; } = null!;
    public List<RegistryDocument> Versions { get; private set; } = [];
    public bool CanRegister { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }
        return Page();
    }

    public async Task<IActionResult> OnGetFileAsync(int id)
    {
        if (!await LoadAsync(id) || Document.StorageKey is null)
        {
            return NotFound();
        }
        return File(await files.ReadAsync(Document.StorageKey), Document.ContentType ?? "application/octet-stream", Document.FileName);
    }

    private async Task<bool> LoadAsync(int id)
    {
        var visible = await Registration.VisibleAsync(access, db, User);
        var document = await visible.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id);
        if (document is null)
        {
            return false;
        }
        Document = document;
        Versions = await visible.AsNoTracking().Where(d => d.CorrectsDocumentId == id || (document.CorrectsDocumentId != null && d.Id == document.CorrectsDocumentId)).OrderBy(d => d.Sequence).ToListAsync();
        var partnership = await db.Partnerships.AsNoTracking().SingleAsync(p => p.Id == document.PartnershipId);
        CanRegister = Registration.CanRegister(User, partnership) is null;
        return true;
    }
}
