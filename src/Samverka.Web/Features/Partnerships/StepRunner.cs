using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Samverka.Web.Data;

namespace Samverka.Web.Features.Partnerships;

/// <summary>What a step gets besides its input: the database, who takes it and when, and today in Sweden.</summary>
public sealed record StepContext(AppDbContext Db, ClaimsPrincipal User, Actor Actor, DateOnly Today);

/// <summary>
/// Runs every step of every aggregate the same way, for pages and API alike: load what the user may see (else not
/// found), check the named operation (else forbidden, with the reason), run the step, and save with the version the
/// user read (else conflict). A step that changes nothing saves nothing. The save is one transaction with the event
/// handlers, the audit entries and the outbox (AppDbContext), so a step that fails half-way leaves nothing behind.
/// </summary>
public sealed class StepRunner(AppDbContext db, TimeProvider clock)
{
    public AppDbContext Db => db;

    /// <summary>A step that changes <paramref name="load"/>'s record, checked against the version the user read.</summary>
    public Task<Outcome<TResult>> RunAsync<T, TResult>(ClaimsPrincipal user, Func<Task<T?>> load, Func<T, Partnership> partnershipOf,
        PartnershipOperation operation, Guid? versionRead, Func<T, StepContext, Task<Outcome<TResult>>> step) where T : VersionedEntity =>
        RunCoreAsync(user, load, partnershipOf, t => t, operation, versionRead, step);

    /// <summary>As above, for a step whose loaded value holds the versioned record (<paramref name="recordOf"/>) beside what it needs.</summary>
    public Task<Outcome<TResult>> RunAsync<T, TResult>(ClaimsPrincipal user, Func<Task<T?>> load, Func<T, Partnership> partnershipOf, Func<T, VersionedEntity> recordOf,
        PartnershipOperation operation, Guid? versionRead, Func<T, StepContext, Task<Outcome<TResult>>> step) where T : class =>
        RunCoreAsync(user, load, partnershipOf, recordOf, operation, versionRead, step);

    /// <summary>A step that adds to <paramref name="load"/>'s record without changing it (e.g. a new agreement in a partnership): no version to compare.</summary>
    public Task<Outcome<TResult>> RunAddingAsync<T, TResult>(ClaimsPrincipal user, Func<Task<T?>> load, Func<T, Partnership> partnershipOf,
        PartnershipOperation operation, Func<T, StepContext, Task<Outcome<TResult>>> step) where T : class =>
        RunCoreAsync(user, load, partnershipOf, null, operation, null, step);

    private async Task<Outcome<TResult>> RunCoreAsync<T, TResult>(ClaimsPrincipal user, Func<Task<T?>> load, Func<T, Partnership> partnershipOf,
        Func<T, VersionedEntity>? recordOf, PartnershipOperation operation, Guid? versionRead, Func<T, StepContext, Task<Outcome<TResult>>> step) where T : class
    {
        if (await load() is not { } target)
        {
            return Outcome.NotFound;
        }
        if (PartnershipAccess.Check(user, partnershipOf(target), operation) is { } denied)
        {
            return Outcome.Forbidden(denied);
        }
        if (recordOf is not null && versionRead is null)
        {
            return Outcome.Invalid("version", new Message(Outcome.VersionMissingText));
        }
        var outcome = await step(target, new StepContext(db, user, Actor.Of(user, clock), clock.Today()));
        if (!outcome.IsDone)
        {
            return outcome;
        }
        return await SaveAsync(recordOf?.Invoke(target), versionRead) ? outcome : Outcome.Conflict;
    }

    /// <summary>
    /// Saves what changed, checked against the version of <paramref name="record"/> the user read; false when someone
    /// else changed it in the meantime. An unchanged save keeps the version, so nobody else's next save is refused for nothing.
    /// </summary>
    public async Task<bool> SaveAsync(VersionedEntity? record, Guid? versionRead)
    {
        if (!db.ChangeTracker.HasChanges())
        {
            return true;
        }
        if (record is not null && versionRead is { } read)
        {
            // The version the user read goes into the UPDATE's WHERE clause; Touch makes the row part of the save even
            // when only its children changed, so two edits of different children still meet here.
            db.Entry(record).Property(e => e.Version).OriginalValue = read;
            record.Touch();
        }
        try
        {
            await db.SaveChangesAsync();
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            return false;
        }
    }
}
