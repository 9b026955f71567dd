using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Samverka.Web.Features.Audit;

public enum AuditAction { Added, Modified, Deleted }

/// <summary>
/// One change to one record: who, when, what changed from what to what. Append-only; each entry carries the hash of the
/// one before, so changing or removing a row breaks the chain from there on.
/// </summary>
public class AuditEntry
{
    public long Id { get; set; }
    public DateTimeOffset At { get; set; }
    public string? UserId { get; set; }
    public required string UserName { get; set; }
    public required string EntityType { get; set; }
    public required string EntityKey { get; set; }
    public int? PartnershipId { get; set; }
    public AuditAction Action { get; set; }

    /// <summary>JSON object: property → [from, to].</summary>
    public required string Changes { get; set; }
    public required string PreviousHash { get; set; }
    public required string Hash { get; set; }

    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    public string ComputeHash()
    {
        var text = string.Join('\n',
            PreviousHash, At.UtcTicks.ToString(CultureInfo.InvariantCulture), UserId ?? "", UserName, EntityType, EntityKey,
            PartnershipId?.ToString(CultureInfo.InvariantCulture) ?? "", Action.ToString(), Changes);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }
}

public static class AuditChain
{
    /// <summary>
    /// The id of the first entry whose hash or link does not hold, or null when the whole chain is intact. Reads the
    /// entries one at a time, so a trail of any length is checked in constant memory.
    /// </summary>
    public static async Task<long?> FirstBrokenAsync(IAsyncEnumerable<AuditEntry> entriesInOrder, CancellationToken cancellationToken = default)
    {
        var previous = AuditEntry.Genesis;
        await foreach (var e in entriesInOrder.WithCancellation(cancellationToken))
        {
            if (e.PreviousHash != previous || e.ComputeHash() != e.Hash)
            {
                return e.Id;
            }
            previous = e.Hash;
        }
        return null;
    }
}

/// <summary>
/// Switches the per-save audit off for the current async flow only: for bulk loads that write a valid chain of their
/// own (the benchmark's generator). Flow-local, so pooled contexts and other requests are never affected.
/// </summary>
public static class AuditSuppression
{
    private static readonly AsyncLocal<bool> Suppressed = new();

    public static bool IsActive => Suppressed.Value;

    public static IDisposable Begin()
    {
        Suppressed.Value = true;
        return new End();
    }

    private sealed class End : IDisposable
    {
        public void Dispose() => Suppressed.Value = false;
    }
}
