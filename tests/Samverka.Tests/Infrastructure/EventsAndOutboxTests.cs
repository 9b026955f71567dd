using System.Collections.Concurrent;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Samverka.Tests.Support;
using Samverka.Web.Data;
using Samverka.Web.Features.Agreements;
using Samverka.Web.Features.Registry;

namespace Samverka.Tests.Infrastructure;

/// <summary>Side effects of a step run as events: in the step's transaction, or once through the outbox.</summary>
public class EventsAndOutboxTests
{
    private sealed class FailingRegistration : DomainEventHandler<AgreementSigned>
    {
        protected override Task HandleAsync(AgreementSigned e, AppDbContext db, CancellationToken ct) =>
            throw new InvalidOperationException("The registry is down.");
    }

    private static async Task<(AgreementDocument Decided, HttpClient Api)> DecidedAgreementAsync(SamverkaApp app)
    {
        var (pid, husby, jarva) = await app.WithDbAsync(async db => (
            await db.Partnerships.Where(p => p.CaseNumber == "JÄRVA 2023/549").Select(p => p.Id).SingleAsync(),
            await db.Organisations.Where(o => o.Name == "Folkets Husby").Select(o => o.Id).SingleAsync(),
            await db.Organisations.Where(o => o.Name == "Järva stadsdelsförvaltning").Select(o => o.Id).SingleAsync()));
        var api = app.ApiClient(Users.Coordinator);
        var a = await (await api.PostJsonAsync("/api/agreements", new AgreementDocument
        {
            PartnershipId = pid,
            Title = "Överenskommelse 2027",
            StartDate = new DateOnly(2027, 1, 1),
            EndDate = new DateOnly(2027, 12, 31),
            AnnualGrant = 0,
            Parties = [new PartyDto(null, husby, PartyRole.NonProfit, null, null, null, null, null, null, null, null, null), new PartyDto(null, jarva, PartyRole.PublicBody, null, null, null, null, null, null, null, null, null)],
            Goals = [new GoalDto(null, 1, "Mål", null, null, [], [])],
        })).ReadAsync<AgreementDocument>();
        a = await (await api.PostJsonAsync($"/api/agreements/{a.Id}/propose", new ProposeInput(new DateOnly(2026, 11, 26), a.Version))).ReadAsync<AgreementDocument>();
        a = await (await api.PostJsonAsync($"/api/agreements/{a.Id}/decide", new DecideInput(new DateOnly(2026, 11, 26), "§ 4", null, null, a.Version))).ReadAsync<AgreementDocument>();
        return (a, api);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task AHandlerThatFails_RollsTheStepBack(Db db)
    {
        await using var app = await SamverkaApp.StartAsync(db, now: new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero),
            services: s => s.AddEventHandler<FailingRegistration>());
        var (a, api) = await DecidedAgreementAsync(app);
        a = await (await api.PostJsonAsync($"/api/agreements/{a.Id}/sign", new SignInput(a.Parties![0].Id, new DateOnly(2026, 12, 1), a.Version))).ReadAsync<AgreementDocument>();
        var before = await app.WithDbAsync(async ctx => (Audit: await ctx.AuditEntries.CountAsync(), Outbox: await ctx.OutboxMessages.CountAsync(), Registry: await ctx.RegistryDocuments.CountAsync()));

        // The last signature raises AgreementSigned; its handler fails, so the signature is not kept either.
        var last = await api.PostJsonAsync($"/api/agreements/{a.Id}/sign", new SignInput(a.Parties![1].Id, new DateOnly(2026, 12, 1), a.Version));
        Assert.Equal(HttpStatusCode.InternalServerError, last.StatusCode);

        var after = await app.WithDbAsync(async ctx => (
            Stage: await ctx.Agreements.Where(x => x.Id == a.Id).Select(x => x.Stage).SingleAsync(),
            Signed: await ctx.AgreementParties.CountAsync(p => p.AgreementId == a.Id && p.SignedOn != null),
            Audit: await ctx.AuditEntries.CountAsync(), Outbox: await ctx.OutboxMessages.CountAsync(), Registry: await ctx.RegistryDocuments.CountAsync()));
        Assert.Equal((AgreementStage.Decided, 1), (after.Stage, after.Signed));
        Assert.Equal((before.Audit, before.Outbox, before.Registry), (after.Audit, after.Outbox, after.Registry));
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task ASignedAgreement_IsRegistered_AndItsEventsReachTheOutbox(Db db)
    {
        await using var app = await SamverkaApp.StartAsync(db, now: new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
        var (a, api) = await DecidedAgreementAsync(app);
        foreach (var party in a.Parties!)
        {
            a = await (await api.PostJsonAsync($"/api/agreements/{a.Id}/sign", new SignInput(party.Id, new DateOnly(2026, 12, 1), a.Version))).ReadAsync<AgreementDocument>();
        }
        var (types, registered) = await app.WithDbAsync(async ctx => (
            await ctx.OutboxMessages.OrderBy(m => m.Id).Select(m => new { m.Type, m.Payload }).ToListAsync(),
            await ctx.RegistryDocuments.Where(d => d.Kind == DocumentKind.Agreement).Select(d => d.Id).ToListAsync()));
        Assert.Equal(["AgreementCreated", "AgreementProposed", "AgreementDecided", "AgreementSigned", "DocumentRegistered"], types.Select(t => t.Type));
        Assert.Contains($"\"agreementId\":{a.Id}", types[3].Payload);
        Assert.Contains($"\"documentId\":{Assert.Single(registered)}", types[4].Payload);
    }

    /// <summary>Records which instance delivered which message: shared by both instances of one test.</summary>
    private sealed class Deliveries : IOutboxHandler
    {
        public ConcurrentBag<(long Id, string Instance)> Seen { get; } = [];

        public string EventType => "TestEvent";

        public async Task HandleAsync(OutboxMessage message, IServiceProvider services, CancellationToken ct)
        {
            await Task.Delay(2, ct);
            Seen.Add((message.Id, services.GetRequiredService<InstanceName>().Name));
        }
    }

    private sealed record InstanceName(string Name);

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task TheOutbox_DeliversEachMessageOnce_AcrossTwoInstances(Db db)
    {
        var deliveries = new Deliveries();
        var fast = new Dictionary<string, string> { ["Samverka:Outbox:PollMilliseconds"] = "20" };
        void Services(IServiceCollection s, string name)
        {
            s.AddSingleton<IOutboxHandler>(deliveries);
            s.AddSingleton(new InstanceName(name));
        }
        await using var first = await SamverkaApp.StartAsync(db, services: s => Services(s, "first"), settings: fast);
        await using var second = new SamverkaApp(db, first.ConnectionString) { ExtraServices = s => Services(s, "second"), Settings = fast };
        _ = first.Services;
        _ = second.Services; // both hosts start, each with its own dispatcher

        const int Count = 60;
        await first.WithDbAsync(async ctx =>
        {
            ctx.OutboxMessages.AddRange(Enumerable.Range(0, Count).Select(i => new OutboxMessage { Type = "TestEvent", Payload = $"{{\"n\":{i}}}", CreatedAt = DateTimeOffset.UnixEpoch }));
            await ctx.SaveChangesAsync();
        });
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (await first.WithDbAsync(ctx => ctx.OutboxMessages.CountAsync(m => m.Type == "TestEvent" && m.ProcessedAt == null)) > 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }
        var seen = deliveries.Seen.ToList();
        Assert.Equal(Count, seen.Count);
        Assert.Equal(Count, seen.Select(d => d.Id).Distinct().Count());
        Assert.Equal(0, await first.WithDbAsync(ctx => ctx.OutboxMessages.CountAsync(m => m.Type == "TestEvent" && m.ProcessedAt == null)));
    }
}
