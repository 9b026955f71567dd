using System.IO.Compression;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Samverka.Web.Data;
using Samverka.Web.Features.Accounts;
using Samverka.Web.Features.Partnerships;

namespace Samverka.Web.Features.Registry;

public sealed record RegistrationInput(DateOnly? RegisteredOn, Direction Direction, string? Counterparty, string? Description, DocumentKind Kind,
    bool Confidential, string? ConfidentialityNote, string? PublicDescription, int? CorrectsDocumentId, string? FileName, byte[]? File,
    (string Field, Message Message)? FileProblem = null);

public sealed record GrantInput(string? UserId, string? Reason);

/// <summary>A document registered in a case; the outbox gets its ids.</summary>
public sealed record DocumentRegistered([property: JsonIgnore] RegistryDocument Document) : IDomainEvent
{
    public int DocumentId => Document.Id;
    public int? PartnershipId => Document.PartnershipId;
    public string CaseNumber => Document.CaseNumber;
}

/// <summary>A registered document with the partnership whose case it is in: what the permission is checked against.</summary>
public sealed record DocumentInCase(RegistryDocument Document, Partnership Partnership);

/// <summary>A file as it is handed out: name, type and bytes.</summary>
public sealed record FileDownload(string FileName, string ContentType, byte[] Content);

/// <summary>The registry's steps, written once for pages and API: register, grant and revoke access, open a file, export a case.</summary>
public sealed class RegistrySteps(StepRunner runner, PartnershipAccess access, IFileStore files, TimeProvider clock)
{
    // Readable Swedish letters: the listing is a file for the archive, never written into a page.
    private static readonly JsonSerializerOptions ListingJson = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private AppDbContext Db => runner.Db;

    /// <summary>Registers a document in the partnership's case; a case number in the board's series is assigned when the partnership has none.</summary>
    public Task<Outcome<RegistryDocument>> RegisterAsync(ClaimsPrincipal user, int partnershipId, RegistrationInput input) =>
        runner.RunAddingAsync(user, async () => (await access.FindAsync(user, partnershipId, PartnershipOperation.ReadInternal, track: true)) is { Partnership: { } p, Denied: null } ? p : null,
            p => p, PartnershipOperation.Register, async (Partnership partnership, StepContext ctx) =>
            {
                var check = new InputCheck().Required("registeredOn", input.RegisteredOn)
                    .Text("description", input.Description, TextLimit.Description, required: true, multiline: true)
                    .Text("counterparty", input.Counterparty, TextLimit.Short)
                    .Text("confidentialityNote", input.ConfidentialityNote, TextLimit.Short)
                    .Text("publicDescription", input.PublicDescription, TextLimit.Description, required: input.Confidential, multiline: true);
                if (input.Direction != Direction.DrawnUp && string.IsNullOrWhiteSpace(input.Counterparty))
                {
                    check.Add("counterparty", new Message("Say who sent or received the document."));
                }
                if (input.RegisteredOn > ctx.Today)
                {
                    check.Add("registeredOn", new Message("A document cannot be registered with a date in the future."));
                }
                else if (input.RegisteredOn?.Year < 1990)
                {
                    check.Add("registeredOn", new Message("The date {0} is not plausible here.", input.RegisteredOn.Value));
                }
                if (!Enum.IsDefined(input.Direction) || !Enum.IsDefined(input.Kind))
                {
                    check.Add(Enum.IsDefined(input.Direction) ? "kind" : "direction", new Message("The value is not valid here."));
                }
                RegistryDocument? corrected = null;
                if (input.CorrectsDocumentId is { } correctsId)
                {
                    corrected = await Db.RegistryDocuments.FirstOrDefaultAsync(d => d.Id == correctsId && d.PartnershipId == partnership.Id);
                    if (corrected is null)
                    {
                        check.Add("correctsDocumentId", new Message("The document to correct is not in this case."));
                    }
                }
                string? contentType = null;
                if (input.FileProblem is { } unreadable)
                {
                    // Said here, after the permission check, so that a refusal does not depend on what was sent.
                    check.Add(unreadable.Field, unreadable.Message);
                }
                else if (input.File is not null || input.FileName is not null)
                {
                    var (refusal, type) = FileCheck.Check(input.FileName, input.File ?? []);
                    if (refusal is not null)
                    {
                        check.Add("file", refusal);
                    }
                    contentType = type;
                }
                if (!check.IsValid)
                {
                    return Outcome.Invalid(check.Problems);
                }
                var document = await NewDocumentAsync(Db, partnership, clock);
                document.RegisteredOn = input.RegisteredOn!.Value;
                document.RecordedBy = ctx.Actor.Name;
                document.Direction = input.Direction;
                document.Counterparty = input.Counterparty.NullIfBlank();
                document.Description = input.Description!.Trim();
                document.Kind = input.Kind;
                document.Confidential = input.Confidential;
                document.ConfidentialityNote = input.ConfidentialityNote.NullIfBlank();
                document.PublicDescription = input.Confidential ? input.PublicDescription.NullIfBlank() : null;
                document.CorrectsDocumentId = corrected?.Id;
                if (input.File is { Length: > 0 } bytes)
                {
                    await AttachAsync(document, files, input.FileName!, contentType!, bytes);
                }
                Db.RegistryDocuments.Add(document);
                return Outcome.Done(document);
            });

