using Microsoft.EntityFrameworkCore;
using Samverka.Web.Data;

namespace Samverka.Web.Features.Audit;

/// <summary>
/// At start-up, seals a chain written before keying (entries, but no head and no keyed entry) as it stands, so that
/// from now on removing its newest entries is found. Trust on first use: what was changed before this start is not.
/// </summary>
internal sealed class AuditSeal(IServiceProvider services, AuditKey key, ILogger<AuditSeal> log) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        if (await db.Set<AuditHead>().AnyAsync(cancellationToken) || await db.AuditEntries.AnyAsync(e => e.Keyed, cancellationToken))
        {
            return;
        }
        var last = await db.AuditEntries.OrderByDescending(e => e.Id).Select(e => e.Hash).FirstOrDefaultAsync(cancellationToken);
        if (last is null)
        {
            return;
        }
        await AuditHead.MoveAsync(db, key.Bytes, last);
        using (AuditSuppression.Begin())
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        log.LogWarning("The audit trail was written before it was keyed; it is sealed as it stands now ({Count} entries).", await db.AuditEntries.LongCountAsync(cancellationToken));
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
