using System.IO.Compression;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Samverka.Web.Data;
using Samverka.Web.Features.Boards;
using Samverka.Web.Features.Partnerships;
using Samverka.Web.Infrastructure;

namespace Samverka.Web.Features.Registry;

/// <summary>A board's registry: search by case number, date, party and text; export a case as a ZIP.</summary>
public sealed class IndexModel(AppDbContext db, PartnershipAccess access, IFileStore files) : PageModel
{
    public Board Board { get; private set; } = null!;
    public List<RegistryDocument> Documents { get; private set; } = [];

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
        var q = (await Registration.VisibleAsync(access, db, User)).AsNoTracking().Where(d => d.BoardId == boardId);
        if (CaseNumber.NullIfBlank() is { } cn)
        {
            q = q.Where(d => d.CaseNumber == cn);
        }
        if (From is { } from)
        {
            q = q.Where(d => d.RegisteredOn >= from);
        }
        if (To is { } to)
        {
            q = q.Where(d => d.RegisteredOn <= to);
        }
        if (Party.NullIfBlank() is { } party)
        {
            var lower = party.ToLowerInvariant();
            q = q.Where(d => d.Counterparty != null && d.Counterparty.ToLower().Contains(lower));
        }
        if (Text.NullIfBlank() is { } text)
        {
            var lower = text.ToLowerInvariant();
            q = q.Where(d => d.Description.ToLower().Contains(lower));
        }
        Documents = await q.OrderByDescending(d => d.RegisteredOn).ThenByDescending(d => d.Id).Take(500).ToListAsync();
        return Page();
    }

    /// <summary>The case as a ZIP: every file and a listing of its registry entries (registry.json), a first step towards e-archive delivery.</summary>
    public async Task<IActionResult> OnGetExportAsync(int boardId)
    {
        if (CaseNumber.NullIfBlank() is not { } cn)
        {
            return NotFound();
        }
        var documents = await (await Registration.VisibleAsync(access, db, User)).AsNoTracking()
            .Where(d => d.BoardId == boardId && d.CaseNumber == cn).OrderBy(d => d.Sequence).ToListAsync();
        if (documents.Count == 0)
        {
            return NotFound();
        }
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            var listing = new List<object>();
            foreach (var d in documents)
            {
                string? entryName = null;
                if (d.StorageKey is not null)
                {
                    entryName = $"{d.Sequence:000}-{Path.GetFileName(d.FileName)}";
                    var entry = zip.CreateEntry(entryName, CompressionLevel.Optimal);
                    await using var s = entry.Open();
                    await s.WriteAsync(await files.ReadAsync(d.StorageKey));
                }
                listing.Add(new
                {
                    d.CaseNumber, d.Sequence, RegisteredOn = Format.Date(d.RegisteredOn), Direction = d.Direction.ToString(), d.Counterparty, d.Description,
                    Kind = d.Kind.ToString(), d.Confidential, d.ConfidentialityNote, d.CorrectsDocumentId, File = entryName, d.ContentType, d.FileSize, d.Sha256,
                    d.RecordedBy, RecordedAt = d.RecordedAt.UtcDateTime.ToString("O"),
                });
            }
            var json = zip.CreateEntry("registry.json");
            await using var js = json.Open();
            await JsonSerializer.SerializeAsync(js, listing, new JsonSerializerOptions { WriteIndented = true });
        }
        return File(stream.ToArray(), "application/zip", $"{cn.Replace(' ', '_').Replace('/', '-')}.zip");
    }
}
