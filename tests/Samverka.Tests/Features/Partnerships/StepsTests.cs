using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Samverka.Tests.Support;
using Samverka.Web.Features.Agreements;
using Samverka.Web.Features.Decisions;
using Samverka.Web.Features.Meetings;
using Samverka.Web.Features.Results;

namespace Samverka.Tests.Features.Partnerships;

/// <summary>Every step runs through one runner: the same rules for page and API, and a stale version refused on every one.</summary>
public class StepsTests
{
    private static readonly DateTimeOffset June2024 = new(2024, 6, 15, 10, 0, 0, TimeSpan.Zero);

    private sealed record Arranged(string Url, HttpMethod Method, Func<Guid, object> Body, string ReadUrl);

    private static async Task<(int Partnership, int Seed, int Husby, int Jarva, int Goal)> IdsAsync(SamverkaApp app) => await app.WithDbAsync(async db =>
    {
        var seed = await db.Agreements.Include(a => a.Goals).SingleAsync(a => a.Title == "Överenskommelse Folkets Husby");
        return (seed.PartnershipId, seed.Id, await db.Organisations.Where(o => o.Name == "Folkets Husby").Select(o => o.Id).SingleAsync(),
            await db.Organisations.Where(o => o.Name == "Järva stadsdelsförvaltning").Select(o => o.Id).SingleAsync(), seed.Goals.Single(g => g.Number == 1).Id);
    });

    private static async Task<AgreementDocument> DraftAsync(SamverkaApp app, HttpClient api)
    {
        var (pid, _, husby, jarva, _) = await IdsAsync(app);
        return await (await api.PostJsonAsync("/api/agreements", new AgreementDocument
        {
            PartnershipId = pid,
            Title = "Överenskommelse 2025",
            StartDate = new DateOnly(2025, 1, 1),
            EndDate = new DateOnly(2025, 12, 31),
            AnnualGrant = 0,
            LatestExtensionDate = new DateOnly(2026, 12, 31),
            Parties = [new PartyDto(null, husby, PartyRole.NonProfit, null, null, null, null, null, null, null, null, null), new PartyDto(null, jarva, PartyRole.PublicBody, null, null, null, null, null, null, null, null, null)],
            Goals = [new GoalDto(null, 1, "Mål", null, null, [], [])],
        })).ReadAsync<AgreementDocument>();
    }

    private static async Task<AgreementDocument> StepAsync(HttpClient api, AgreementDocument a, string step, Func<Guid?, object> body) =>
        await (await api.PostJsonAsync($"/api/agreements/{a.Id}/{step}", body(a.Version))).ReadAsync<AgreementDocument>();

    private static async Task<ReportView> ReportAsync(SamverkaApp app, HttpClient api, bool submitted, bool approved)
    {
        var (pid, seed, _, _, _) = await IdsAsync(app);
        var partner = app.ApiClient(Users.FolketsHusby);
        var r = await (await partner.PostJsonAsync($"/api/partnerships/{pid}/reports", new ReportInput(seed, new DateOnly(2024, 6, 1), new DateOnly(2024, 6, 30)))).ReadAsync<ReportView>();
        r = await (await partner.PostJsonAsync($"/api/reports/{r.Id}/figures", new FigureInput { Kind = FigureKind.DropInVisits, From = new DateOnly(2024, 6, 3), Total = 12, Version = r.Version })).ReadAsync<ReportView>();
        if (submitted)
        {
            r = await (await partner.PostJsonAsync($"/api/reports/{r.Id}/submit", new ReviewInput(r.Version))).ReadAsync<ReportView>();
        }
        if (approved)
        {
            r = await (await api.PostJsonAsync($"/api/reports/{r.Id}/approve", new ReviewInput(r.Version))).ReadAsync<ReportView>();
        }
        return r;
    }

