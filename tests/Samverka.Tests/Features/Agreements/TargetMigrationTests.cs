using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Samverka.Tests.Support;
using Samverka.Web.Data;
using Samverka.Web.Features.Agreements;

namespace Samverka.Tests.Features.Agreements;

/// <summary>Issue 20, item 1: existing targets keep their meaning when directions arrive.</summary>
public class TargetMigrationTests
{
    private static AppDbContext Context(Db db, string connectionString) => db == Db.Sqlite
        ? new SqliteAppDbContext(new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite(connectionString).Options)
        : new PostgresAppDbContext(new DbContextOptionsBuilder<PostgresAppDbContext>().UseNpgsql(connectionString).Options);

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task ASplitKeepsItsFivePoints_AndACountIsAtLeast(Db db)
    {
        var cs = await TestDatabase.CreateAsync(db, demoData: false);
        try
        {
            await using (var ctx = Context(db, cs))
            {
                var all = ctx.Database.GetMigrations().ToList();
                await ctx.GetService<IMigrator>().MigrateAsync(all[all.FindIndex(m => m.EndsWith("_TargetDirections", StringComparison.Ordinal)) - 1]);
                // A target as the earlier schema held it, outside any agreement: the constraints are not what is tested.
                await ctx.Database.OpenConnectionAsync();
                await ctx.Database.ExecuteSqlRawAsync(db == Db.Sqlite ? "PRAGMA foreign_keys = OFF;" : "SET session_replication_role = replica;");
                await ctx.Database.ExecuteSqlRawAsync("""
                    INSERT INTO "ExpectedResults" ("Id", "GoalId", "SortOrder", "Description", "Kind", "MenSharePercent", "WomenSharePercent") VALUES (1, 1, 0, 'Könsfördelning 60/40', 'GenderShare', 60, 40);
                    INSERT INTO "ExpectedResults" ("Id", "GoalId", "SortOrder", "Description", "Kind", "TargetValue") VALUES (2, 1, 1, '300 nådda', 'Count', 300);
                    """);
            }
            await using (var ctx = Context(db, cs))
            {
                await ctx.Database.MigrateAsync();
                var targets = await ctx.Set<ExpectedResult>().IgnoreQueryFilters().AsNoTracking().OrderBy(r => r.Id).ToListAsync();
                Assert.Equal((TargetDirection.Within, 5m), (targets[0].Direction, targets[0].Tolerance!.Value));
                Assert.Equal((TargetDirection.AtLeast, (decimal?)null), (targets[1].Direction, targets[1].Tolerance));
            }
        }
        finally
        {
            await TestDatabase.DropAsync(db, cs);
        }
    }

    /// <summary>Issue 23, item 7: "at least 0" was met by anything; an existing target of none becomes at most 0.</summary>
    [Theory, ClassData(typeof(BothDatabases))]
    public async Task ACountOfAtLeastNone_BecomesAtMostNone_OthersKeepTheirs(Db db)
    {
        var cs = await TestDatabase.CreateAsync(db, demoData: false);
        try
        {
            await using (var ctx = Context(db, cs))
            {
                var all = ctx.Database.GetMigrations().ToList();
                await ctx.GetService<IMigrator>().MigrateAsync(all[all.FindIndex(m => m.EndsWith("_LevelTargets", StringComparison.Ordinal)) - 1]);
                await ctx.Database.OpenConnectionAsync();
                await ctx.Database.ExecuteSqlRawAsync(db == Db.Sqlite ? "PRAGMA foreign_keys = OFF;" : "SET session_replication_role = replica;");
                await ctx.Database.ExecuteSqlRawAsync("""
                    INSERT INTO "ExpectedResults" ("Id", "GoalId", "SortOrder", "Description", "Kind", "Direction", "TargetValue") VALUES (1, 1, 0, 'Ingen hemlös', 'Count', 'AtLeast', 0);
                    INSERT INTO "ExpectedResults" ("Id", "GoalId", "SortOrder", "Description", "Kind", "Direction", "TargetValue") VALUES (2, 1, 1, '300 nådda', 'Count', 'AtLeast', 300);
                    """);
            }
            await using (var ctx = Context(db, cs))
            {
                await ctx.Database.MigrateAsync();
                var targets = await ctx.Set<ExpectedResult>().IgnoreQueryFilters().AsNoTracking().OrderBy(r => r.Id).ToListAsync();
                Assert.Equal([TargetDirection.AtMost, TargetDirection.AtLeast], targets.Select(t => t.Direction));
                Assert.Empty(targets[0].Rule.Check());
            }
        }
        finally
        {
            await TestDatabase.DropAsync(db, cs);
        }
    }
}
