using System.Net;
using Microsoft.EntityFrameworkCore;
using Samverka.Tests.Support;
using Samverka.Web.Features.Agreements;
using Samverka.Web.Features.Decisions;

namespace Samverka.Tests.Features.Agreements;

/// <summary>A decision is recorded when it has been made: a date years ahead is a typing error, refused with nothing saved.</summary>
public class DecisionDateTests
{
    private static readonly DateTimeOffset June2024 = new(2024, 6, 15, 10, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("2200-01-01")]
    [InlineData("2025-07-01")]
    public async Task ADecisionOrTargetDatedFarAhead_IsRefused(string date)
    {
        await using var app = await SamverkaApp.StartAsync(Db.Sqlite, now: June2024);
        var api = app.ApiClient(Users.Coordinator);
        var seed = await app.WithDbAsync(db => db.Agreements.Include(a => a.Goals).SingleAsync(a => a.Title == "Överenskommelse Folkets Husby"));
        var day = DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture);
        var decisions = await app.WithDbAsync(db => db.Decisions.CountAsync());

        var extend = await api.PostJsonAsync($"/api/agreements/{seed.Id}/extend", new ExtendInput(new DateOnly(2025, 12, 31), day, "§ 8", null, seed.Version));
        Assert.Equal(HttpStatusCode.BadRequest, extend.StatusCode);
        Assert.Contains(day.Year > 2100 ? "är inte rimligt här" : "mer än ett år fram i tiden", System.Text.RegularExpressions.Regex.Unescape(await extend.Content.ReadAsStringAsync()));

        var target = new ExpectedResultDto(null, "40 unga skrivs in", TargetKind.Count, 40, null, null, null, null, null, null, null, null);
        var added = await api.PostJsonAsync($"/api/agreements/{seed.Id}/targets", new AddTargetInput(seed.Goals[0].Id, target, day, DecisionMaker.SteeringGroup, null, null, seed.Version));
        Assert.Equal(HttpStatusCode.BadRequest, added.StatusCode);
        Assert.Equal(decisions, await app.WithDbAsync(db => db.Decisions.CountAsync()));

        // Within a year ahead (a meeting recorded before its minutes) is taken.
        var soon = await api.PostJsonAsync($"/api/agreements/{seed.Id}/targets", new AddTargetInput(seed.Goals[0].Id, target, new DateOnly(2024, 6, 20), DecisionMaker.SteeringGroup, null, null, seed.Version));
        Assert.Equal(HttpStatusCode.OK, soon.StatusCode);
    }
}