    /// <summary>Brings the data to where <paramref name="step"/> would succeed, and says how to take it with a given version.</summary>
    private static async Task<Arranged> ArrangeAsync(SamverkaApp app, HttpClient api, string step)
    {
        var (_, seed, husby, _, goal) = await IdsAsync(app);
        switch (step)
        {
            case "put":
                var draft = await DraftAsync(app, api);
                return new($"/api/agreements/{draft.Id}", HttpMethod.Put, v => draft with { Version = v, Purpose = "Ändrat syfte" }, $"/api/agreements/{draft.Id}");
            case "propose":
                draft = await DraftAsync(app, api);
                return new($"/api/agreements/{draft.Id}/propose", HttpMethod.Post, v => new ProposeInput(new DateOnly(2024, 6, 20), v), $"/api/agreements/{draft.Id}");
            case "withdraw" or "decide":
                var proposed = await StepAsync(api, await DraftAsync(app, api), "propose", v => new ProposeInput(new DateOnly(2024, 6, 20), v));
                return step == "withdraw"
                    ? new($"/api/agreements/{proposed.Id}/withdraw", HttpMethod.Post, v => new WithdrawInput("Tillbaka", v), $"/api/agreements/{proposed.Id}")
                    : new($"/api/agreements/{proposed.Id}/decide", HttpMethod.Post, v => new DecideInput(new DateOnly(2024, 6, 20), "§ 3", null, null, v), $"/api/agreements/{proposed.Id}");
            case "sign":
                var decided = await StepAsync(api, await StepAsync(api, await DraftAsync(app, api), "propose", v => new ProposeInput(new DateOnly(2024, 6, 20), v)),
                    "decide", v => new DecideInput(new DateOnly(2024, 6, 20), "§ 3", null, null, v));
                return new($"/api/agreements/{decided.Id}/sign", HttpMethod.Post, v => new SignInput(decided.Parties![0].Id, new DateOnly(2024, 6, 21), v), $"/api/agreements/{decided.Id}");
            case "extend":
                return new($"/api/agreements/{seed}/extend", HttpMethod.Post, v => new ExtendInput(new DateOnly(2025, 12, 31), new DateOnly(2024, 6, 10), "§ 8", null, v), $"/api/agreements/{seed}");
            case "terminate":
                return new($"/api/agreements/{seed}/terminate", HttpMethod.Post, v => new TerminateInput(new DateOnly(2024, 6, 3), husby, v), $"/api/agreements/{seed}");
            case "targets":
                var target = new ExpectedResultDto(null, "40 unga skrivs in vid Jobbtorg", TargetKind.Count, 40, null, null, null, null, husby, null, null, null);
                return new($"/api/agreements/{seed}/targets", HttpMethod.Post, v => new AddTargetInput(goal, target, new DateOnly(2024, 6, 10), DecisionMaker.SteeringGroup, "§ 3", null, v), $"/api/agreements/{seed}");
            case "figures":
                var r = await ReportAsync(app, api, false, false);
                return new($"/api/reports/{r.Id}/figures", HttpMethod.Post, v => new FigureInput { Kind = FigureKind.PeopleReached, From = new DateOnly(2024, 6, 4), Total = 30, Version = v }, $"/api/reports/{r.Id}");
            case "remove":
                r = await ReportAsync(app, api, false, false);
                return new($"/api/reports/{r.Id}/figures/{r.Figures[0].Id}?version=", HttpMethod.Delete, _ => new { }, $"/api/reports/{r.Id}");
            case "submit":
                r = await ReportAsync(app, api, false, false);
                return new($"/api/reports/{r.Id}/submit", HttpMethod.Post, v => new ReviewInput(v), $"/api/reports/{r.Id}");
            case "approve" or "return":
                r = await ReportAsync(app, api, true, false);
                return step == "approve"
                    ? new($"/api/reports/{r.Id}/approve", HttpMethod.Post, v => new ReviewInput(v), $"/api/reports/{r.Id}")
                    : new($"/api/reports/{r.Id}/return", HttpMethod.Post, v => new ReturnInput("Komplettera", v), $"/api/reports/{r.Id}");
            case "correct":
                r = await ReportAsync(app, api, true, true);
                return new($"/api/reports/{r.Id}/figures/{r.Figures[0].Id}/correct", HttpMethod.Post,
                    v => new CorrectionInput(new FigureInput { Kind = FigureKind.DropInVisits, From = new DateOnly(2024, 6, 3), Total = 13 }, "Räknefel", v), $"/api/reports/{r.Id}");
            case "meeting" or "approve minutes" or "decide deviation":
                var (pid, _, _, _, _) = await IdsAsync(app);
                var held = await (await api.PostJsonAsync($"/api/partnerships/{pid}/meetings", new NewMeetingInput(GroupKind.SteeringGroup, new DateOnly(2024, 6, 10), true))).ReadAsync<MeetingView>();
                var me = await app.WithDbAsync(db => db.Users.Where(u => u.Email == Users.Coordinator).Select(u => u.Id).SingleAsync());
                MeetingInput Minutes(Guid? v, List<string>? approvers) => new(new DateOnly(2024, 6, 10), "1. Uppföljning", "Styrgruppen gick igenom uppföljningen.",
                    [new AttendeeInput("Anna Andersson", "Folkets Husby", "Verksamhetschef", false)], [new ActionItemInput("Skicka underlaget", "Anna", new DateOnly(2024, 7, 1), null)], approvers, v);
                if (step == "meeting")
                {
                    return new($"/api/meetings/{held.Id}", HttpMethod.Put, v => Minutes(v, null), $"/api/meetings/{held.Id}");
                }
                if (step == "approve minutes")
                {
                    var named = await (await api.PutJsonAsync($"/api/meetings/{held.Id}", Minutes(held.Version, [me]))).ReadAsync<MeetingView>();
                    return new($"/api/meetings/{named.Id}/approve", HttpMethod.Post, v => new ApproveMinutesInput(v), $"/api/meetings/{named.Id}");
                }
                var activity = await app.WithDbAsync(db => db.Activities.Where(a => db.Goals.Any(g => g.Id == a.GoalId && g.AgreementId == seed)).OrderBy(a => a.Id).Select(a => a.Id).FirstAsync());
                var raised = await (await api.PostJsonAsync($"/api/partnerships/{pid}/deviations",
                    new RaiseDeviationInput(DeviationSubject.Activity, activity, "Färre träffar än planerat", "Lokalen var stängd", null, null))).ReadAsync<DeviationView>();
                return new($"/api/deviations/{raised.Id}/decide", HttpMethod.Post, v => new DecideDeviationInput(held.Id, DeviationStatus.Approved, "Avvikelsen godkänns", null, v), $"/api/deviations/{raised.Id}");
            default:
                throw new ArgumentOutOfRangeException(nameof(step));
        }
    }

