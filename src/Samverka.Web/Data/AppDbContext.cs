using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Samverka.Web.Features.Accounts;
using Samverka.Web.Features.Agreements;
using Samverka.Web.Features.Audit;
using Samverka.Web.Features.Boards;
using Samverka.Web.Features.Decisions;
using Samverka.Web.Features.Organisations;
using Samverka.Web.Features.Partnerships;

namespace Samverka.Web.Data;

/// <summary>
/// The one model. Each provider has a subclass so that each gets its own migration set
/// (see SqliteAppDbContext and PostgresAppDbContext); features map their own entities.
/// </summary>
public abstract class AppDbContext(DbContextOptions options) : IdentityDbContext<AppUser>(options), IDataProtectionKeyContext
{
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();
    public DbSet<Board> Boards => Set<Board>();
    public DbSet<Features.Municipalities.Municipality> Municipalities => Set<Features.Municipalities.Municipality>();
    public DbSet<Organisation> Organisations => Set<Organisation>();
    public DbSet<Partnership> Partnerships => Set<Partnership>();
    public DbSet<PartnershipMember> PartnershipMembers => Set<PartnershipMember>();
    public DbSet<Decision> Decisions => Set<Decision>();
    public DbSet<Agreement> Agreements => Set<Agreement>();
    public DbSet<Goal> Goals => Set<Goal>();
    public DbSet<ExpectedResult> ExpectedResults => Set<ExpectedResult>();
    public DbSet<Activity> Activities => Set<Activity>();
    public DbSet<AgreementParty> AgreementParties => Set<AgreementParty>();
    public DbSet<BudgetLine> BudgetLines => Set<BudgetLine>();
    public DbSet<Features.Results.ResultReport> ResultReports => Set<Features.Results.ResultReport>();
    public DbSet<Features.Results.Figure> Figures => Set<Features.Results.Figure>();
    public DbSet<Features.Results.ReportingCategory> ReportingCategories => Set<Features.Results.ReportingCategory>();
    public DbSet<Features.Results.AgreementCategory> AgreementCategories => Set<Features.Results.AgreementCategory>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        OutboxMessage.Map(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly, t => !t.IsAbstract && t.Namespace?.StartsWith("Samverka.Web.Features", StringComparison.Ordinal) == true);

        foreach (var entity in builder.Model.GetEntityTypes().Where(t => typeof(VersionedEntity).IsAssignableFrom(t.ClrType)))
        {
            builder.Entity(entity.ClrType).Property(nameof(VersionedEntity.Version)).IsConcurrencyToken();
        }
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Amounts in kronor with öre; the same precision on both providers.
        configurationBuilder.Properties<decimal>().HavePrecision(18, 2);
        configurationBuilder.Properties<string>().HaveMaxLength(4000);
    }

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<Features.Meetings.Meeting> Meetings => Set<Features.Meetings.Meeting>();
    public DbSet<Features.Meetings.Deviation> Deviations => Set<Features.Meetings.Deviation>();
    public DbSet<Features.Registry.RegistryDocument> RegistryDocuments => Set<Features.Registry.RegistryDocument>();

    // Every change goes through the async path so that it is audited; nothing in Samverka saves synchronously.
    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    /// <summary>
    /// Saves the step as one transaction: first the handlers of the events it raised add what follows from it (the
    /// registry registers a signed agreement), then the change and its outbox messages are written together, or nothing
    /// is. Interceptors registered by features (the audit trail) take part in the same transaction.
    /// </summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var services = this.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.ApplicationServiceProvider;
        var events = await DispatchEventsAsync(services, cancellationToken);
        BumpVersions();
        if (events.Count == 0)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        var ownTransaction = Database.CurrentTransaction is null;
        await using var transaction = ownTransaction ? await Database.BeginTransactionAsync(cancellationToken) : null;
        var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        // Written after the first save, so that events name the ids of the records the step created.
        var now = (services?.GetService<TimeProvider>() ?? TimeProvider.System).GetUtcNow();
        OutboxMessages.AddRange(events.Select(e => OutboxMessage.Of(e, now)));
        await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }
        services?.GetService<OutboxSignal>()?.Poke();
        return saved;
    }

    /// <summary>Runs the handlers of every pending event, including events that handlers raise, before anything is written.</summary>
    private async Task<List<IDomainEvent>> DispatchEventsAsync(IServiceProvider? services, CancellationToken ct)
    {
        var all = new List<IDomainEvent>();
        List<IEventHandler>? handlers = null;
        for (var round = 0; ; round++)
        {
            var pending = ChangeTracker.Entries<Aggregate>().SelectMany(e => e.Entity.PendingEvents).ToList();
            if (pending.Count == 0)
            {
                return all;
            }
            if (round == 10)
            {
                throw new InvalidOperationException("Event handlers keep raising events; a handler probably reacts to its own event.");
            }
            foreach (var entry in ChangeTracker.Entries<Aggregate>())
            {
                entry.Entity.PendingEvents.Clear();
            }
            handlers ??= services?.GetServices<IEventHandler>().ToList() ?? [];
            foreach (var e in pending)
            {
                foreach (var handler in handlers.Where(h => h.EventType.IsInstanceOfType(e)))
                {
                    await handler.HandleAsync(e, this, ct);
                }
            }
            all.AddRange(pending);
        }
    }

    private void BumpVersions()
    {
        foreach (var entry in ChangeTracker.Entries<VersionedEntity>().Where(e => e.State == EntityState.Modified))
        {
            // The original value (what the editor read) stays in the WHERE clause; the row gets a new version.
            entry.Entity.Version = Guid.NewGuid();
        }
    }
}

public sealed class SqliteAppDbContext(DbContextOptions<SqliteAppDbContext> options) : AppDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        // SQLite has no type for instants; as a number they sort and compare in SQL.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<Microsoft.EntityFrameworkCore.Storage.ValueConversion.DateTimeOffsetToBinaryConverter>();
    }
}

public sealed class PostgresAppDbContext(DbContextOptions<PostgresAppDbContext> options) : AppDbContext(options);
