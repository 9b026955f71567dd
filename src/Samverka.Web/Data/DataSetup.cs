using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Samverka.Web.Data;

public enum DatabaseProvider { Sqlite, Postgres }

public static class DataSetup
{
    public const string ConnectionStringName = "Samverka";

    /// <summary>Registers the context with the interceptors features register as <see cref="IInterceptor"/> (the audit trail), pooled (it holds no per-request state), with split queries by default: an agreement loads many child collections at once) for the provider named in configuration ("Database:Provider": Sqlite or Postgres).</summary>
    public static IServiceCollection AddData(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var provider = configuration.GetValue("Database:Provider", DatabaseProvider.Sqlite);
        var connectionString = configuration.GetConnectionString(ConnectionStringName);
        switch (provider)
        {
            case DatabaseProvider.Postgres:
                if (string.IsNullOrWhiteSpace(connectionString))
                {
                    throw new InvalidOperationException("Database:Provider is Postgres but ConnectionStrings:Samverka is not set.");
                }
                services.AddDbContextPool<AppDbContext, PostgresAppDbContext>((sp, o) => o.UseNpgsql(connectionString, n => n.UseQuerySplittingBehavior(QuerySplittingBehavior.SplitQuery).UseParameterizedCollectionMode(ParameterTranslationMode.Parameter)).AddInterceptors(sp.GetServices<IInterceptor>()));
                break;
            default:
                if (string.IsNullOrWhiteSpace(connectionString))
                {
                    var dir = Path.Combine(environment.ContentRootPath, "data");
                    Directory.CreateDirectory(dir);
                    connectionString = $"Data Source={Path.Combine(dir, "samverka.db")}";
                }
                services.AddDbContextPool<AppDbContext, SqliteAppDbContext>((sp, o) => o.UseSqlite(connectionString, n => n.UseQuerySplittingBehavior(QuerySplittingBehavior.SplitQuery).UseParameterizedCollectionMode(ParameterTranslationMode.Parameter)).AddInterceptors(sp.GetServices<IInterceptor>()));
                break;
        }
        return services;
    }
}

/// <summary>Lets `dotnet ef` build the SQLite model without starting the app.</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteAppDbContext>
{
    public SqliteAppDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite("Data Source=design.db").Options);
}

/// <summary>Lets `dotnet ef` build the PostgreSQL model without a server.</summary>
public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresAppDbContext>
{
    public PostgresAppDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresAppDbContext>().UseNpgsql("Host=localhost;Database=samverka_design").Options);
}
