using System.Net;
using Microsoft.EntityFrameworkCore;
using Samverka.Tests.Support;

namespace Samverka.Tests.Infrastructure;

public class DatabaseTests
{
    [Theory, ClassData(typeof(BothDatabases))]
    public async Task Migrations_CoverTheModel(Db db)
    {
        await using var app = await SamverkaApp.StartAsync(db);
        var pending = await app.WithDbAsync(ctx => Task.FromResult(ctx.Database.HasPendingModelChanges()));
        Assert.False(pending, $"The model has changes without a {db} migration: run dotnet ef migrations add for that provider.");
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task Health_IsOk_WhenTheDatabaseAnswers(Db db)
    {
        await using var app = await SamverkaApp.StartAsync(db);
        var response = await app.CreateClient().GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task DemoData_LoadedAgain_IsNotDuplicatedNorOverwritten(Db db)
    {
        await using var app = await SamverkaApp.StartAsync(db);
        var before = await app.WithDbAsync(async ctx => (await ctx.Boards.CountAsync(), await ctx.Organisations.CountAsync(), await ctx.Agreements.CountAsync()));
        await app.WithDbAsync(async ctx =>
        {
            var husby = await ctx.Organisations.SingleAsync(o => o.Name == "Folkets Husby");
            husby.ContactName = "Ändrad av användare";
            await ctx.SaveChangesAsync();
        });
        // A restart with demo data switched on.
        await using (var restarted = new SamverkaApp(db, app.ConnectionString, demoData: true))
        {
            (await restarted.CreateClient().GetAsync("/health")).EnsureSuccessStatusCode();
        }
        await app.WithDbAsync(async ctx =>
        {
            Assert.Equal(before, (await ctx.Boards.CountAsync(), await ctx.Organisations.CountAsync(), await ctx.Agreements.CountAsync()));
            Assert.Equal("Ändrad av användare", (await ctx.Organisations.SingleAsync(o => o.Name == "Folkets Husby")).ContactName);
        });
    }
}