    public static TheoryData<string> Steps => new(["put", "propose", "withdraw", "decide", "sign", "extend", "terminate", "targets",
        "figures", "remove", "submit", "approve", "return", "correct", "meeting", "approve minutes", "decide deviation"]);

    private static HttpRequestMessage Request(Arranged a, Guid version) => a.Method == HttpMethod.Delete
        ? new HttpRequestMessage(HttpMethod.Delete, a.Url + version)
        : new HttpRequestMessage(a.Method, a.Url) { Content = JsonContent.Create(a.Body(version), a.Body(version).GetType(), options: Http.Json) };

    [Theory, MemberData(nameof(Steps))]
    public async Task AStaleVersion_IsRefused_AndTheRightOneIsAccepted(string step)
    {
        await using var app = await SamverkaApp.StartAsync(Db.Sqlite, now: June2024);
        var api = app.ApiClient(Users.Coordinator);
        var arranged = await ArrangeAsync(app, api, step);
        var before = await api.GetStringAsync(arranged.ReadUrl);
        var current = JsonDocument.Parse(before).RootElement.GetProperty("version").GetGuid();

        var stale = await api.SendAsync(Request(arranged, Guid.NewGuid()));
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal("https://samverka.se/problems/conflict", JsonDocument.Parse(await stale.Content.ReadAsStringAsync()).RootElement.GetProperty("type").GetString());
        Assert.Equal(before, await api.GetStringAsync(arranged.ReadUrl));

        var fresh = await api.SendAsync(Request(arranged, current));
        Assert.True(fresh.IsSuccessStatusCode, $"{step}: {(int)fresh.StatusCode} {await fresh.Content.ReadAsStringAsync()}");
        Assert.NotEqual(before, await api.GetStringAsync(arranged.ReadUrl));
    }

