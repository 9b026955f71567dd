using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Samverka.Tests.Support;
using Samverka.Web.Features.Agreements;
using Samverka.Web.Features.Audit;
using Samverka.Web.Features.Meetings;

namespace Samverka.Tests.Features.Meetings;

/// <summary>The governance API: the same steps and the same per-partnership rules as the pages.</summary>
public class MeetingsApiTests
{
    private static readonly DateTimeOffset Autumn2024 = new(2024, 10, 15, 9, 0, 0, TimeSpan.Zero);

    private static Task<int> HusbyAsync(SamverkaApp app) =>
        app.WithDbAsync(db => db.Partnerships.Where(p => p.CaseNumber == "JÄRVA 2023/549").Select(p => p.Id).SingleAsync());

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task Seed2024_ThroughTheApi_FourHeldOfSixPlanned_AndTheOpenDeviation(Db db)
    {
        await using var app = await SamverkaApp.StartAsync(db);
        var pid = await HusbyAsync(app);
        var partner = app.ApiClient(Users.FolketsHusby);
        var meetings = await (await partner.GetAsync($"/api/partnerships/{pid}/meetings")).ReadAsync<MeetingsView>();
        var year = Assert.Single(meetings.PlannedAgainstHeld, y => y.Year == 2024);
        Assert.Equal((6, 4), (year.Planned, year.Held));
        var deviations = await (await partner.GetAsync($"/api/partnerships/{pid}/deviations")).ReadAsync<List<DeviationView>>();
        var open = Assert.Single(deviations, d => d.Status == DeviationStatus.Open);
        Assert.Equal("Mentorskapsprogrammet engagerade åtta ungdomar i stället för sexton.", open.WhatDiffers);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task MinutesApprovedByBothNamed_AreLocked_AndRegisteredInTheCase(Db db)
    {
        await using var app = await SamverkaApp.StartAsync(db, now: Autumn2024);
        var pid = await HusbyAsync(app);
        var coordinator = app.ApiClient(Users.Coordinator);
        var partner = app.ApiClient(Users.FolketsHusby);
        var (coordinatorId, partnerId) = await app.WithDbAsync(async ctx => (
            await ctx.Users.Where(u => u.Email == Users.Coordinator).Select(u => u.Id).SingleAsync(),
            await ctx.Users.Where(u => u.Email == Users.FolketsHusby).Select(u => u.Id).SingleAsync()));

        var future = await partner.PostJsonAsync($"/api/partnerships/{pid}/meetings", new NewMeetingInput(GroupKind.SteeringGroup, new DateOnly(2024, 12, 1), true));
        Assert.Equal(HttpStatusCode.BadRequest, future.StatusCode);
        Assert.Contains("Ett möte kan inte registreras som hållet i framtiden.", await future.Content.ReadAsStringAsync());

        var created = await partner.PostJsonAsync($"/api/partnerships/{pid}/meetings", new NewMeetingInput(GroupKind.SteeringGroup, new DateOnly(2024, 9, 10), true));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var meeting = await created.ReadAsync<MeetingView>();
        Assert.Equal($"/api/meetings/{meeting.Id}", created.Headers.Location!.OriginalString);

        meeting = await (await partner.PutJsonAsync($"/api/meetings/{meeting.Id}", new MeetingInput(new DateOnly(2024, 9, 10), "1. Uppföljning", "Styrgruppen gick igenom halvåret.",
            [new AttendeeInput("Enhetschef Jobbtorg Unga", "Järva stadsdelsförvaltning", null, true)], [new ActionItemInput("Boka lokal", "Folkets Husby", new DateOnly(2024, 10, 1), null)],
            [coordinatorId, partnerId], meeting.Version))).ReadAsync<MeetingView>();
        Assert.True(Assert.Single(meeting.Attendees).IsAdjunct);
        Assert.Equal(2, meeting.Approvers.Count);

        var steering = app.ApiClient(Users.SteeringMember);
        var notNamed = await steering.PostJsonAsync($"/api/meetings/{meeting.Id}/approve", new ApproveMinutesInput(meeting.Version));
        Assert.Equal(HttpStatusCode.BadRequest, notNamed.StatusCode);
        Assert.Equal("https://samverka.se/problems/refused", JsonDocument.Parse(await notNamed.Content.ReadAsStringAsync()).RootElement.GetProperty("type").GetString());

        meeting = await (await coordinator.PostJsonAsync($"/api/meetings/{meeting.Id}/approve", new ApproveMinutesInput(meeting.Version))).ReadAsync<MeetingView>();
        Assert.False(meeting.MinutesLocked);
        meeting = await (await partner.PostJsonAsync($"/api/meetings/{meeting.Id}/approve", new ApproveMinutesInput(meeting.Version))).ReadAsync<MeetingView>();
        Assert.True(meeting.MinutesLocked);

        var locked = await partner.PutJsonAsync($"/api/meetings/{meeting.Id}", new MeetingInput(meeting.HeldOn, meeting.Agenda, "Ändrat i efterhand", [], [], null, meeting.Version));
        Assert.False(locked.IsSuccessStatusCode);
        Assert.Equal("Styrgruppen gick igenom halvåret.", (await (await partner.GetAsync($"/api/meetings/{meeting.Id}")).ReadAsync<MeetingView>()).Minutes);
        Assert.Equal("Justerat protokoll, styrgruppen 2024-09-10",
            await app.WithDbAsync(ctx => ctx.RegistryDocuments.Where(d => d.Kind == Samverka.Web.Features.Registry.DocumentKind.Minutes && d.PartnershipId == pid).Select(d => d.Description).SingleAsync()));
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task ADeviation_IsDecidedAtAHeldMeeting_AndBecomesItsNumberedDecision(Db db)
    {
        await using var app = await SamverkaApp.StartAsync(db, now: Autumn2024);
        var pid = await HusbyAsync(app);
        var partner = app.ApiClient(Users.FolketsHusby);
        var open = (await (await partner.GetAsync($"/api/partnerships/{pid}/deviations")).ReadAsync<List<DeviationView>>()).Single(d => d.Status == DeviationStatus.Open);

        var nowhere = await partner.PostJsonAsync($"/api/deviations/{open.Id}/decide", new DecideDeviationInput(null, DeviationStatus.Approved, null, null, open.Version));
        Assert.Equal(HttpStatusCode.BadRequest, nowhere.StatusCode);

        var meeting = await (await partner.PostJsonAsync($"/api/partnerships/{pid}/meetings", new NewMeetingInput(GroupKind.SteeringGroup, new DateOnly(2024, 9, 10), true))).ReadAsync<MeetingView>();
        var decided = await (await partner.PostJsonAsync($"/api/deviations/{open.Id}/decide",
            new DecideDeviationInput(meeting.Id, DeviationStatus.ApprovedWithChanges, "En ny mentoraktör anlitas.", null, open.Version))).ReadAsync<DeviationView>();
        Assert.Equal((DeviationStatus.ApprovedWithChanges, (int?)meeting.Id), (decided.Status, decided.DecidedAtMeetingId));
        var decision = Assert.Single((await (await partner.GetAsync($"/api/meetings/{meeting.Id}")).ReadAsync<MeetingView>()).Decisions);
        Assert.Equal((1, (int?)open.Id), (decision.Number, decision.DeviationId));

        // Deciding it again on what was read before the decision changes nothing.
        var again = await partner.PostJsonAsync($"/api/deviations/{open.Id}/decide", new DecideDeviationInput(meeting.Id, DeviationStatus.Rejected, null, null, open.Version));
        Assert.True(again.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.Conflict, $"{(int)again.StatusCode}");
        Assert.Equal(DeviationStatus.ApprovedWithChanges, (await (await partner.GetAsync($"/api/deviations/{open.Id}")).ReadAsync<DeviationView>()).Status);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task GovernanceAndHistory_AreNotFound_ForAnotherOrganisationAndTheBoard(Db db)
    {
        await using var app = await SamverkaApp.StartAsync(db);
        var pid = await HusbyAsync(app);
        var (meeting, deviation) = await app.WithDbAsync(async ctx => (
            await ctx.Meetings.Where(m => m.PartnershipId == pid).Select(m => m.Id).FirstAsync(),
            await ctx.Deviations.Where(d => d.PartnershipId == pid).Select(d => d.Id).FirstAsync()));
        var reads = new[] { $"/api/partnerships/{pid}/meetings", $"/api/partnerships/{pid}/deviations", $"/api/meetings/{meeting}", $"/api/deviations/{deviation}", $"/api/partnerships/{pid}/history" };
        var writes = new (string Url, object Body)[]
        {
            ($"/api/partnerships/{pid}/meetings", new NewMeetingInput(GroupKind.SteeringGroup, new DateOnly(2024, 5, 1), false)),
            ($"/api/partnerships/{pid}/deviations", new RaiseDeviationInput(DeviationSubject.Activity, 1, "x", "y", null, null)),
            ($"/api/meetings/{meeting}/approve", new ApproveMinutesInput(Guid.NewGuid())),
            ($"/api/deviations/{deviation}/decide", new DecideDeviationInput(meeting, DeviationStatus.Approved, null, null, Guid.NewGuid())),
        };
        foreach (var user in new[] { Users.IogtSpanga, Users.BoardMember })
        {
            var client = app.ApiClient(user);
            foreach (var url in reads)
            {
                Assert.True(HttpStatusCode.NotFound == (await client.GetAsync(url)).StatusCode, $"{user} GET {url}");
            }
            foreach (var (url, body) in writes)
            {
                Assert.True(HttpStatusCode.NotFound == (await client.PostJsonAsync(url, body)).StatusCode, $"{user} POST {url}");
            }
            Assert.True(HttpStatusCode.NotFound == (await client.PutJsonAsync($"/api/meetings/{meeting}", new MeetingInput(null, "x", null, [], [], null, Guid.NewGuid()))).StatusCode, $"{user} PUT");
        }
        Assert.Equal(0, await app.WithDbAsync(ctx => ctx.Meetings.CountAsync(m => m.PartnershipId == pid && m.PlannedFor == new DateOnly(2024, 5, 1))));
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task History_ShowsWhoChangedWhat_NewestFirst_InPages(Db db)
    {
        await using var app = await SamverkaApp.StartAsync(db, now: Autumn2024);
        var pid = await HusbyAsync(app);
        var partner = app.ApiClient(Users.FolketsHusby);
        var created = await (await partner.PostJsonAsync($"/api/partnerships/{pid}/meetings", new NewMeetingInput(GroupKind.WorkingGroup, new DateOnly(2024, 11, 5), false))).ReadAsync<MeetingView>();

        var page = await (await partner.GetAsync($"/api/partnerships/{pid}/history")).ReadAsync<AuditPage>();
        var newest = page.Entries[0];
        Assert.Equal((nameof(Meeting), created.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), AuditAction.Added), (newest.EntityType, newest.EntityKey, newest.Action));
        Assert.Equal("2024-11-01", newest.Changes["PlannedFor"][1].GetString());
        Assert.Equal(JsonValueKind.Null, newest.Changes["PlannedFor"][0].ValueKind);
        Assert.True(page.Entries.Zip(page.Entries.Skip(1)).All(x => x.First.Id > x.Second.Id));

        var total = await app.WithDbAsync(ctx => ctx.AuditEntries.CountAsync(e => e.PartnershipId == pid));
        var seen = page.Entries.Count;
        for (var before = page.Before; before is not null; before = page.Before)
        {
            page = await (await partner.GetAsync($"/api/partnerships/{pid}/history?before={before}")).ReadAsync<AuditPage>();
            Assert.All(page.Entries, e => Assert.True(e.Id < before));
            seen += page.Entries.Count;
        }
        Assert.Equal(total, seen);
    }
}
