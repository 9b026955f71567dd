using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;

namespace Samverka.Web.Data;

/// <summary>
/// An event waiting for work outside the step's transaction (mail, open-data export). Written in the same transaction
/// as the step, so an event is never lost nor sent for a step that was rolled back; delivered once by
/// <see cref="OutboxDispatcher"/>, even with several instances on one database.
/// </summary>
public class OutboxMessage
{
    public long Id { get; set; }

    /// <summary>The event's type name, e.g. "AgreementSigned": what handlers subscribe to.</summary>
    public required string Type { get; set; }

    /// <summary>The event as JSON (ids and values, never whole records).</summary>
    public required string Payload { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Set by the instance that claimed the message for delivery; a claim older than the lease is taken over.</summary>
    public Guid? ClaimToken { get; set; }
    public DateTimeOffset? ClaimedAt { get; set; }
    public DateTimeOffset? ProcessedAt { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset? NextAttemptAt { get; set; }
    public string? LastError { get; set; }

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        ReferenceHandler = ReferenceHandler.IgnoreCycles,
    };

    public static OutboxMessage Of(IDomainEvent e, DateTimeOffset now) => new()
    {
        Type = e.GetType().Name,
        Payload = JsonSerializer.Serialize(e, e.GetType(), Json),
        CreatedAt = now,
    };

    public T Read<T>() => JsonSerializer.Deserialize<T>(Payload, Json) ?? throw new InvalidOperationException($"Outbox message {Id} has no payload.");

    public static void Map(ModelBuilder builder) => builder.Entity<OutboxMessage>(b =>
    {
        b.ToTable("OutboxMessages");
        b.Property(m => m.Type).HasMaxLength(100);
        b.Property(m => m.Payload).HasMaxLength(100_000);
        b.Property(m => m.LastError).HasMaxLength(2000);
        // The dispatcher looks for what is not yet processed, oldest first.
        b.HasIndex(m => new { m.ProcessedAt, m.Id });
        b.HasIndex(m => m.ClaimToken);
    });
}

/// <summary>Does the work for one kind of event outside the transaction. Must tolerate a second delivery after a crash (at least once); normally it gets one.</summary>
public interface IOutboxHandler
{
    /// <summary>The event type name it handles (see <see cref="OutboxMessage.Type"/>).</summary>
    string EventType { get; }

    Task HandleAsync(OutboxMessage message, IServiceProvider services, CancellationToken ct);
}

/// <summary>Wakes the dispatcher as soon as a save wrote to the outbox, instead of waiting for the next poll.</summary>
public sealed class OutboxSignal : IDisposable
{
    private readonly SemaphoreSlim signal = new(0, 1);

    public void Dispose() => signal.Dispose();

    public void Poke()
    {
        if (signal.CurrentCount == 0)
        {
            try
            {
                signal.Release();
            }
            catch (SemaphoreFullException)
            {
                // Already poked: one wake-up is enough.
            }
        }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken ct) => signal.WaitAsync(timeout, ct);
}

/// <summary>
/// Drains the outbox: claims a batch with one conditional UPDATE (so two instances never claim the same message; on
/// PostgreSQL under an advisory lock as well, as the audit trail does), runs each message's handlers, and marks it
/// processed. A failed message is retried later with a growing pause; a claim left by a crashed instance is taken over
/// after the lease.
/// </summary>
public sealed class OutboxDispatcher(IServiceProvider services, OutboxSignal signal, TimeProvider clock, IConfiguration config, ILogger<OutboxDispatcher> log) : BackgroundService
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);
    private const long AdvisoryLockKey = 727275;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!config.GetValue("Samverka:Outbox:Enabled", true))
        {
            return;
        }
        var poll = TimeSpan.FromMilliseconds(Math.Max(10, config.GetValue("Samverka:Outbox:PollMilliseconds", 10_000)));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await DrainOnceAsync(stoppingToken) > 0)
                {
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                log.LogWarning(ex, "The outbox could not be drained; trying again later.");
            }
            try
            {
                await signal.WaitAsync(poll, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Claims and delivers one batch; returns how many messages it handled.</summary>
    public async Task<int> DrainOnceAsync(CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = clock.GetUtcNow();
        var token = Guid.NewGuid();
        var staleBefore = now - Lease;
        var claimed = 0;
        await using (var tx = db.Database.IsNpgsql() ? await db.Database.BeginTransactionAsync(ct) : null)
        {
            if (tx is not null && !await db.Database.SqlQueryRaw<bool>($"SELECT pg_try_advisory_xact_lock({AdvisoryLockKey}) AS \"Value\"").SingleAsync(ct))
            {
                return 0; // another instance is draining right now
            }
            claimed = await db.OutboxMessages
                .Where(m => m.ProcessedAt == null && (m.NextAttemptAt == null || m.NextAttemptAt <= now) && (m.ClaimedAt == null || m.ClaimedAt < staleBefore))
                .OrderBy(m => m.Id).Take(50)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.ClaimToken, token).SetProperty(m => m.ClaimedAt, now), ct);
            if (tx is not null)
            {
                await tx.CommitAsync(ct);
            }
        }
        if (claimed == 0)
        {
            return 0;
        }
        var handlers = services.GetServices<IOutboxHandler>().ToLookup(h => h.EventType, StringComparer.Ordinal);
        var messages = await db.OutboxMessages.Where(m => m.ClaimToken == token).OrderBy(m => m.Id).ToListAsync(ct);
        foreach (var message in messages)
        {
            try
            {
                foreach (var handler in handlers[message.Type])
                {
                    await handler.HandleAsync(message, scope.ServiceProvider, ct);
                }
                message.ProcessedAt = clock.GetUtcNow();
                message.LastError = null;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                message.Attempts++;
                message.LastError = ex.Message.Length > 2000 ? ex.Message[..2000] : ex.Message;
                message.NextAttemptAt = clock.GetUtcNow() + TimeSpan.FromMinutes(Math.Min(60, Math.Pow(2, message.Attempts)));
                log.LogWarning(ex, "Outbox message {Id} ({Type}) failed; attempt {Attempts}.", message.Id, message.Type, message.Attempts);
            }
            message.ClaimToken = null;
            message.ClaimedAt = null;
            await db.SaveChangesAsync(ct);
        }
        return messages.Count;
    }
}
