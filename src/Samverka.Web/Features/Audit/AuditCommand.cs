using Microsoft.EntityFrameworkCore;
using Samverka.Web.Data;

namespace Samverka.Web.Features.Audit;

/// <summary>`dotnet Samverka.Web.dll verify-audit`: checks the whole chain and names the first broken entry (exit code 1).</summary>
public static class AuditCommand
{
    public static async Task<AuditVerdict> VerifyAsync(AppDbContext db, byte[] key) =>
        await AuditChain.VerifyAsync(InIdOrder(db), await db.Set<AuditHead>().AsNoTracking().SingleOrDefaultAsync(h => h.Id == AuditHead.TheOne), key);

    /// <summary>
    /// Every entry in id order, read in batches by id: memory stays flat however long the trail, and no single query
    /// keeps a reader (and its snapshot) open over millions of rows while the app goes on writing.
    /// </summary>
    public static async IAsyncEnumerable<AuditEntry> InIdOrder(AppDbContext db, int batchSize = 10_000)
    {
        var after = 0L;
        while (true)
        {
            var batch = await db.AuditEntries.AsNoTracking().Where(e => e.Id > after).OrderBy(e => e.Id).Take(batchSize).ToListAsync();
            foreach (var e in batch)
            {
                yield return e;
            }
            if (batch.Count < batchSize)
            {
                yield break;
            }
            after = batch[^1].Id;
        }
    }

    public static async Task<int> RunAsync(IServiceProvider services, TextWriter output)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var verdict = await VerifyAsync(db, scope.ServiceProvider.GetRequiredService<AuditKey>().Bytes);
        if (verdict.BrokenAt is { } broken)
        {
            var entry = await db.AuditEntries.AsNoTracking().SingleAsync(e => e.Id == broken);
            await output.WriteLineAsync($"The audit trail is broken at entry {broken} ({entry.EntityType} {entry.EntityKey}, {entry.Action}, {entry.At:yyyy-MM-dd HH:mm:ss} UTC): {verdict.Problem}");
            return 1;
        }
        if (!verdict.Intact)
        {
            await output.WriteLineAsync($"The audit trail is broken after {verdict.Count} entries: {verdict.Problem}");
            return 1;
        }
        await output.WriteLineAsync($"The audit trail is intact: {verdict.Count} entries.");
        return 0;
    }
}
