using System.ComponentModel.DataAnnotations.Schema;

namespace Samverka.Web.Data;

/// <summary>
/// Something that happened in a step (an agreement signed, a report approved). The entity records it; on save, the
/// handlers for it run in the same transaction as the step, and it is written to the outbox for work that must happen
/// outside the transaction (mail, open data). Ids are read after the save, so an event may name a record it created.
/// </summary>
public interface IDomainEvent;

/// <summary>Reacts to an event inside the step's transaction. It may add or change records but never saves; if it throws, the step is rolled back.</summary>
public interface IEventHandler
{
    Type EventType { get; }

    Task HandleAsync(IDomainEvent domainEvent, AppDbContext db, CancellationToken ct);
}

/// <summary>Typed base for <see cref="IEventHandler"/>: register it as a singleton (<c>AddEventHandler</c>).</summary>
public abstract class DomainEventHandler<TEvent> : IEventHandler where TEvent : IDomainEvent
{
    public Type EventType => typeof(TEvent);

    public Task HandleAsync(IDomainEvent domainEvent, AppDbContext db, CancellationToken ct) => HandleAsync((TEvent)domainEvent, db, ct);

    protected abstract Task HandleAsync(TEvent domainEvent, AppDbContext db, CancellationToken ct);
}

/// <summary>Where an aggregate keeps the events of the step being taken, until the save hands them on.</summary>
public abstract class Aggregate
{
    [NotMapped]
    public List<IDomainEvent> PendingEvents { get; } = [];

    protected void Raise(IDomainEvent domainEvent) => PendingEvents.Add(domainEvent);
}

public static class EventSetup
{
    public static IServiceCollection AddEventHandler<THandler>(this IServiceCollection services) where THandler : class, IEventHandler =>
        services.AddSingleton<IEventHandler, THandler>();
}
