using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Samverka.Tests.Support;
using Samverka.Web.Data;
using Samverka.Web.Features.Agreements;
using Samverka.Web.Features.Results;

namespace Samverka.Tests.Features.Results;

/// <summary>Issue 23, item 4: what was reported by the fixed categories keeps its meaning when they become the municipality's lists.</summary>
public class CategoryMigrationTests
{
    private static AppDbContext Context(Db db, string connectionString) => db == Db.Sqlite
        ? new SqliteAppDbContext(new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite(connectionString).Options)
        : new PostgresAppDbContext(new DbContextOptionsBuilder<PostgresAppDbContext>().UseNpgsql(connectionString).Options);

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task TheBoardsGetAMunicipality_WithTheSeedsLists_AndAgeCountsAndShareTargetsKeepTheirBands(Db db)
    {
        var cs = await TestDatabase.CreateAsync(db, demoData: false);
        try
        {
            await using (var ctx = Context(db, cs))
            {
                var all = ctx.Database.GetMigrations().ToList();
                await ctx.GetService<IMigrator>().MigrateAsync(all[all.FindIndex(m => m.EndsWith("_MunicipalitiesAndReportingCategories", StringComparison.Ordinal)) - 1]);
                // Rows as the earlier schema held them; their reports and goals are not what is tested.
                await ctx.Database.OpenConnectionAsync();
                await ctx.Database.ExecuteSqlRawAsync(db == Db.Sqlite ? "PRAGMA foreign_keys = OFF;" : "SET session_replication_role = replica;");
                await ctx.Database.ExecuteSqlRawAsync("""
                    INSERT INTO "Boards" ("Id", "Name", "AdministrationName", "CaseNumberPattern", "Version") VALUES (1, 'Järva stadsdelsnämnd', 'Järva stadsdelsförvaltning', 'JÄRVA {{year}}/{{n}}', '6f9619ff-8b86-d011-b42d-00c04fc964ff');
                    INSERT INTO "Boards" ("Id", "Name", "AdministrationName", "CaseNumberPattern", "SuccessorId", "Version") VALUES (2, 'Rinkeby-Kista stadsdelsnämnd', 'Rinkeby-Kista stadsdelsförvaltning', 'RK {{year}}/{{n}}', 1, '7f9619ff-8b86-d011-b42d-00c04fc964ff');
                    INSERT INTO "Figures" ("Id", "ReportId", "Kind", "EventKind", "From", "To", "Total", "AgeUnder19", "Age30Plus", "RecordedAt", "RecordedByName") VALUES (1, 1, 'Event', 'Fair', '2024-04-10', '2024-04-10', 20, 12, 3, '2024-04-11 10:00:00+00:00', 'Import');
                    INSERT INTO "ExpectedResults" ("Id", "GoalId", "SortOrder", "Description", "Kind", "Direction", "TargetValue", "ShareOf") VALUES (1, 1, 0, 'Hälften är 19–24 år', 'Share', 'AtLeast', 50, 'Age19To24');
                    """);
            }
            await using (var ctx = Context(db, cs))
            {
                await ctx.Database.OpenConnectionAsync();
                await ctx.Database.ExecuteSqlRawAsync(db == Db.Sqlite ? "PRAGMA foreign_keys = OFF;" : "SET session_replication_role = replica;");
                await ctx.Database.MigrateAsync();
                var municipality = await ctx.Municipalities.AsNoTracking().SingleAsync();
                Assert.Equal(("Stockholms stad", "212000-0142"), (municipality.Name, municipality.OrganisationNumber));
                Assert.All(await ctx.Boards.AsNoTracking().ToListAsync(), b => Assert.Equal(municipality.Id, b.MunicipalityId));
                var lists = await ctx.ReportingCategories.AsNoTracking().Where(c => c.MunicipalityId == municipality.Id).ToListAsync();
                Assert.Equal((4, 4, 8), (lists.Count(c => c.Kind == CategoryKind.AgeBand), lists.Count(c => c.Kind == CategoryKind.Outcome), lists.Count(c => c.Kind == CategoryKind.Event)));
                Assert.Contains(lists, c => c.Kind == CategoryKind.Event && c.Code == "Fair" && c.Name == "Mässa");
                var figure = await ctx.Figures.AsNoTracking().SingleAsync();
                Assert.Equal(new Dictionary<string, int?> { ["AgeUnder19"] = 12, ["Age30Plus"] = 3 }, figure.Ages.ToDictionary(a => a.Code, a => a.Count));
                var target = await ctx.Set<ExpectedResult>().IgnoreQueryFilters().AsNoTracking().SingleAsync();
                Assert.Equal((ShareOf.AgeBand, "Age19To24", "i åldern 19–24 år"), (target.ShareOf!.Value, target.ShareCategory, target.ShareLabel));
            }
        }
        finally
        {
            await TestDatabase.DropAsync(db, cs);
        }
    }
}
