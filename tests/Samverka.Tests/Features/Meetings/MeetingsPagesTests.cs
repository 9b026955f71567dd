using System.Net;
using Microsoft.EntityFrameworkCore;
using Samverka.Tests.Support;
using Samverka.Web.Features.Meetings;

namespace Samverka.Tests.Features.Meetings;

public class MeetingsPagesTests
{
    private static readonly DateTimeOffset Autumn2024 = new(2024, 10, 15, 9, 0, 0, TimeSpan.Zero);

    private static Task<int> HusbyAsync(SamverkaApp app) =>
        app.WithDbAsync(db => db.Partnerships.Where(p => p.CaseNumber == "JÄRVA 2023/549").Select(p => p.Id).SingleAsync());

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task Seed2024_ShowsFourHeldOfSixPlanned_AndTheOpenMentorshipDeviation(Db db)
    {
        await using var app = await SamverkaApp.StartAsync(db);
        var pid = await HusbyAsync(app);
        var client = await app.SignedInClientAsync(Users.FolketsHusby);
        var page = WebUtility.HtmlDecode(await client.GetStringAsync($"/Meetings/Index/{pid}"));
        Assert.Matches(@"<th scope=""row"">2024</th><td class=""num"">6</td><td class=""num"">4</td>", page);
        Assert.Contains("Mentorskapsprogrammet engagerade åtta ungdomar i stället för sexton.", page);
        Assert.Contains("Mentorskapsprogrammet engagerade åtta ungdomar i stället för sexton.", WebUtility.HtmlDecode(await client.GetStringAsync($"/Partnerships/Details/{pid}")));
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task Meeting_HeldAndApproved_IsLocked_AndDecidesTheDeviation(Db db)
    {
        await using var app = await SamverkaApp.StartAsync(db, now: Autumn2024);
        var pid = await HusbyAsync(app);
        var coordinator = await app.SignedInClientAsync(Users.Coordinator);
        var partner = await app.SignedInClientAsync(Users.FolketsHusby);

        var early = await coordinator.PostFormAsync($"/Meetings/Index/{pid}", new() { ["Group"] = "SteeringGroup", ["Date"] = "2023-11-01", ["Held"] = "true" });
        Assert.Contains("Mötet kan inte vara före överenskommelsens start (2024-01-01).", WebUtility.HtmlDecode(await early.Content.ReadAsStringAsync()));

        var created = await coordinator.PostFormAsync($"/Meetings/Index/{pid}", new() { ["Group"] = "SteeringGroup", ["Date"] = "2024-09-10", ["Held"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var url = created.Headers.Location!.OriginalString;
        var meetingId = int.Parse(url.Split('/').Last(), System.Globalization.CultureInfo.InvariantCulture);

        var deviation = await app.WithDbAsync(ctx => ctx.Deviations.Where(d => d.PartnershipId == pid).Select(d => d.Id).SingleAsync());
        var noMeeting = await partner.PostFormAsync($"/Meetings/Deviation/{pid}?id={deviation}", new() { ["Outcome"] = "Approved" }, "Decide");
        Assert.Contains("En avvikelse beslutas vid ett hållet styrgruppsmöte i partnerskapet.", WebUtility.HtmlDecode(await noMeeting.Content.ReadAsStringAsync()));
        var deviationVersion = await app.WithDbAsync(ctx => ctx.Deviations.Where(d => d.Id == deviation).Select(d => d.Version).SingleAsync());
        var decided = await partner.PostFormAsync($"/Meetings/Deviation/{pid}?id={deviation}", new()
        {
            ["Version"] = deviationVersion.ToString(),
            ["MeetingId"] = meetingId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Outcome"] = "ApprovedWithChanges",
            ["DecisionText"] = "En ny mentoraktör anlitas; målet för 2024 sänks inte.",
        }, "Decide");
        Assert.Equal(HttpStatusCode.Redirect, decided.StatusCode);

        var (coordinatorId, partnerId) = await app.WithDbAsync(async ctx => (
            await ctx.Users.Where(u => u.Email == Users.Coordinator).Select(u => u.Id).SingleAsync(),
            await ctx.Users.Where(u => u.Email == Users.FolketsHusby).Select(u => u.Id).SingleAsync()));
        var version = async () => (await app.WithDbAsync(ctx => ctx.Meetings.Where(m => m.Id == meetingId).Select(m => m.Version).SingleAsync())).ToString();
        var saved = await coordinator.PostAsync(url, new FormUrlEncodedContent(
        [
            new("Version", await version()), new("HeldOn", "2024-09-10"), new("Agenda", "1. Avvikelse mentorskap"), new("Minutes", "Styrgruppen beslutade om avvikelsen."),
            new("Attendees[0].Name", "Enhetschef arbete och studier"), new("Attendees[1].Name", "Enhetschef Jobbtorg Unga"), new("Attendees[1].IsAdjunct", "true"),
            new("ApproverIds", coordinatorId), new("ApproverIds", partnerId), new("__RequestVerificationToken", await TokenAsync(coordinator, url)),
        ]));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await coordinator.PostFormAsync(url, new() { ["Version"] = await version() }, "Approve")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await partner.PostFormAsync(url, new() { ["Version"] = await version() }, "Approve")).StatusCode);
        var meeting = await app.WithDbAsync(ctx => ctx.Meetings.Include(m => m.Approvers).Include(m => m.Decisions).Include(m => m.Attendees).SingleAsync(m => m.Id == meetingId));
        Assert.True(meeting.MinutesLocked);
        Assert.Equal("Justerat protokoll, styrgruppen 2024-09-10",
            await app.WithDbAsync(ctx => ctx.RegistryDocuments.Where(d => d.Kind == Samverka.Web.Features.Registry.DocumentKind.Minutes).Select(d => d.Description).SingleAsync()));
        Assert.Equal(1, Assert.Single(meeting.Decisions).Number);
        Assert.True(meeting.Attendees.Single(a => a.Name == "Enhetschef Jobbtorg Unga").IsAdjunct);

        var edit = await coordinator.PostFormAsync(url, new() { ["Version"] = await version(), ["Minutes"] = "Ändrat i efterhand" });
        Assert.Contains("Protokollet är justerat och låst; inget ändrades.", WebUtility.HtmlDecode(await edit.Content.ReadAsStringAsync()));
        Assert.Equal("Styrgruppen beslutade om avvikelsen.", await app.WithDbAsync(ctx => ctx.Meetings.Where(m => m.Id == meetingId).Select(m => m.Minutes).SingleAsync()));
        Assert.Equal(DeviationStatus.ApprovedWithChanges, await app.WithDbAsync(ctx => ctx.Deviations.Where(d => d.Id == deviation).Select(d => d.Status).SingleAsync()));
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task MeetingsAndDeviations_AreNotFound_ForOthers(Db db)
    {
        await using var app = await SamverkaApp.StartAsync(db);
        var pid = await HusbyAsync(app);
        var (meeting, deviation) = await app.WithDbAsync(async ctx => (
            await ctx.Meetings.Where(m => m.PartnershipId == pid).Select(m => m.Id).FirstAsync(),
            await ctx.Deviations.Where(d => d.PartnershipId == pid).Select(d => d.Id).FirstAsync()));
        foreach (var user in new[] { Users.IogtSpanga, Users.BoardMember })
        {
            var client = await app.SignedInClientAsync(user);
            foreach (var url in new[] { $"/Meetings/Index/{pid}", $"/Meetings/Edit/{meeting}", $"/Meetings/Deviation/{pid}", $"/Meetings/Deviation/{pid}?id={deviation}" })
            {
                Assert.True(HttpStatusCode.NotFound == (await client.GetAsync(url)).StatusCode, $"{user} {url}");
            }
        }
        var steering = await app.SignedInClientAsync(Users.SteeringMember);
        Assert.Equal(HttpStatusCode.OK, (await steering.GetAsync($"/Meetings/Index/{pid}")).StatusCode);
    }

    private static async Task<string> TokenAsync(HttpClient client, string url)
    {
        var html = await client.GetStringAsync(url);
        return WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value);
    }
}
