using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Samverka.Web.Features.Accounts;
using Samverka.Web.Features.Agreements;
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

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
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

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        BumpVersions();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        BumpVersions();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
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
