using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Samverka.Bench;
using Samverka.Tests.Support;
using Samverka.Web.Data;
using Samverka.Web.Features.Audit;

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
    }

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
                await ctx.AuditEntries.CountAsync(), await ctx.Agreements.SumAsync(a => a.AnnualGrant ?? 0), await AuditCommand.FirstBrokenAsync(ctx) is null);
        }
        finally
        {
            await TestDatabase.DropAsync(db, connection);
        }
    }

    [Fact]
    public async Task Harness_OneShortPass_MeasuresEveryPageAgainstTheBaseline()
    {
        if (!File.Exists("/usr/bin/wrk") || !File.Exists("/usr/bin/taskset"))
        {
            if (Environment.GetEnvironmentVariable("CI") == "true")
            {
                Assert.Fail("wrk and taskset are needed: ./test.sh installs them.");
            }
            Assert.Skip("wrk is not installed; ./test.sh installs it.");
        }
        var connection = await TestDatabase.CreateAsync(Db.Sqlite, demoData: false);
        try
        {
            var services = Samverka.Bench.Bench.Services("Sqlite", connection);
            await services.PrepareDatabaseAsync(new ConfigurationBuilder().Build());
            await Generator.FillAsync(services, DataSize.S, 42, _ => { });
            var dll = Path.Combine(Path.GetDirectoryName(typeof(Samverka.Web.Data.AppDbContext).Assembly.Location)!, "Samverka.Web.dll");
            var results = await Harness.RunAsync(new HarnessOptions(dll, "Sqlite", connection, 1, 4, FreePort()), _ => { });
            Assert.Equal(14, results.Count);
            Assert.All(results, r => Assert.True(r.RequestsPerSecond > 0, $"{r.Name} answered nothing"));
            Assert.All(results, r => Assert.Equal(0, r.Errors));
            Assert.All(results.Where(r => r.BaselineRps is not null), r => Assert.True(r.PacedRps > 0 && r.PacedErrors == 0, $"{r.Name} was not measured at a paced rate"));
            var fulfilment = await Harness.FulfilmentForABoardAsync(services);
            var report = Harness.Report("Sqlite", DataSize.S, TimeSpan.Zero, await Harness.CountsAsync(services), fulfilment, 50, results, 1);
            Assert.Contains("vs baseline", report);
            Assert.Contains("50 partnerships", report);
            Assert.Contains("## Targets", report);
        }
        finally
        {
            await TestDatabase.DropAsync(Db.Sqlite, connection);
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
