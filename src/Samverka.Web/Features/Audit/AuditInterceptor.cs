using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;
using Samverka.Web.Data;

namespace Samverka.Web.Features.Audit;

/// <summary>
/// Audits every save of the context: captures the changes before they are written (old values, and where a removed
/// record belonged), then writes the chained entries after, in the same transaction as the change. An interceptor, so
/// that the data layer knows nothing of the audit and no feature can save around it.
/// </summary>
internal sealed class AuditInterceptor(IHttpContextAccessor http, TimeProvider clock, AuditKey key) : SaveChangesInterceptor
{
    /// <summary>What one save of one context has captured; contexts are pooled, so it lives only from saving to saved.</summary>
    private sealed class Save(AuditRecorder recorder, IDbContextTransaction? ownTransaction)
    {
        public AuditRecorder Recorder { get; } = recorder;
        public IDbContextTransaction? OwnTransaction { get; } = ownTransaction;
        public bool WritingEntries { get; set; }
    }

    private readonly ConditionalWeakTable<DbContext, Save> saves = new();

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is not AppDbContext db || AuditSuppression.IsActive)
        {
            return result;
        }
        if (saves.TryGetValue(db, out var running))
        {
            // The save of the entries themselves (below) is not audited again.
            if (running.WritingEntries)
            {
                return result;
            }
            saves.Remove(db); // left over from a save that threw before it finished
        }
        var recorder = await AuditRecorder.CaptureAsync(db);
        if (recorder.IsEmpty)
        {
            return result;
        }
        // The change and its entries commit together; inside a step's own transaction they simply join it.
        var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        saves.AddOrUpdate(db, new Save(recorder, own));
        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is not AppDbContext db || !saves.TryGetValue(db, out var save) || save.WritingEntries)
        {
            return result;
        }
        try
        {
            save.WritingEntries = true;
            await save.Recorder.WriteAsync(db, http.HttpContext?.User, clock.GetUtcNow(), key.Bytes);
            await db.SaveChangesAsync(cancellationToken);
            if (save.OwnTransaction is not null)
            {
                await save.OwnTransaction.CommitAsync(cancellationToken);
            }
        }
        finally
        {
            saves.Remove(db);
            if (save.OwnTransaction is not null)
            {
                await save.OwnTransaction.DisposeAsync(); // rolls back unless committed
            }
        }
        return result;
    }

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default) =>
        AbandonAsync(eventData.Context);

    public override Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default) =>
        AbandonAsync(eventData.Context);

    /// <summary>The change was not written: nor are its entries, and a transaction begun for them is rolled back.</summary>
    private async Task AbandonAsync(DbContext? context)
    {
        if (context is not null && saves.TryGetValue(context, out var save) && !save.WritingEntries)
        {
            saves.Remove(context);
            if (save.OwnTransaction is not null)
            {
                await save.OwnTransaction.DisposeAsync();
            }
        }
    }
}