    [Theory, MemberData(nameof(Steps))]
    public async Task WithoutAVersion_TheApiAsksForIt(string step)
    {
        await using var app = await SamverkaApp.StartAsync(Db.Sqlite, now: June2024);
        var api = app.ApiClient(Users.Coordinator);
        var arranged = await ArrangeAsync(app, api, step);
        var before = await api.GetStringAsync(arranged.ReadUrl);
        var body = JsonNode.Parse(JsonSerializer.Serialize(arranged.Body(Guid.Empty), arranged.Body(Guid.Empty).GetType(), Http.Json))!.AsObject();
        body.Remove("version");
        var request = arranged.Method == HttpMethod.Delete
            ? new HttpRequestMessage(HttpMethod.Delete, arranged.Url.Replace("?version=", "", StringComparison.Ordinal))
            : new HttpRequestMessage(arranged.Method, arranged.Url) { Content = JsonContent.Create(body) };
        var response = await api.SendAsync(request);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("errors").TryGetProperty("version", out _));
        Assert.Equal(before, await api.GetStringAsync(arranged.ReadUrl));
    }

    /// <summary>
    /// The same step taken on the page and through the API, each on a fresh copy of the same data: the same result, or
    /// the same refusal. Where page and API used to differ (the decision's case number and summary) this pins them together.
    /// </summary>
    public static TheoryData<string> Parity => new(["decide without case number", "propose without goals", "extend past the latest date", "terminate", "add a target", "return a report without comment"]);

    [Theory, MemberData(nameof(Parity))]
    public async Task PageAndApi_GiveTheSameResult(string step)
    {
        var viaApi = await RunAsync(step, page: false);
        var viaPage = await RunAsync(step, page: true);
        Assert.Equal(viaApi, viaPage);
    }

    /// <summary>Takes the step one way and returns what a person would compare: the outcome's message, or the resulting record without its version.</summary>
    private static async Task<string> RunAsync(string step, bool page)
    {
        await using var app = await SamverkaApp.StartAsync(Db.Sqlite, now: June2024);
        var api = app.ApiClient(Users.Coordinator);
        var browser = await app.SignedInClientAsync(Users.Coordinator);
        var (_, seed, husby, _, goal) = await IdsAsync(app);
        async Task<string> Result(int agreementId, HttpResponseMessage response)
        {
            if (!page && !response.IsSuccessStatusCode)
            {
                var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
                return "refused: " + (problem.TryGetProperty("errors", out var errors)
                    ? string.Join(" ", errors.EnumerateObject().SelectMany(e => e.Value.EnumerateArray().Select(x => x.GetString())))
                    : problem.GetProperty("title").GetString());
            }
            if (page && response.StatusCode != HttpStatusCode.Redirect)
            {
                var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
                // The error summary at the top lists every message, field or not.
                var summary = System.Text.RegularExpressions.Regex.Match(html, "error-summary.*?</ul>", System.Text.RegularExpressions.RegexOptions.Singleline).Value;
                var errors = System.Text.RegularExpressions.Regex.Matches(summary, "<li>(?:<a [^>]*>)?([^<]+)(?:</a>)?</li>").Select(m => m.Groups[1].Value);
                return "refused: " + string.Join(" ", errors.Distinct());
            }
            var doc = JsonNode.Parse(await api.GetStringAsync($"/api/agreements/{agreementId}"))!.AsObject();
            doc.Remove("version");
            return doc.ToJsonString();
        }
        switch (step)
        {
            case "decide without case number":
                var proposed = await StepAsync(api, await DraftAsync(app, api), "propose", v => new ProposeInput(new DateOnly(2024, 6, 20), v));
                return await Result(proposed.Id!.Value, page
                    ? await browser.PostFormAsync($"/Agreements/Details/{proposed.Id}", new() { ["Step.Date"] = "2024-06-20", ["Step.Paragraph"] = "§ 3", ["Step.Version"] = proposed.Version.ToString()! }, "Decide")
                    : await api.PostJsonAsync($"/api/agreements/{proposed.Id}/decide", new DecideInput(new DateOnly(2024, 6, 20), "§ 3", null, null, proposed.Version)));
            case "propose without goals":
                var draft = await DraftAsync(app, api);
                draft = await (await api.PutJsonAsync($"/api/agreements/{draft.Id}", draft with { Goals = [] })).ReadAsync<AgreementDocument>();
                return await Result(draft.Id!.Value, page
                    ? await browser.PostFormAsync($"/Agreements/Details/{draft.Id}", new() { ["Step.Date"] = "2024-06-20", ["Step.Version"] = draft.Version.ToString()! }, "Propose")
                    : await api.PostJsonAsync($"/api/agreements/{draft.Id}/propose", new ProposeInput(new DateOnly(2024, 6, 20), draft.Version)));
            case "extend past the latest date" or "terminate":
                var current = await (await api.GetAsync($"/api/agreements/{seed}")).ReadAsync<AgreementDocument>();
                var fields = step == "terminate"
                    ? new Dictionary<string, string> { ["Step.Date"] = "2024-06-03", ["Step.OrganisationId"] = $"{husby}", ["Step.Version"] = current.Version.ToString()! }
                    : new Dictionary<string, string> { ["Step.NewEndDate"] = "2027-06-30", ["Step.Date"] = "2024-06-10", ["Step.Paragraph"] = "§ 8", ["Step.Version"] = current.Version.ToString()! };
                return await Result(seed, page
                    ? await browser.PostFormAsync($"/Agreements/Details/{seed}", fields, step == "terminate" ? "Terminate" : "Extend")
                    : step == "terminate"
                        ? await api.PostJsonAsync($"/api/agreements/{seed}/terminate", new TerminateInput(new DateOnly(2024, 6, 3), husby, current.Version))
                        : await api.PostJsonAsync($"/api/agreements/{seed}/extend", new ExtendInput(new DateOnly(2027, 6, 30), new DateOnly(2024, 6, 10), "§ 8", null, current.Version)));
            case "add a target":
                current = await (await api.GetAsync($"/api/agreements/{seed}")).ReadAsync<AgreementDocument>();
                return await Result(seed, page
                    ? await browser.PostFormAsync($"/Agreements/AddTarget/{seed}", new()
                    {
                        ["Input.GoalId"] = $"{goal}",
                        ["Input.Description"] = "40 unga skrivs in vid Jobbtorg",
                        ["Input.Kind"] = "Count",
                        ["Input.TargetValue"] = "40",
                        ["Input.ResponsibleOrganisationId"] = $"{husby}",
                        ["Input.AddedOn"] = "2024-06-10",
                        ["Input.DecidedBy"] = "SteeringGroup",
                        ["Input.Paragraph"] = "§ 3",
                        ["Input.Version"] = current.Version.ToString()!,
                    })
                    : await api.PostJsonAsync($"/api/agreements/{seed}/targets", new AddTargetInput(goal,
                        new ExpectedResultDto(null, "40 unga skrivs in vid Jobbtorg", TargetKind.Count, 40, null, null, null, null, husby, null, null, null),
                        new DateOnly(2024, 6, 10), DecisionMaker.SteeringGroup, "§ 3", null, current.Version)));
            case "return a report without comment":
                var r = await ReportAsync(app, api, true, false);
                return await Result(seed, page
                    ? await browser.PostFormAsync($"/Results/Report/{r.Id}", new() { ["Comment"] = "", ["Version"] = r.Version.ToString() }, "Return")
                    : await api.PostJsonAsync($"/api/reports/{r.Id}/return", new ReturnInput("", r.Version)));
            default:
                throw new ArgumentOutOfRangeException(nameof(step));
        }
    }
}
