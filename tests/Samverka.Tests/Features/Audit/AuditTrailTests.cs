using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Samverka.Tests.Support;
using Samverka.Web.Features.Agreements;
using Samverka.Web.Features.Audit;

namespace Samverka.Tests.Features.Audit;

public class AuditTrailTests
{
    private static readonly byte[] Key = Convert.FromBase64String(SamverkaApp.TestAuditKey);

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task AChange_IsKeptWithWhoWhenAndFromTo(Db db)
    {
        await using var app = await SamverkaApp.StartAsync(db);
        var org = await app.WithDbAsync(ctx => ctx.Organisations.Where(o => o.Name == "IOGT-NTO Spånga").Select(o => new { o.Id, o.Version }).SingleAsync());
        var before = await app.WithDbAsync(ctx => ctx.AuditEntries.MaxAsync(e => e.Id));
        (await app.ApiClient(Users.Coordinator).PutJsonAsync($"/api/organisations/{org.Id}",
            new Samverka.Web.Features.Organisations.OrganisationInput("IOGT-NTO Spånga", Samverka.Web.Features.Organisations.OrganisationKind.NonProfit, null, "Spångavägen 1", null, null, "Styrelse", org.Version))).EnsureSuccessStatusCode();

        var entry = await app.WithDbAsync(ctx => ctx.AuditEntries.Where(e => e.Id > before).OrderBy(e => e.Id).FirstAsync(e => e.EntityType == "Organisation"));
        Assert.Equal((AuditAction.Modified, "Demo IOP-koordinator (Järva)", org.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)), (entry.Action, entry.UserName, entry.EntityKey));
        var changes = JsonDocument.Parse(entry.Changes).RootElement;
        Assert.Equal(JsonValueKind.Null, changes.GetProperty("Address")[0].ValueKind);
        Assert.Equal("Spångavägen 1", changes.GetProperty("Address")[1].GetString());
        Assert.Equal("Styrelse", changes.GetProperty("DecisionMakingBody")[1].GetString());
        Assert.False(changes.TryGetProperty("Version", out _));
        Assert.True((await app.WithDbAsync(ctx => AuditCommand.VerifyAsync(ctx, Key))).Intact);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task ATamperedRow_IsDetected_AndTheCommandNamesIt(Db db)
    {
        await using var app = await SamverkaApp.StartAsync(db);
        var target = await app.WithDbAsync(ctx => ctx.AuditEntries.Where(e => e.EntityType == "BudgetLine").OrderBy(e => e.Id).Select(e => e.Id).FirstAsync());
        await app.WithDbAsync(ctx => ctx.Database.ExecuteSqlRawAsync(
            "UPDATE \"AuditEntries\" SET \"UserName\" = 'Någon annan' WHERE \"Id\" = {0}", target));

        var output = new StringWriter();
        var exit = await AuditCommand.RunAsync(app.Services, output);
        Assert.Equal(1, exit);
        Assert.Contains($"broken at entry {target} (BudgetLine", output.ToString());
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task RemovingTheNewestEntries_OrTheHead_IsFoundByTheCommand(Db db)
    {
        await using var app = await SamverkaApp.StartAsync(db);
        var output = new StringWriter();
        Assert.Equal(0, await AuditCommand.RunAsync(app.Services, output));
        var newest = await app.WithDbAsync(ctx => ctx.AuditEntries.OrderByDescending(e => e.Id).Select(e => e.Id).Take(3).ToListAsync());
        await app.WithDbAsync(ctx => ctx.Database.ExecuteSqlRawAsync("DELETE FROM \"AuditEntries\" WHERE \"Id\" >= {0}", newest[^1]));

        output = new StringWriter();
        Assert.Equal(1, await AuditCommand.RunAsync(app.Services, output));
        Assert.Contains("the newest entries have been removed", output.ToString());

        await app.WithDbAsync(ctx => ctx.Database.ExecuteSqlRawAsync("DELETE FROM \"AuditHead\""));
        output = new StringWriter();
        Assert.Equal(1, await AuditCommand.RunAsync(app.Services, output));
        Assert.Contains("head record is missing", output.ToString());
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task TheChainWritten_IsKeyed_SoTheDatabaseAloneCannotRecomputeIt(Db db)
    {
        await using var app = await SamverkaApp.StartAsync(db);
        var entries = await app.WithDbAsync(ctx => ctx.AuditEntries.AsNoTracking().OrderBy(e => e.Id).ToListAsync());
        Assert.All(entries, e => Assert.True(e.Keyed));
        // Without the key, the plain hash of an entry is not what is stored.
        var first = entries[0];
        first.Keyed = false;
        Assert.NotEqual(first.Hash, first.ComputeHash(null));
        // With another key the command finds the chain broken from its head.
        var verdict = await app.WithDbAsync(ctx => AuditCommand.VerifyAsync(ctx, Enumerable.Repeat((byte)1, 32).ToArray()));
        Assert.False(verdict.Intact);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task TheCheck_ReadsTheWholeTrailInBatches(Db db)
    {
        await using var app = await SamverkaApp.StartAsync(db);
        var ids = await app.WithDbAsync(ctx => ctx.AuditEntries.OrderBy(e => e.Id).Select(e => e.Id).ToListAsync());
        Assert.True(ids.Count > 20, "the demo data gives several batches of 7");
        Assert.Equal(ids, await app.WithDbAsync(async ctx => (await AuditCommand.InIdOrder(ctx, batchSize: 7).ToListAsync()).Select(e => e.Id).ToList()));

        await app.WithDbAsync(ctx => ctx.Database.ExecuteSqlRawAsync("UPDATE \"AuditEntries\" SET \"UserName\" = 'Någon annan' WHERE \"Id\" = {0}", ids[^2]));
        var head = await app.WithDbAsync(ctx => ctx.Set<AuditHead>().AsNoTracking().SingleAsync());
        Assert.Equal(ids[^2], (await app.WithDbAsync(ctx => AuditChain.VerifyAsync(AuditCommand.InIdOrder(ctx, batchSize: 7), head, Key))).BrokenAt);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task PartnershipHistory_ShowsItsChanges_ToItsOwnUsersOnly(Db db)
    {
        await using var app = await SamverkaApp.StartAsync(db);
        var pidGood = await app.WithDbAsync(ctx => ctx.Partnerships.Where(p => p.CaseNumber == "JÄRVA 2023/549").Select(p => p.Id).SingleAsync());
        var draft = await (await app.ApiClient(Users.Coordinator).PostJsonAsync("/api/agreements", new AgreementDocument
        {
            PartnershipId = pidGood,
            Title = "Överenskommelse Folkets Husby 2027",
            StartDate = new DateOnly(2027, 1, 1),
            EndDate = new DateOnly(2027, 12, 31),
            AnnualGrant = 500_000m,
        })).ReadAsync<AgreementDocument>();

        var own = WebUtility.HtmlDecode(await (await app.SignedInClientAsync(Users.FolketsHusby)).GetStringAsync($"/Partnerships/History/{pidGood}"));
        Assert.Contains("Demo IOP-koordinator (Järva)", own);
        Assert.Contains($"Tillagd: Överenskommelse {draft.Id}", own);
        Assert.Contains("Överenskommelse Folkets Husby 2027", own);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.SignedInClientAsync(Users.IogtSpanga)).GetAsync($"/Partnerships/History/{pidGood}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.SignedInClientAsync(Users.BoardMember)).GetAsync($"/Partnerships/History/{pidGood}")).StatusCode);
    }
}