    /// <summary>Gives one person access to a confidential document, with the reason (audited).</summary>
    public Task<Outcome<RegistryDocument>> GrantAsync(ClaimsPrincipal user, int documentId, GrantInput input) =>
        runner.RunAddingAsync(user, () => FindAsync(user, documentId, track: true), d => d.Partnership, PartnershipOperation.Register, async (DocumentInCase found, StepContext ctx) =>
        {
            var d = found.Document;
            if (!d.Confidential)
            {
                return Outcome.Refused(new Message("The document is public; everyone in the partnership can open it already."));
            }
            if (!(await RegistryAccess.OpenerAsync(access, Db, user, [d]))(d))
            {
                return Outcome.Forbidden(new Message("Only the administration of the board that owns the case opens or shares a confidential document."));
            }
            var check = new InputCheck().Text("userId", input.UserId, 450, required: true).Text("reason", input.Reason, TextLimit.Description, required: true, multiline: true);
            var person = input.UserId is null ? null : await Db.Users.AsNoTracking().Where(u => u.Id == input.UserId).Select(u => new { u.Id, u.DisplayName }).FirstOrDefaultAsync();
            if (input.UserId is not null && person is null)
            {
                check.Add("userId", new Message("Choose a person who has an account in Samverka."));
            }
            if (!check.IsValid)
            {
                return Outcome.Invalid(check.Problems);
            }
            if (d.Grants.Any(g => g.UserId == person!.Id && g.RevokedAt is null))
            {
                return Outcome.Done(d);
            }
            d.Grants.Add(new ConfidentialAccess
            {
                PartnershipId = d.PartnershipId,
                UserId = person!.Id,
                UserName = person.DisplayName,
                Reason = input.Reason!.Trim(),
                GrantedAt = ctx.Actor.At,
                GrantedBy = ctx.Actor.Name,
            });
            return Outcome.Done(d);
        });

    public Task<Outcome<RegistryDocument>> RevokeAsync(ClaimsPrincipal user, int documentId, int grantId) =>
        runner.RunAddingAsync(user, () => FindAsync(user, documentId, track: true), d => d.Partnership, PartnershipOperation.Register, (DocumentInCase found, StepContext ctx) =>
        {
            var grant = found.Document.Grants.FirstOrDefault(g => g.Id == grantId && g.RevokedAt is null);
            if (grant is null)
            {
                return Task.FromResult<Outcome<RegistryDocument>>(Outcome.NotFound);
            }
            grant.RevokedAt = ctx.Actor.At;
            grant.RevokedBy = ctx.Actor.Name;
            return Task.FromResult(Outcome.Done(found.Document));
        });

