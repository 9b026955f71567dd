using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Samverka.Web.Data;
using Samverka.Web.Features.Accounts;

namespace Samverka.Web.Features.Audit;

/// <summary>
/// Turns the change tracker's pending changes into audit entries. Captured before the save (old values, and the
/// partnership of what is deleted) and completed after it (keys of added rows), then chained and written in the same
/// transaction as the change itself.
/// </summary>
internal sealed class AuditRecorder
{
    /// <summary>Not worth an audit row: secrets, noise, and the bookkeeping of the framework itself.</summary>
    private static readonly HashSet<string> IgnoredProperties =
    [
        nameof(VersionedEntity.Version), "PasswordHash", "SecurityStamp", "ConcurrencyStamp", "TokenHash", "NormalizedEmail",
        "NormalizedUserName", "AccessFailedCount", "LockoutEnd", nameof(ApiToken.LastUsedAt),
    ];

    private static readonly JsonSerializerOptions Json = new()
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping, // stored, never written into a page unencoded
    };

    private readonly List<(EntityEntry Entry, AuditAction Action, Dictionary<string, object?[]> Changes, int? PartnershipId)> pending = [];

    public bool IsEmpty => pending.Count == 0;

    public static async Task<AuditRecorder> CaptureAsync(AppDbContext db)
    {
        var recorder = new AuditRecorder();
        var locator = new PartnershipLocator(db);
        foreach (var entry in db.ChangeTracker.Entries().ToList())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted) || !IsAudited(entry))
            {
                continue;
            }
            var action = entry.State switch { EntityState.Added => AuditAction.Added, EntityState.Deleted => AuditAction.Deleted, _ => AuditAction.Modified };
            var changes = new Dictionary<string, object?[]>();
            foreach (var p in entry.Properties.Where(p => !IgnoredProperties.Contains(p.Metadata.Name) && !p.Metadata.IsShadowProperty()))
            {
                switch (action)
                {
                    case AuditAction.Added when p.CurrentValue is not null && !p.Metadata.IsPrimaryKey():
                        changes[p.Metadata.Name] = [null, p.CurrentValue];
                        break;
                    case AuditAction.Deleted when p.OriginalValue is not null && !p.Metadata.IsPrimaryKey():
                        changes[p.Metadata.Name] = [p.OriginalValue, null];
                        break;
                    case AuditAction.Modified when p.IsModified && !Equals(p.OriginalValue, p.CurrentValue):
                        changes[p.Metadata.Name] = [p.OriginalValue, p.CurrentValue];
                        break;
                }
            }
            // Owned parts (invoicing, terms, target group) are changes of their owner.
            foreach (var owned in entry.References.Where(r => r.Metadata.TargetEntityType.IsOwned() && r.TargetEntry is { State: EntityState.Modified or EntityState.Added }))
            {
                foreach (var p in owned.TargetEntry!.Properties.Where(p => p.IsModified && !Equals(p.OriginalValue, p.CurrentValue) && !p.Metadata.IsKey()))
                {
                    changes[$"{owned.Metadata.Name}.{p.Metadata.Name}"] = [p.OriginalValue, p.CurrentValue];
                }
            }
            if (action == AuditAction.Modified && changes.Count == 0)
            {
                continue;
            }
            // What is deleted must be placed before it is gone; added rows are placed after the save, when keys exist.
            var partnership = action == AuditAction.Added ? null : await locator.OfAsync(entry, original: true);
            recorder.pending.Add((entry, action, changes, partnership));
        }
        return recorder;
    }

    public async Task WriteAsync(AppDbContext db, ClaimsPrincipal? user, DateTimeOffset now, byte[] key)
    {
        var userId = user?.UserId();
        var userName = user?.Identity?.IsAuthenticated == true ? user.DisplayNameOf() : "System";
        // Whole milliseconds: both databases keep them exactly, so the hash computed now is the hash read back later.
        now = new DateTimeOffset(now.UtcTicks - now.UtcTicks % TimeSpan.TicksPerMillisecond, TimeSpan.Zero);
        var entries = new List<AuditEntry>();
        var locator = new PartnershipLocator(db);
        foreach (var (entry, action, changes, partnershipId) in pending)
        {
            entries.Add(new AuditEntry
            {
                At = now,
                UserId = userId,
                UserName = userName,
                EntityType = entry.Metadata.ClrType.Name,
                EntityKey = string.Join(",", entry.Metadata.FindPrimaryKey()!.Properties.Select(p => entry.Property(p.Name).CurrentValue ?? entry.Property(p.Name).OriginalValue)),
                PartnershipId = partnershipId ?? await locator.OfAsync(entry, original: false),
                Action = action,
                Changes = JsonSerializer.Serialize(changes, Json),
                PreviousHash = "",
                Hash = "",
                Keyed = true,
            });
        }
        if (db.Database.IsNpgsql())
        {
            // One writer at a time extends the chain, across every instance.
            await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock(727274)");
        }
        var previous = await db.AuditEntries.OrderByDescending(e => e.Id).Select(e => e.Hash).FirstOrDefaultAsync() ?? AuditEntry.Genesis;
        foreach (var e in entries)
        {
            e.PreviousHash = previous;
            e.Hash = e.ComputeHash(key);
            previous = e.Hash;
        }
        db.AuditEntries.AddRange(entries);
        await AuditHead.MoveAsync(db, key, previous);
    }

    private static bool IsAudited(EntityEntry entry)
    {
        var type = entry.Metadata;
        if (type.IsOwned() || entry.Entity is AuditEntry or AuditHead or DataProtectionKey)
        {
            return false;
        }
        // Identity's own tables (tokens, logins, claims) are the framework's bookkeeping; the user record itself is audited.
        return entry.Entity is AppUser || type.ClrType.Namespace?.StartsWith("Samverka.Web.Features", StringComparison.Ordinal) == true;
    }
}
