using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Samverka.Web.Data;
using Samverka.Web.Features.Accounts;
using Samverka.Web.Features.Agreements;
using Samverka.Web.Features.Partnerships;
using Samverka.Web.Infrastructure;

namespace Samverka.Web.Features.Registry;

public sealed record RegistrationInput(DateOnly RegisteredOn, Direction Direction, string? Counterparty, string? Description, DocumentKind Kind,
    bool Confidential, string? ConfidentialityNote, int? CorrectsDocumentId, string? FileName, byte[]? File);

public static class Registration
{
    /// <summary>Registered documents of the partnerships a user may see; the registry is the partnership's own (board members do not see it).</summary>
    public static async Task<IQueryable<RegistryDocument>> VisibleAsync(PartnershipAccess access, AppDbContext db, ClaimsPrincipal user)
    {
        if (!Results.Recording.SeesExactFigures(user))
        {
            return db.RegistryDocuments.Where(d => false);
        }
        var partnerships = await access.VisibleAsync(user);
        return db.RegistryDocuments.Where(d => partnerships.Select(p => (int?)p.Id).Contains(d.PartnershipId));
    }

    /// <summary>The case number (a new one in the board's series if the partnership has none) and the next document number in it.</summary>
    private static async Task<(string CaseNumber, int Sequence)> NextNumberAsync(AppDbContext db, Partnership partnership, TimeProvider clock)
    {
        if (partnership.CaseNumber is null)
        {
            var board = await db.Boards.SingleAsync(b => b.Id == partnership.BoardId);
            var existing = await db.Partnerships.Where(p => p.CaseNumber != null).Select(p => p.CaseNumber!).ToListAsync();
            partnership.CaseNumber = CaseNumbers.Next(board.CaseNumberPrefix, clock.Today().Year, existing);
        }
        var caseNumber = partnership.CaseNumber;
        var last = await db.RegistryDocuments.Where(d => d.CaseNumber == caseNumber).Select(d => (int?)d.Sequence).MaxAsync() ?? 0;
        var pending = db.RegistryDocuments.Local.Where(d => d.CaseNumber == caseNumber && d.Id == 0).Select(d => d.Sequence).DefaultIfEmpty(0).Max();
        return (caseNumber, Math.Max(last, pending) + 1);
    }

    /// <summary>
    /// Registers a document that Samverka itself drew up or received (signed agreement, approved minutes, approved partner report),
    /// so nothing has to be typed twice. Added to the context; the caller's save writes it with the change that caused it.
    /// </summary>
    public static async Task RegisterGeneratedAsync(AppDbContext db, IFileStore files, int partnershipId, DocumentKind kind, Direction direction,
        string? counterparty, string description, string recordedBy, TimeProvider clock, string? fileName = null, byte[]? file = null, string? contentType = null)
    {
        var partnership = await db.Partnerships.SingleAsync(p => p.Id == partnershipId);
        var (caseNumber, sequence) = await NextNumberAsync(db, partnership, clock);
        var document = new RegistryDocument
        {
            BoardId = partnership.BoardId, PartnershipId = partnership.Id, CaseNumber = caseNumber, Sequence = sequence,
            RegisteredOn = clock.Today(), RecordedAt = clock.GetUtcNow(), RecordedBy = recordedBy, Direction = direction,
            Counterparty = counterparty, Description = description.Length > 1000 ? description[..1000] : description, Kind = kind,
        };
        if (file is { Length: > 0 })
        {
            document.FileName = fileName;
            document.ContentType = contentType;
            document.FileSize = file.Length;
            document.Sha256 = Convert.ToHexStringLower(SHA256.HashData(file));
            document.StorageKey = await files.SaveAsync(file);
        }
        db.RegistryDocuments.Add(document);
    }

    /// <summary>The registrar's task: the administration registers.</summary>
    public static Message? CanRegister(ClaimsPrincipal user, Partnership p) =>
        PartnershipAccess.Check(user, p, PartnershipOperation.Edit) is null ? null : new Message("Only the administration registers documents.");

    public static async Task<(RegistryDocument? Document, List<FieldProblem> Problems)> RegisterAsync(
        AppDbContext db, IFileStore files, ClaimsPrincipal user, Partnership partnership, RegistrationInput input, TimeProvider clock)
    {
        var problems = new List<FieldProblem>();
        if (string.IsNullOrWhiteSpace(input.Description))
        {
            problems.Add(new("description", new Message("This field is required.")));
        }
        else if (input.Description.Length > 1000)
        {
            problems.Add(new("description", new Message("The text is too long: {0} characters, at most {1}.", input.Description.Length, 1000)));
        }
        if (input.Counterparty?.Length > 300 || input.ConfidentialityNote?.Length > 300)
        {
            problems.Add(new("counterparty", new Message("The text is too long: {0} characters, at most {1}.", Math.Max(input.Counterparty?.Length ?? 0, input.ConfidentialityNote?.Length ?? 0), 300)));
        }
        if (input.Direction != Direction.DrawnUp && string.IsNullOrWhiteSpace(input.Counterparty))
        {
            problems.Add(new("counterparty", new Message("Say who sent or received the document.")));
        }
        if (input.RegisteredOn > clock.Today())
        {
            problems.Add(new("registeredOn", new Message("A document cannot be registered with a date in the future.")));
        }
        RegistryDocument? corrected = null;
        if (input.CorrectsDocumentId is { } correctsId)
        {
            corrected = await db.RegistryDocuments.FirstOrDefaultAsync(d => d.Id == correctsId && d.PartnershipId == partnership.Id);
            if (corrected is null)
            {
                problems.Add(new("correctsDocumentId", new Message("The document to correct is not in this case.")));
            }
        }
        string? contentType = null;
        if (input.File is not null || input.FileName is not null)
        {
            var (refusal, type) = FileCheck.Check(input.FileName, input.File ?? []);
            if (refusal is not null)
            {
                problems.Add(new("file", refusal));
            }
            contentType = type;
        }
        if (problems.Count > 0)
        {
            return (null, problems);
        }
        var (caseNumber, sequence) = await NextNumberAsync(db, partnership, clock);
        var document = new RegistryDocument
        {
            BoardId = partnership.BoardId,
            PartnershipId = partnership.Id,
            CaseNumber = caseNumber,
            Sequence = sequence,
            RegisteredOn = input.RegisteredOn,
            RecordedAt = clock.GetUtcNow(),
            RecordedBy = user.DisplayNameOf(),
            Direction = input.Direction,
            Counterparty = input.Counterparty.NullIfBlank(),
            Description = input.Description!.Trim(),
            Kind = input.Kind,
            Confidential = input.Confidential,
            ConfidentialityNote = input.ConfidentialityNote.NullIfBlank(),
            CorrectsDocumentId = corrected?.Id,
        };
        if (input.File is { Length: > 0 } bytes)
        {
            document.FileName = input.FileName;
            document.ContentType = contentType;
            document.FileSize = bytes.Length;
            document.Sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes));
            document.StorageKey = await files.SaveAsync(bytes);
        }
        db.RegistryDocuments.Add(document);
        await db.SaveChangesAsync();
        return (document, []);
    }
}