    /// <summary>The document's file, if the user may open it; opening a confidential one is recorded (who, when) in the audit trail.</summary>
    public async Task<Outcome<FileDownload>> OpenFileAsync(ClaimsPrincipal user, int documentId)
    {
        if (await FindAsync(user, documentId, track: false) is not { Document: { StorageKey: { } key } d })
        {
            return Outcome.NotFound;
        }
        if (!(await RegistryAccess.OpenerAsync(access, Db, user, [d]))(d))
        {
            return Outcome.Forbidden(new Message("The document is confidential; only the administration of the board that owns the case and people it has granted access open it."));
        }
        if (d.Confidential)
        {
            Db.Set<DocumentOpening>().Add(new DocumentOpening { RegistryDocumentId = d.Id, PartnershipId = d.PartnershipId, UserId = user.UserId(), UserName = Actor.NameOf(user), At = clock.GetUtcNow() });
            await Db.SaveChangesAsync();
        }
        return Outcome.Done(new FileDownload(d.FileName ?? $"{d.Id}", d.ContentType ?? "application/octet-stream", await files.ReadAsync(key)));
    }

    /// <summary>
    /// A case as a ZIP: the files the user may open and a listing of its entries (registry.json) as the user may see
    /// them, a first step towards e-archive delivery. Confidential files the user may not open are left out.
    /// </summary>
    public async Task<Outcome<FileDownload>> ExportAsync(ClaimsPrincipal user, int boardId, string? caseNumber)
    {
        if (await RegistryQueries.CaseNumberAsync(Db, boardId, caseNumber) is not { } cn)
        {
            return Outcome.Invalid("caseNumber", InputCheck.RequiredMessage);
        }
        var documents = await (await RegistryAccess.ListedAsync(access, Db, user)).AsNoTracking()
            .Where(d => d.BoardId == boardId && d.CaseNumber == cn).OrderBy(d => d.Sequence).ToListAsync();
        if (documents.Count == 0)
        {
            return Outcome.NotFound;
        }
        var canOpen = await RegistryAccess.OpenerAsync(access, Db, user, documents);
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            var listing = new List<object>();
            foreach (var d in documents)
            {
                var view = RegistryEntryView.Of(d, canOpen(d));
                string? entryName = null;
                if (view.CanOpen && d.StorageKey is not null)
                {
                    entryName = $"{d.Sequence:000}-{Path.GetFileName(d.FileName)}";
                    var entry = zip.CreateEntry(entryName, CompressionLevel.Optimal);
                    await using var s = entry.Open();
                    await s.WriteAsync(await files.ReadAsync(d.StorageKey));
                    if (d.Confidential)
                    {
                        Db.Set<DocumentOpening>().Add(new DocumentOpening { RegistryDocumentId = d.Id, PartnershipId = d.PartnershipId, UserId = user.UserId(), UserName = Actor.NameOf(user), At = clock.GetUtcNow() });
                    }
                }
                listing.Add(new
                {
                    view.CaseNumber,
                    view.Sequence,
                    RegisteredOn = Format.Date(view.RegisteredOn),
                    Direction = view.Direction.ToString(),
                    view.Counterparty,
                    view.Description,
                    Kind = view.Kind.ToString(),
                    view.Confidential,
                    view.ConfidentialityNote,
                    view.CorrectsDocumentId,
                    File = entryName,
                    view.ContentType,
                    view.FileSize,
                    view.Sha256,
                    view.RecordedBy,
                    RecordedAt = view.RecordedAt?.UtcDateTime.ToString("O"),
                });
            }
            var json = zip.CreateEntry("registry.json");
            await using var js = json.Open();
            await JsonSerializer.SerializeAsync(js, listing, ListingJson);
        }
        await Db.SaveChangesAsync();
        return Outcome.Done(new FileDownload($"{cn.Replace(' ', '_').Replace('/', '-')}.zip", "application/zip", stream.ToArray()));
    }

    /// <summary>A listed document with its partnership, or null when the user may not see the case.</summary>
    public async Task<DocumentInCase?> FindAsync(ClaimsPrincipal user, int documentId, bool track)
    {
        var listed = await RegistryAccess.ListedAsync(access, Db, user);
        var q = listed.Include(d => d.Grants);
        var d = await (track ? q : q.AsNoTracking()).FirstOrDefaultAsync(x => x.Id == documentId);
        if (d?.PartnershipId is not { } pid)
        {
            return null;
        }
        var p = await (track ? Db.Partnerships : Db.Partnerships.AsNoTracking()).SingleAsync(x => x.Id == pid);
        return new DocumentInCase(d, p);
    }

    /// <summary>
    /// Registers a document that Samverka itself drew up or received (signed agreement, approved minutes, approved partner
    /// report), so nothing has to be typed twice. Added to the context: the step's save writes it with the change that caused it.
    /// </summary>
    public static async Task RegisterGeneratedAsync(AppDbContext db, IFileStore files, int partnershipId, DocumentKind kind, Direction direction,
        string? counterparty, string description, string recordedBy, TimeProvider clock, string? fileName = null, byte[]? file = null, string? contentType = null)
    {
        var partnership = db.Partnerships.Local.FirstOrDefault(p => p.Id == partnershipId) ?? await db.Partnerships.SingleAsync(p => p.Id == partnershipId);
        var document = await NewDocumentAsync(db, partnership, clock);
        document.RegisteredOn = clock.Today();
        document.RecordedBy = recordedBy;
        document.Direction = direction;
        document.Counterparty = counterparty;
        document.Description = description.Length > TextLimit.Description ? description[..TextLimit.Description] : description;
        document.Kind = kind;
        if (file is { Length: > 0 })
        {
            await AttachAsync(document, files, fileName ?? "dokument", contentType ?? "application/octet-stream", file);
        }
        db.RegistryDocuments.Add(document);
    }

    /// <summary>The next number in the partnership's case (a new case number in the board's series if it has none).</summary>
    private static async Task<RegistryDocument> NewDocumentAsync(AppDbContext db, Partnership partnership, TimeProvider clock)
    {
        if (partnership.CaseNumber is null)
        {
            var board = await db.Boards.SingleAsync(b => b.Id == partnership.BoardId);
            var existing = await db.Partnerships.Where(p => p.BoardId == board.Id && p.CaseNumber != null).Select(p => p.CaseNumber!).ToListAsync();
            partnership.CaseNumber = board.CaseNumbers.Next(clock.Today().Year, existing);
        }
        var caseNumber = partnership.CaseNumber;
        var last = await db.RegistryDocuments.Where(d => d.CaseNumber == caseNumber).Select(d => (int?)d.Sequence).MaxAsync() ?? 0;
        var pending = db.RegistryDocuments.Local.Where(d => d.CaseNumber == caseNumber && d.Id == 0).Select(d => d.Sequence).DefaultIfEmpty(0).Max();
        var document = new RegistryDocument
        {
            BoardId = partnership.BoardId,
            PartnershipId = partnership.Id,
            CaseNumber = caseNumber,
            Sequence = Math.Max(last, pending) + 1,
            RecordedAt = clock.GetUtcNow(),
            RecordedBy = "",
            Description = "",
        };
        document.Registered();
        return document;
    }

    private static async Task AttachAsync(RegistryDocument document, IFileStore files, string fileName, string contentType, byte[] bytes)
    {
        document.FileName = fileName;
        document.ContentType = contentType;
        document.FileSize = bytes.Length;
        document.Sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes));
        document.StorageKey = await files.SaveAsync(bytes);
    }
}
