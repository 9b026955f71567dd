using System.Net;
using Microsoft.EntityFrameworkCore;
using Samverka.Tests.Support;
using Samverka.Web.Features.Agreements;

namespace Samverka.Tests.Features.Agreements;

/// <summary>Issue 20, item 5: an agreement moved in from Word has a past, recorded after its dates with the decisions that took it.</summary>
public class HistoryAfterTheFactTests
{
    private static readonly DateTimeOffset December2026 = new(2026, 12, 3, 9, 0, 0, TimeSpan.Zero);

    private static async Task<(int Id, int Husby, int Jarva, HttpClient Api)> HusbyAsync(SamverkaApp app)
    {
        var (id, husby, jarva) = await app.WithDbAsync(async ctx => (
            await ctx.Agreements.Where(a => a.Title == "Överenskommelse Folkets Husby").Select(a => a.Id).SingleAsync(),
            await ctx.Organisations.Where(o => o.Name == "Folkets Husby").Select(o => o.Id).SingleAsync(),
            await ctx.Organisations.Where(o => o.Name == "Järva stadsdelsförvaltning").Select(o => o.Id).SingleAsync()));
        return (id, husby, jarva, app.ApiClient(Users.Coordinator));
    }

    private static async Task<Guid?> VersionAsync(HttpClient api, int id) => (await (await api.GetAsync($"/api/agreements/{id}")).ReadAsync<AgreementDocument>()).Version;

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task TwoExtensionsAndANotice_RecordedYearsLater_EachWithItsDateAndDecision(Db db)
    {
        await using var app = await SamverkaApp.StartAsync(db, now: December2026);
        var (id, _, jarva, api) = await HusbyAsync(app);

        var a = await (await api.PostJsonAsync($"/api/agreements/{id}/extend", new ExtendInput(new DateOnly(2025, 12, 31), new DateOnly(2024, 11, 20), "§ 14", null, await VersionAsync(api, id)))).ReadAsync<AgreementDocument>();
        a = await (await api.PostJsonAsync($"/api/agreements/{id}/extend", new ExtendInput(new DateOnly(2026, 12, 31), new DateOnly(2025, 11, 18), "§ 9", null, a.Version))).ReadAsync<AgreementDocument>();
        Assert.Equal([new DateOnly(2024, 11, 20), new DateOnly(2025, 11, 18)], a.Lifecycle!.Extensions.Select(e => e.DecidedOn!.Value));

        a = await (await api.PostJsonAsync($"/api/agreements/{id}/terminate", new TerminateInput(new DateOnly(2026, 5, 4), jarva, a.Version, new DateOnly(2026, 4, 28), "§ 6", null))).ReadAsync<AgreementDocument>();
        Assert.Equal(new DateOnly(2026, 8, 4), a.EndDate); // three months' notice
        Assert.Equal(AgreementStatus.Terminated, a.Lifecycle!.Status); // the end date has passed
        Assert.Equal((new DateOnly(2026, 4, 28), "§ 6", "JÄRVA 2023/549"), (a.Lifecycle.NoticeDecision!.DecidedOn!.Value, a.Lifecycle.NoticeDecision.Paragraph, a.Lifecycle.NoticeDecision.CaseNumber));
        Assert.Equal([AgreementStep.Extended, AgreementStep.Extended, AgreementStep.Terminated], a.Lifecycle.Events.Where(e => e.Step is AgreementStep.Extended or AgreementStep.Terminated).Select(e => e.Step));
        Assert.Equal(new DateOnly(2026, 5, 4), a.Lifecycle.Events.Single(e => e.Step == AgreementStep.Terminated).OccurredOn);

        var page = WebUtility.HtmlDecode(await (await app.SignedInClientAsync(Users.Coordinator)).GetStringAsync($"/Agreements/Details/{id}"));
        Assert.Contains("Uppsagd genom beslut 2026-04-28 § 6.", page, StringComparison.Ordinal);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task EveryRefusal_NamesTheRuleItApplies(Db db)
    {
        await using var app = await SamverkaApp.StartAsync(db, now: December2026);
        var (id, husby, _, api) = await HusbyAsync(app);
        var version = await VersionAsync(api, id);

        async Task<string> RefusedAsync(string step, object input)
        {
            var response = await api.PostJsonAsync($"/api/agreements/{id}/{step}", input);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            return await response.Content.ReadAsStringAsync();
        }
        Assert.Contains("medger förlängning som längst till och med 2026-12-31",
            await RefusedAsync("extend", new ExtendInput(new DateOnly(2027, 6, 30), new DateOnly(2024, 11, 20), "§ 14", null, version)));
        Assert.Contains("den upphörde 2024-12-31, före beslutet 2025-01-15",
            await RefusedAsync("extend", new ExtendInput(new DateOnly(2025, 12, 31), new DateOnly(2025, 1, 15), "§ 2", null, version)));
        Assert.Contains("upphörde 2024-12-31; en uppsägning som mottogs därefter (2025-02-01)",
            await RefusedAsync("terminate", new TerminateInput(new DateOnly(2025, 2, 1), husby, version)));
        Assert.Contains("2027-01-10 är efter i dag (2026-12-03)",
            await RefusedAsync("terminate", new TerminateInput(new DateOnly(2027, 1, 10), husby, version)));
        Assert.Contains("ange också beslutets datum",
            await RefusedAsync("terminate", new TerminateInput(new DateOnly(2024, 6, 3), husby, version, null, "§ 6", null)));
        Assert.Equal(version, await VersionAsync(api, id));

        var terminated = await (await api.PostJsonAsync($"/api/agreements/{id}/terminate", new TerminateInput(new DateOnly(2024, 6, 3), husby, version))).ReadAsync<AgreementDocument>();
        Assert.Contains("är uppsagd: den upphör 2024-09-03 och förlängs inte",
            await RefusedAsync("extend", new ExtendInput(new DateOnly(2025, 12, 31), new DateOnly(2024, 8, 1), "§ 14", null, terminated.Version)));
        Assert.Contains("redan uppsagd (uppsägningen mottogs 2024-06-03)",
            await RefusedAsync("terminate", new TerminateInput(new DateOnly(2024, 7, 1), husby, terminated.Version)));
    }
}
