using System.Net;
using Microsoft.EntityFrameworkCore;
using Samverka.Tests.Support;
using Samverka.Web.Features.Agreements;
using Samverka.Web.Features.Decisions;

namespace Samverka.Tests.Features.Agreements;

/// <summary>"Fler mätetal tas fram under partnerskapet": a target added later, with the date and decision that added it.</summary>
public class TargetsLaterTests
{
    [Theory, ClassData(typeof(BothDatabases))]
    public async Task AddedLater_IsShownWithItsDecision_AndTheAgreedTargetsStay(Db db)
    {
        await using var app = await SamverkaApp.StartAsync(db);
        var (id, goal, husby, before) = await app.WithDbAsync(async ctx =>
        {
            var a = await ctx.Agreements.Include(x => x.Goals).ThenInclude(g => g.ExpectedResults).SingleAsync(x => x.Title == "Överenskommelse Folkets Husby");
            var g1 = a.Goals.Single(g => g.Number == 1);
            return (a.Id, g1.Id, await ctx.Organisations.Where(o => o.Name == "Folkets Husby").Select(o => o.Id).SingleAsync(), g1.ExpectedResults.Count);
        });
        var version = await app.WithDbAsync(ctx => ctx.Agreements.Where(a => a.Id == id).Select(a => a.Version).SingleAsync());
        var target = new ExpectedResultDto(null, "50 unga ur målgruppen skrivs in vid Jobbtorg", TargetKind.Count, 50, null, "inskrivna", null, null, husby, null, null, null);

        var outside = await app.ApiClient(Users.Coordinator).PostJsonAsync($"/api/agreements/{id}/targets", new AddTargetInput(goal, target, new DateOnly(2025, 3, 1), DecisionMaker.SteeringGroup, null, null, version));
        Assert.Equal(HttpStatusCode.BadRequest, outside.StatusCode);
        Assert.Contains("inom överenskommelsens period", await outside.Content.ReadAsStringAsync());

        var doc = await (await app.ApiClient(Users.Coordinator).PostJsonAsync($"/api/agreements/{id}/targets",
            new AddTargetInput(goal, target, new DateOnly(2024, 6, 10), DecisionMaker.SteeringGroup, "§ 3", null, version))).ReadAsync<AgreementDocument>();
        var results = doc.Goals!.Single(g => g.Id == goal).ExpectedResults!;
        Assert.Equal(before + 1, results.Count);
        var added = results[^1];
        Assert.Equal(new DateOnly(2024, 6, 10), added.AddedOn);
        Assert.NotNull(added.AddedByDecisionId);
        Assert.All(results.Take(before), r => Assert.Null(r.AddedOn));
        Assert.Equal(AgreementStep.TargetAdded, doc.Lifecycle!.Events[^1].Step);

        var page = await (await app.SignedInClientAsync(Users.Coordinator)).GetStringAsync($"/Agreements/Details/{id}");
        Assert.Contains("Tillagt under partnerskapet (2024-06-10) genom beslut av Styrgruppen, § 3", page);

        var decision = await app.WithDbAsync(ctx => ctx.Decisions.SingleAsync(d => d.Id == added.AddedByDecisionId));
        Assert.Equal((DecisionMaker.SteeringGroup, "JÄRVA 2023/549"), (decision.MadeBy, decision.CaseNumber));
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task AddedLater_ToADraft_IsRefused(Db db)
    {
        await using var app = await SamverkaApp.StartAsync(db);
        var api = app.ApiClient(Users.Coordinator);
        var pid = await app.WithDbAsync(ctx => ctx.Partnerships.Where(p => p.CaseNumber == "JÄRVA 2023/549").Select(p => p.Id).SingleAsync());
        var draft = await (await api.PostJsonAsync("/api/agreements", new AgreementDocument
        {
            PartnershipId = pid,
            Title = "Utkast",
            StartDate = new DateOnly(2027, 1, 1),
            EndDate = new DateOnly(2027, 12, 31),
            Goals = [new GoalDto(null, 1, "Mål", null, null, [], [])],
        })).ReadAsync<AgreementDocument>();
        var response = await api.PostJsonAsync($"/api/agreements/{draft.Id}/targets", new AddTargetInput(draft.Goals![0].Id!.Value,
            new ExpectedResultDto(null, "Nytt", TargetKind.Count, 5, null, null, null, null, null, null, null, null), new DateOnly(2027, 2, 1), DecisionMaker.SteeringGroup, null, null, draft.Version));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
