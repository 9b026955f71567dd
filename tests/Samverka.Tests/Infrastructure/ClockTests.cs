using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Samverka.Tests.Support;

namespace Samverka.Tests.Infrastructure;

/// <summary>Every time a person sees is Swedish wall-clock time: +01:00 in winter, +02:00 in summer.</summary>
public class ClockTests
{
    private static readonly DateTimeOffset Winter = DateTimeOffset.Parse("2024-01-15T10:00:00Z", CultureInfo.InvariantCulture);
    private static readonly DateTimeOffset Summer = DateTimeOffset.Parse("2024-06-15T10:00:00Z", CultureInfo.InvariantCulture);

    [Fact]
    public void AnInstant_IsShownInSwedishTime_WinterAndSummer()
    {
        Assert.Equal("2024-01-15 11:00", Clock.DateTime(Winter));
        Assert.Equal("2024-06-15 12:00", Clock.DateTime(Summer));
        // Half past midnight in Sweden is still the day before in UTC.
        Assert.Equal("2024-06-16", Clock.Date(DateTimeOffset.Parse("2024-06-15T22:30:00Z", CultureInfo.InvariantCulture)));
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task ChangesRecordedInWinterAndSummer_ShowTheirSwedishTime_OnThePartnershipsHistory(Db db)
    {
        await using var app = await SamverkaApp.StartAsync(db, now: Winter);
        var pid = await app.WithDbAsync(ctx => ctx.Partnerships.Where(p => p.CaseNumber == "JÄRVA 2023/549").Select(p => p.Id).SingleAsync());
        async Task ChangeAsync(string description) => await app.WithDbAsync(async ctx =>
        {
            (await ctx.Partnerships.SingleAsync(p => p.Id == pid)).Description = description;
            await ctx.SaveChangesAsync();
        });
        await ChangeAsync("Ändrad i januari");
        app.Clock!.SetUtcNow(Summer);
        await ChangeAsync("Ändrad i juni");

        var history = await (await app.SignedInClientAsync(Users.Coordinator)).GetStringAsync($"/Partnerships/History/{pid}");
        Assert.Contains("<td>2024-01-15 11:00</td>", history);
        Assert.Contains("<td>2024-06-15 12:00</td>", history);
    }
}
