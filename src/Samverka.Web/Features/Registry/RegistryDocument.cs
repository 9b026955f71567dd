using Samverka.Web.Data;

namespace Samverka.Web.Features.Registry;

public enum Direction { Received, Sent, DrawnUp }

public enum DocumentKind { Agreement, Amendment, Minutes, PartnerReport, Decision, Letter, Other }

/// <summary>
/// An official document registered (diariefört) in a case: date, case number, sender or recipient, a short description
/// (offentlighets- och sekretesslagen 5:1). Never changed or deleted; a correction is a new version that names the one it corrects.
/// </summary>
public class RegistryDocument : Aggregate, Data.IMaybePartnershipScoped
{
    public int Id { get; set; }
    public int BoardId { get; set; }
    public int? PartnershipId { get; set; }
    public required string CaseNumber { get; set; }

    /// <summary>The document's number within its case (1, 2, …).</summary>
    public int Sequence { get; set; }
    public DateOnly RegisteredOn { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    public required string RecordedBy { get; set; }
    public Direction Direction { get; set; }
    public string? Counterparty { get; set; }
    public required string Description { get; set; }
    public DocumentKind Kind { get; set; }
    /// <summary>Sekretessmarkerad: only the administration of the board that owns the case, and people it grants access, open it.</summary>
    public bool Confidential { get; set; }

    /// <summary>The ground for confidentiality (e.g. "OSL 26 kap. 1 §"); shown to everyone who sees the entry.</summary>
    public string? ConfidentialityNote { get; set; }

    /// <summary>For a confidential document: the description the officer wrote as fit to show, as a public diarium shows it.</summary>
    public string? PublicDescription { get; set; }
    public int? CorrectsDocumentId { get; set; }

    public string? FileName { get; set; }
    public string? ContentType { get; set; }
    public long? FileSize { get; set; }
    public string? StorageKey { get; set; }
    public string? Sha256 { get; set; }

    public List<ConfidentialAccess> Grants { get; set; } = [];

    public void Registered() => Raise(new DocumentRegistered(this));
}

/// <summary>A person outside the board's administration given access to one confidential document, with the reason; revoked, never deleted.</summary>
public class ConfidentialAccess : Data.IMaybePartnershipScoped
{
    public int Id { get; set; }
    public int RegistryDocumentId { get; set; }
    public int? PartnershipId { get; set; }
    public required string UserId { get; set; }
    public required string UserName { get; set; }
    public required string Reason { get; set; }
    public DateTimeOffset GrantedAt { get; set; }
    public required string GrantedBy { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
    public string? RevokedBy { get; set; }
}

/// <summary>Someone opened the file of a confidential document: written for every opening, so the audit trail says who read it and when.</summary>
public class DocumentOpening : Data.IMaybePartnershipScoped
{
    public int Id { get; set; }
    public int RegistryDocumentId { get; set; }
    public int? PartnershipId { get; set; }
    public string? UserId { get; set; }
    public required string UserName { get; set; }
    public DateTimeOffset At { get; set; }
}

/// <summary>What an attached file is, judged by its content, not its name.</summary>
public static class FileCheck
{
    public const long MaxBytes = 20 * 1024 * 1024;

    private static readonly Dictionary<string, (string Type, string Label)> Allowed = new(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = ("application/pdf", "PDF"),
        [".docx"] = ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "DOCX"),
        [".xlsx"] = ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "XLSX"),
        [".png"] = ("image/png", "PNG"),
        [".jpg"] = ("image/jpeg", "JPEG"),
        [".jpeg"] = ("image/jpeg", "JPEG"),
        [".gif"] = ("image/gif", "GIF"),
    };

    /// <summary>Null and the content type when the file is what its name says; otherwise why not.</summary>
    public static (Message? Message, string? ContentType) Check(string? fileName, byte[] content)
    {
        if (string.IsNullOrWhiteSpace(fileName) || fileName.Length > TextLimit.FileName || fileName.IndexOfAny(['/', '\\', ':']) >= 0 || fileName.Contains("..", StringComparison.Ordinal) || fileName.Any(char.IsControl))
        {
            return (new Message("The file name must be a plain name without a folder or path."), null);
        }
        if (content.Length == 0)
        {
            return (new Message("The file is empty."), null);
        }
        if (content.Length > MaxBytes)
        {
            return (new Message("The file is larger than {0} MB.", MaxBytes / 1024 / 1024), null);
        }
        if (!Allowed.TryGetValue(Path.GetExtension(fileName), out var expected))
        {
            return (new Message("Attach a PDF, DOCX, XLSX or an image (PNG, JPEG, GIF)."), null);
        }
        return Sniff(content) == expected.Label
            ? (null, expected.Type)
            : (new Message("The file is called {0} but its content is not {1}.", fileName, expected.Label), null);
    }

    /// <summary>
    /// A PDF as the format ends one: a version in the header, objects, and at the end "startxref", the offset of the
    /// cross-reference (inside the file) and "%%EOF". A file that only begins like a PDF (a renamed executable, a page
    /// cut off in transfer) is not one. Without a PDF library this is the structure, not every object.
    /// </summary>
    public static bool IsWholePdf(byte[] c)
    {
        var head = System.Text.Encoding.ASCII.GetString(c, 0, Math.Min(c.Length, 16));
        if (!System.Text.RegularExpressions.Regex.IsMatch(head, @"^%PDF-[12]\.\d"))
        {
            return false;
        }
        var tailStart = Math.Max(0, c.Length - 2048);
        var tail = System.Text.Encoding.Latin1.GetString(c, tailStart, c.Length - tailStart).TrimEnd('\r', '\n', ' ', '\0');
        var end = System.Text.RegularExpressions.Regex.Match(tail, @"startxref\s+(\d{1,12})\s+%%EOF$");
        return end.Success && long.TryParse(end.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture, out var offset) && offset > 0 && offset < c.Length
            && c.AsSpan().IndexOf("obj"u8) > 0;
    }

    private static string? Sniff(byte[] c)
    {
        static bool Starts(byte[] c, params byte[] magic) => c.Length >= magic.Length && c.AsSpan(0, magic.Length).SequenceEqual(magic);
        if (Starts(c, "%PDF-"u8.ToArray()))
        {
            return IsWholePdf(c) ? "PDF" : null;
        }
        if (Starts(c, 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A))
        {
            return "PNG";
        }
        if (Starts(c, 0xFF, 0xD8, 0xFF))
        {
            return "JPEG";
        }
        if (Starts(c, "GIF87a"u8.ToArray()) || Starts(c, "GIF89a"u8.ToArray()))
        {
            return "GIF";
        }
        if (Starts(c, 0x50, 0x4B, 0x03, 0x04))
        {
            try
            {
                using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(c), System.IO.Compression.ZipArchiveMode.Read);
                if (zip.GetEntry("word/document.xml") is not null)
                {
                    return "DOCX";
                }
                if (zip.GetEntry("xl/workbook.xml") is not null)
                {
                    return "XLSX";
                }
            }
            catch (InvalidDataException)
            {
                return null;
            }
        }
        return null;
    }
}
