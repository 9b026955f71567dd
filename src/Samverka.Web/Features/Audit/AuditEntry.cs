using Microsoft.EntityFrameworkCore;
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

    /// <summary>Hashed with the audit key (HMAC); entries written before the chain was keyed are plain SHA-256.</summary>
    public bool Keyed { get; set; }

    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    public string ComputeHash(byte[]? key)
    {
        var text = Encoding.UTF8.GetBytes(string.Join('\n',
            PreviousHash, At.UtcTicks.ToString(CultureInfo.InvariantCulture), UserId ?? "", UserName, EntityType, EntityKey,
            PartnershipId?.ToString(CultureInfo.InvariantCulture) ?? "", Action.ToString(), Changes));
        if (!Keyed)
        {
            return Convert.ToHexStringLower(SHA256.HashData(text));
        }
        return key is null ? throw new InvalidOperationException("A keyed entry needs the audit key.") : Convert.ToHexStringLower(HMACSHA256.HashData(key, text));
    }
}

/// <summary>
/// The newest entry's hash, kept apart from the chain and sealed with the audit key: removing the newest entries leaves
/// a chain that is intact in itself, but no longer ends where the head says. One row, updated with every audit write.
/// </summary>
public class AuditHead
{
    public const int TheOne = 1;

    public int Id { get; set; } = TheOne;
    public required string LastHash { get; set; }

    /// <summary>How many of the first entries predate the keyed chain (accepted with plain hashes); 0 for a chain keyed from the start.</summary>
    public long LegacyEntries { get; set; }
    public required string Seal { get; set; }

    public static string SealOf(byte[] key, string lastHash, long legacyEntries) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"samverka-audit-head\n{lastHash}\n{legacyEntries.ToString(CultureInfo.InvariantCulture)}")));

    /// <summary>
    /// Seals the new end of the chain. A missing head is made only for a chain that was never keyed (a database from
    /// before keying, or a new one): if keyed entries exist, someone removed it, and verify-audit must go on saying so.
    /// </summary>
    public static async Task MoveAsync(Data.AppDbContext db, byte[] key, string lastHash)
    {
        var head = await db.Set<AuditHead>().FindAsync(AuditHead.TheOne);
        if (head is null)
        {
            if (await db.AuditEntries.AnyAsync(e => e.Keyed))
            {
                return;
            }
            head = new AuditHead { LastHash = lastHash, LegacyEntries = await db.AuditEntries.LongCountAsync(), Seal = "" };
            db.Set<AuditHead>().Add(head);
        }
        head.LastHash = lastHash;
        head.Seal = AuditHead.SealOf(key, head.LastHash, head.LegacyEntries);
    }

    public bool IsSealedWith(byte[] key) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Seal), Encoding.ASCII.GetBytes(SealOf(key, LastHash, LegacyEntries)));
}

/// <summary>What verify-audit found.</summary>
public sealed record AuditVerdict(long Count, long? BrokenAt, string? Problem)
{
    public bool Intact => Problem is null;
}

public static class AuditChain
{
    /// <summary>
    /// Checks the chain and its head: every entry's hash and link, keyed from where the head says keying began, and the
    /// last hash against the sealed head (so that removing the newest entries is found too). Reads the entries one at a
    /// time, so a trail of any length is checked in constant memory.
    /// </summary>
    public static async Task<AuditVerdict> VerifyAsync(IAsyncEnumerable<AuditEntry> entriesInOrder, AuditHead? head, byte[] key, CancellationToken cancellationToken = default)
    {
        if (head is not null && !head.IsSealedWith(key))
        {
            return new(0, null, "The head record's seal does not hold: it was changed, or the audit key is not the one the chain was written with.");
        }
        var previous = AuditEntry.Genesis;
        long count = 0;
        await foreach (var e in entriesInOrder.WithCancellation(cancellationToken))
        {
            count++;
            // Plain hashes only for the entries the head accepted as written before keying; a later one is a forgery.
            var mayBePlain = head is null || count <= head.LegacyEntries;
            if (e.PreviousHash != previous || (!e.Keyed && !mayBePlain) || e.ComputeHash(key) != e.Hash)
            {
                return new(count, e.Id, "The entry or the one before it has been changed or removed.");
            }
            previous = e.Hash;
        }
        if (head is null)
        {
            return count == 0 ? new(0, null, null) : new(count, null, "The head record is missing: the newest entries may have been removed.");
        }
        return head.LastHash == previous ? new(count, null, null) : new(count, null, "The chain does not end where the head record says: the newest entries have been removed.");
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
