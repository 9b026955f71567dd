using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Samverka.Tests.Support;
using Samverka.Web.Features.Agreements;

namespace Samverka.Tests.Features.Agreements;

public class AgreementsApiTests
{
    private static readonly DateTimeOffset June2024 = new(2024, 6, 15, 10, 0, 0, TimeSpan.Zero);

    private static async Task<(int PartnershipId, int HusbyOrg, int JarvaOrg)> Ids(SamverkaApp app) => await app.WithDbAsync(async db =>
        (await db.Partnerships.Where(p => p.CaseNumber == "JÄRVA 2023/549").Select(p => p.Id).SingleAsync(),
         await db.Organisations.Where(o => o.Name == "Folkets Husby").Select(o => o.Id).SingleAsync(),
         await db.Organisations.Where(o => o.Name == "Järva stadsdelsförvaltning").Select(o => o.Id).SingleAsync()));

    private static AgreementDocument NewAgreement(int partnershipId, int husby, int jarva) => new()
    {
        PartnershipId = partnershipId,
        Title = "Överenskommelse Folkets Husby 2027",
        StartDate = new DateOnly(2027, 1, 1),
        EndDate = new DateOnly(2027, 12, 31),
        LatestExtensionDate = new DateOnly(2028, 12, 31),
        NoticePeriodMonths = 3,
        AnnualGrant = 1_400_000m,
        Parties =
        [
            new PartyDto(null, husby, PartyRole.NonProfit, null, null, null, null, null, null, "Hedvig Wiezell", "Verksamhetschef", null),
            new PartyDto(null, jarva, PartyRole.PublicBody, null, null, null, null, null, null, "Victoria Callenmark", "Stadsdelsdirektör", null),
        ],
        Goals = [new GoalDto(null, 1, "Tillgängliggöra befintligt stöd", "Målgruppen saknar kunskap om stöd.", null,
            [new ExpectedResultDto(null, "Två arrangemang, 50 besökare per arrangemang", TargetKind.CountPerEvent, 50, 2, "besökare", null, null, husby, null, null, null)],
            [new ActivityDto(null, "Drop in-verksamhet", "Samtliga aktörer", null)])],
        BudgetLines = [new BudgetLineDto(null, "Lönekostnader", 1_050_000m), new BudgetLineDto(null, "Lokalkostnader", 350_000m)],
    };

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task Create_ThenRead_KeepsEverySection(Db db)
    {
        await using var app = await SamverkaApp.StartAsync(db);
        var (pid, husby, jarva) = await Ids(app);
        var api = app.ApiClient(Users.Coordinator);
        var created = await (await api.PostJsonAsync("/api/agreements", NewAgreement(pid, husby, jarva))).ReadAsync<AgreementDocument>();
        var read = await (await api.GetAsync($"/api/agreements/{created.Id}")).ReadAsync<AgreementDocument>();
        Assert.Equal(AgreementStatus.Draft, read.Lifecycle!.Status);
        Assert.Equal(1_400_000m, read.AnnualGrant);
        Assert.Equal(2, read.Parties!.Count);
        Assert.Equal("802497-1221", read.Parties[0].OrganisationNumber); // filled from the register
        var target = Assert.Single(Assert.Single(read.Goals!).ExpectedResults!);
        Assert.Equal((TargetKind.CountPerEvent, 50m, 2), (target.Kind, target.TargetValue!.Value, target.EventCount!.Value));
        Assert.Equal(1_400_000m, read.BudgetLines!.Sum(l => l.Amount));
        Assert.Equal(AgreementStep.Created, Assert.Single(read.Lifecycle.Events).Step);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task Create_BadInput_IsRefusedInSwedishAndSavesNothing(Db db)
    {
        await using var app = await SamverkaApp.StartAsync(db);
        var (pid, husby, jarva) = await Ids(app);
        var api = app.ApiClient(Users.Coordinator);
        var before = await app.WithDbAsync(ctx => ctx.Agreements.CountAsync());
        var good = NewAgreement(pid, husby, jarva);

        var cases = new (AgreementDocument Doc, string Field, string Swedish)[]
        {
            (good with { BudgetLines = [new BudgetLineDto(null, "Lön", 1_000_000m)] }, "budgetLines", "Budgetposterna summerar till 1 000 000 men det årliga bidraget är 1 400 000."),
            (good with { EndDate = new DateOnly(2026, 12, 31) }, "endDate", "Slutdatum får inte vara före startdatum."),
            (good with { Title = new string('x', 301) }, "title", "Texten är för lång: 301 tecken, högst 300."),
            (good with { StartDate = new DateOnly(2024, 6, 1), EndDate = new DateOnly(2024, 12, 31), LatestExtensionDate = null }, "startDate", "Perioden överlappar överenskommelsen"),
        };
        foreach (var (doc, field, swedish) in cases)
        {
            var response = await api.PostJsonAsync("/api/agreements", doc);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            var messages = problem.GetProperty("errors").GetProperty(field).EnumerateArray().Select(e => e.GetString()).ToList();
            Assert.Contains(messages, m => m!.Replace('\u00A0', ' ').StartsWith(swedish, StringComparison.Ordinal));
        }
        Assert.Equal(before, await app.WithDbAsync(ctx => ctx.Agreements.CountAsync()));
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task Update_WithAnOldVersion_IsAConflictAndKeepsTheOtherChange(Db db)
    {
        await using var app = await SamverkaApp.StartAsync(db);
        var (pid, husby, jarva) = await Ids(app);
        var api = app.ApiClient(Users.Coordinator);
        var created = await (await api.PostJsonAsync("/api/agreements", NewAgreement(pid, husby, jarva))).ReadAsync<AgreementDocument>();

        var first = await (await api.PutJsonAsync($"/api/agreements/{created.Id}", created with { Purpose = "Första ändringen" })).ReadAsync<AgreementDocument>();
        Assert.NotEqual(created.Version, first.Version);
        var stale = await api.PutJsonAsync($"/api/agreements/{created.Id}", created with { Purpose = "Andra ändringen, på gammal version" });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);

        var now = await (await api.GetAsync($"/api/agreements/{created.Id}")).ReadAsync<AgreementDocument>();
        Assert.Equal("Första ändringen", now.Purpose);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task Update_KeepsTheIdsOfChildrenItNames(Db db)
    {
        await using var app = await SamverkaApp.StartAsync(db);
        var (pid, husby, jarva) = await Ids(app);
        var api = app.ApiClient(Users.Coordinator);
        var created = await (await api.PostJsonAsync("/api/agreements", NewAgreement(pid, husby, jarva))).ReadAsync<AgreementDocument>();
        var goal = created.Goals![0];
        var target = goal.ExpectedResults![0];
        var changed = created with
        {
            Goals = [goal with { ExpectedResults = [target with { TargetValue = 60 }, new ExpectedResultDto(null, "Antal nådda 300", TargetKind.Count, 300, null, "personer", null, null, null, null, null, null)] }],
        };
        var updated = await (await api.PutJsonAsync($"/api/agreements/{created.Id}", changed)).ReadAsync<AgreementDocument>();
        var results = updated.Goals![0].ExpectedResults!;
        Assert.Equal(target.Id, results[0].Id);
        Assert.Equal(60m, results[0].TargetValue);
        Assert.Equal(2, results.Count);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task Life_ProposeDecideSign_ThenRefusesEditing(Db db)
    {
        await using var app = await SamverkaApp.StartAsync(db, now: new DateTimeOffset(2026, 11, 1, 9, 0, 0, TimeSpan.Zero));
        var (pid, husby, jarva) = await Ids(app);
        var api = app.ApiClient(Users.Coordinator);
        var a = await (await api.PostJsonAsync("/api/agreements", NewAgreement(pid, husby, jarva))).ReadAsync<AgreementDocument>();

        var decideEarly = await api.PostJsonAsync($"/api/agreements/{a.Id}/decide", new DecideInput(new DateOnly(2026, 11, 26), "§ 14", "JÄRVA 2023/549", null, a.Version));
        Assert.Equal(HttpStatusCode.BadRequest, decideEarly.StatusCode);
        Assert.Contains("Bara en föreslagen överenskommelse kan beslutas.", await decideEarly.Content.ReadAsStringAsync());

        a = await (await api.PostJsonAsync($"/api/agreements/{a.Id}/propose", new ProposeInput(new DateOnly(2026, 11, 26), a.Version))).ReadAsync<AgreementDocument>();
        Assert.Equal(AgreementStatus.Proposed, a.Lifecycle!.Status);
        a = await (await api.PostJsonAsync($"/api/agreements/{a.Id}/decide", new DecideInput(new DateOnly(2026, 11, 26), "§ 14", "JÄRVA 2023/549", null, a.Version))).ReadAsync<AgreementDocument>();
        Assert.Equal(("§ 14", "JÄRVA 2023/549"), (a.Lifecycle!.Decision!.Paragraph, a.Lifecycle.Decision.CaseNumber));

        var edit = await api.PutJsonAsync($"/api/agreements/{a.Id}", a with { Purpose = "Ändrat efter beslut" });
        Assert.Equal(HttpStatusCode.BadRequest, edit.StatusCode);

        foreach (var party in a.Parties!)
        {
            a = await (await api.PostJsonAsync($"/api/agreements/{a.Id}/sign", new SignInput(party.Id!.Value, new DateOnly(2026, 12, 1), a.Version))).ReadAsync<AgreementDocument>();
        }
        Assert.Equal(AgreementStatus.Signed, a.Lifecycle!.Status);
        Assert.Equal(
            [AgreementStep.Created, AgreementStep.Proposed, AgreementStep.Decided, AgreementStep.Signed, AgreementStep.Signed],
            a.Lifecycle.Events.Select(e => e.Step));
        Assert.All(a.Lifecycle.Events, e => Assert.Equal("Demo IOP-koordinator (Järva)", e.RecordedBy));

        // The signed agreement is registered in the case, with its Word document.
        var registered = await app.WithDbAsync(ctx => ctx.RegistryDocuments.SingleAsync(d => d.Kind == Samverka.Web.Features.Registry.DocumentKind.Agreement));
        Assert.Equal(("JÄRVA 2023/549", AgreementDocx.ContentType), (registered.CaseNumber, registered.ContentType));
        Assert.StartsWith("Överenskommelse Folkets Husby 2027, undertecknad", registered.Description);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task Extend_TheSeedAgreement_WithinAndPastTheLatestDate(Db db)
    {
        await using var app = await SamverkaApp.StartAsync(db, now: June2024);
        var id = await app.WithDbAsync(ctx => ctx.Agreements.Where(a => a.Title == "Överenskommelse Folkets Husby").Select(a => a.Id).SingleAsync());
        var api = app.ApiClient(Users.Coordinator);
        var version = (await (await api.GetAsync($"/api/agreements/{id}")).ReadAsync<AgreementDocument>()).Version;

        var tooFar = await api.PostJsonAsync($"/api/agreements/{id}/extend", new ExtendInput(new DateOnly(2027, 6, 30), new DateOnly(2024, 5, 20), "§ 8", null, version));
        Assert.Equal(HttpStatusCode.BadRequest, tooFar.StatusCode);
        Assert.Contains("2026-12-31", await tooFar.Content.ReadAsStringAsync());

        var a = await (await api.PostJsonAsync($"/api/agreements/{id}/extend", new ExtendInput(new DateOnly(2025, 12, 31), new DateOnly(2024, 5, 20), "§ 8", null, version))).ReadAsync<AgreementDocument>();
        Assert.Equal(new DateOnly(2025, 12, 31), a.EndDate);
        Assert.Equal(AgreementStatus.Extended, a.Lifecycle!.Status);
        Assert.Equal(new DateOnly(2024, 12, 31), Assert.Single(a.Lifecycle.Extensions).PreviousEndDate);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task Terminate_TheSeedAgreement_EndsAfterTheNoticePeriod(Db db)
    {
        await using var app = await SamverkaApp.StartAsync(db, now: June2024);
        var (id, husby) = await app.WithDbAsync(async ctx => (
            await ctx.Agreements.Where(a => a.Title == "Överenskommelse Folkets Husby").Select(a => a.Id).SingleAsync(),
            await ctx.Organisations.Where(o => o.Name == "Folkets Husby").Select(o => o.Id).SingleAsync()));
        var api = app.ApiClient(Users.Coordinator);
        var version = (await (await api.GetAsync($"/api/agreements/{id}")).ReadAsync<AgreementDocument>()).Version;

        var early = await api.PostJsonAsync($"/api/agreements/{id}/terminate", new TerminateInput(new DateOnly(2023, 12, 1), husby, version));
        Assert.Equal(HttpStatusCode.BadRequest, early.StatusCode);
        Assert.Contains("innan överenskommelsen började gälla", await early.Content.ReadAsStringAsync());

        var a = await (await api.PostJsonAsync($"/api/agreements/{id}/terminate", new TerminateInput(new DateOnly(2024, 6, 3), husby, version))).ReadAsync<AgreementDocument>();
        Assert.Equal(AgreementStatus.NoticeGiven, a.Lifecycle!.Status); // it still runs until its new end date
        Assert.Equal(new DateOnly(2024, 9, 3), a.EndDate);
        var page = WebUtility.HtmlDecode(await (await app.SignedInClientAsync(Users.Coordinator)).GetStringAsync($"/Agreements/Details/{id}"));
        Assert.Contains("Aktiv, uppsagd: upphör 2024-09-03", page, StringComparison.Ordinal);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task PartnerAndAttestingHead_CannotChangeAgreements(Db db)
    {
        await using var app = await SamverkaApp.StartAsync(db);
        var (pid, husby, jarva) = await Ids(app);
        var before = await app.WithDbAsync(ctx => ctx.Agreements.CountAsync());
        foreach (var user in new[] { Users.FolketsHusby, Users.Head, Users.SteeringMember })
        {
            var response = await app.ApiClient(user).PostJsonAsync("/api/agreements", NewAgreement(pid, husby, jarva));
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        }
        Assert.Equal(before, await app.WithDbAsync(ctx => ctx.Agreements.CountAsync()));
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task BoardMember_SeesOnlyDecidedAgreements(Db db)
    {
        await using var app = await SamverkaApp.StartAsync(db);
        var (pid, husby, jarva) = await Ids(app);
        var draft = await (await app.ApiClient(Users.Coordinator).PostJsonAsync("/api/agreements", NewAgreement(pid, husby, jarva))).ReadAsync<AgreementDocument>();
        var member = app.ApiClient(Users.BoardMember);
        Assert.Equal(HttpStatusCode.NotFound, (await member.GetAsync($"/api/agreements/{draft.Id}")).StatusCode);
        var list = await (await member.GetAsync("/api/agreements")).ReadAsync<List<AgreementRow>>();
        Assert.DoesNotContain(list, r => r.Id == draft.Id);
        Assert.Contains(list, r => r.Title == "Överenskommelse Folkets Husby");
    }
}
