using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Samverka.Bench;
using Samverka.Tests.Support;
using Samverka.Web.Data;
using Samverka.Web.Features.Audit;
using Samverka.Web.Features.Benchmark;

namespace Samverka.Tests.Bench;

/// <summary>The generator and one short pass of the harness, so neither rots. It asserts that they work, never how fast.</summary>
[Collection(Browser.BrowserCollection.Name)]
public class BenchmarkSmokeTests
{
    [Theory, ClassData(typeof(BothDatabases))]
    public async Task Generator_SizeS_FillsTheModel_Deterministically(Db db)
    {
        var first = await GenerateAsync(db, seed: 7);
        var second = await GenerateAsync(db, seed: 7);
        Assert.Equal(first, second);
        Assert.Equal((1, 50, 50 * 50, 50 * 5), (first.Boards, first.Partnerships, first.Figures, first.Meetings));
        Assert.True(first.ChainIntact, "The generated audit entries do not form an intact hash chain.");
        Assert.Equal(50 * DataSize.S.AuditPerPartnership, first.Audit);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task FortunesBaseline_FillsATableOfItsOwn_OnlyWhenTheBenchmarkAsks(Db db)
    {
        await using var app = await SamverkaApp.StartAsync(db, demoData: false);
        var unmapped = await app.CreateClient(new() { AllowAutoRedirect = false }).GetAsync("/bench/fortunes");
        Assert.NotEqual(HttpStatusCode.OK, unmapped.StatusCode); // not mapped: the sign-in wall of every unknown path
        Assert.Equal((0, 0), await TablesAsync(app));

        await using (var bench = app.WithWebHostBuilder(b => b.UseSetting("Samverka:Benchmark", "true")))
        {
            var response = await bench.CreateClient().GetAsync("/bench/fortunes");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var html = await response.Content.ReadAsStringAsync();
            Assert.Equal(FortunesEndpoint.Messages.Length + 2, html.Split("<tr>").Length - 1); // the header, the table's rows, the one added
            Assert.Contains("&lt;script&gt;alert(&quot;This should not be displayed in a browser alert box.&quot;);&lt;/script&gt;", html);
            Assert.Contains("<tr><td>0</td><td>Additional fortune added at request time.</td></tr>", html);
        }
        // The benchmark's table is no part of the app's schema: the migrations removed the old one.
        Assert.Equal((1, 0), await TablesAsync(app));
    }

    /// <summary>How many tables named like the benchmark's and like the Fortunes table the migrations used to create.</summary>
    private static Task<(int Benchmark, int Old)> TablesAsync(SamverkaApp app) => app.WithDbAsync(async ctx =>
    {
        var sql = app.Db == Db.Sqlite
            ? "SELECT count(*) AS \"Value\" FROM sqlite_master WHERE type = 'table' AND name = {0}"
            : "SELECT count(*)::int AS \"Value\" FROM information_schema.tables WHERE table_name = {0}";
        return (await ctx.Database.SqlQueryRaw<int>(sql, FortunesEndpoint.Table).SingleAsync(), await ctx.Database.SqlQueryRaw<int>(sql, "Fortunes").SingleAsync());
    });

    private static async Task<(int Boards, int Partnerships, int Figures, int Meetings, int Audit, decimal Granted, bool ChainIntact)> GenerateAsync(Db db, int seed)
    {
        var connection = await TestDatabase.CreateAsync(db, demoData: false);
        try
        {
            var services = Samverka.Bench.Bench.Services(db.ToString(), connection);
            await services.PrepareDatabaseAsync(new ConfigurationBuilder().Build());
            await Generator.FillAsync(services, DataSize.S, seed, _ => { });
            await using var scope = services.CreateAsyncScope();
            var ctx = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            return (await ctx.Boards.CountAsync(), await ctx.Partnerships.CountAsync(), await ctx.Figures.CountAsync(), await ctx.Meetings.CountAsync(),
                await ctx.AuditEntries.CountAsync(), await ctx.Agreements.SumAsync(a => a.AnnualGrant ?? 0), (await AuditCommand.VerifyAsync(ctx, Convert.FromBase64String(Samverka.Bench.Bench.AuditKey))).Intact);
        }
        finally
        {
            await TestDatabase.DropAsync(db, connection);
        }
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task Harness_OneShortPass_MeasuresEveryPageAgainstTheBaseline(Db db)
    {
        if (!File.Exists("/usr/bin/wrk") || !File.Exists("/usr/bin/taskset"))
        {
            if (Environment.GetEnvironmentVariable("CI") == "true")
            {
                Assert.Fail("wrk and taskset are needed: ./test.sh installs them.");
            }
            Assert.Skip("wrk is not installed; ./test.sh installs it.");
        }
        var connection = await TestDatabase.CreateAsync(db, demoData: false);
        try
        {
            var services = Samverka.Bench.Bench.Services(db.ToString(), connection);
            await services.PrepareDatabaseAsync(new ConfigurationBuilder().Build());
            await Generator.FillAsync(services, DataSize.S, 42, _ => { });
            var dll = Path.Combine(Path.GetDirectoryName(typeof(Samverka.Web.Data.AppDbContext).Assembly.Location)!, "Samverka.Web.dll");
            var results = await Harness.RunAsync(new HarnessOptions(dll, db.ToString(), connection, 1, 4, FreePort()), _ => { });
            Assert.Equal(14, results.Count);
            Assert.All(results, r => Assert.True(r.RequestsPerSecond > 0, $"{r.Name} answered nothing"));
            Assert.All(results, r => Assert.Equal(0, r.Errors));
            Assert.All(results.Where(r => r.BaselineRps is not null), r => Assert.True(r.PacedRps > 0 && r.PacedErrors == 0, $"{r.Name} was not measured at a paced rate"));
            var fulfilment = await Harness.FulfilmentForABoardAsync(services);
            var report = Harness.Report(db.ToString(), DataSize.S, TimeSpan.Zero, await Harness.CountsAsync(services), fulfilment, 50, results, 1);
            Assert.Contains("vs baseline", report);
            Assert.Contains("50 partnerships", report);
            Assert.Contains("## Targets", report);
        }
        finally
        {
            await TestDatabase.DropAsync(db, connection);
        }
    }

    private static int FreePort()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
