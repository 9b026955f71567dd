using System.IO.Compression;
using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Samverka.Tests.Support;
using Samverka.Web.Features.Registry;

namespace Samverka.Tests.Features.Registry;

/// <summary>
/// A confidential (sekretessmarkerad) document: the entry is listed for the partnership's users as a public diarium
/// shows it; its file, counterparty and description only for the board's administration and people granted access.
/// </summary>
public class ConfidentialityTests
{
    private static readonly byte[] Pdf = TestFiles.Pdf;
    private const string Secret = "Läkarintyg för anställd hos Folkets Husby";
    private const string Shown = "Handling som rör en enskild person";

    /// <summary>What each role gets: sees the entry at all, opens the file and the full entry.</summary>
    public static TheoryData<string, bool, bool> Matrix => new()
    {
        { Users.Coordinator, true, true },
        { Users.CaseOfficer, true, true },
        { Users.Head, true, true },
        { Users.BoardMember, false, false },
        { Users.FolketsHusby, true, false },
        { Users.IogtSpanga, false, false },
        { Users.SteeringMember, true, false },
    };

    private static async Task<(int Partnership, int Board, int Document)> RegisterConfidentialAsync(SamverkaApp app)
    {
        var (pid, board) = await app.WithDbAsync(async db => await db.Partnerships.Where(p => p.CaseNumber == "JÄRVA 2023/549").Select(p => new ValueTuple<int, int>(p.Id, p.BoardId)).SingleAsync());
        var response = await app.ApiClient(Users.Coordinator).PostJsonAsync($"/api/partnerships/{pid}/registry", new RegisterDocumentInput(
            new DateOnly(2024, 6, 1), Direction.Received, "Företagshälsan AB", Secret, DocumentKind.Letter, true, "OSL 21 kap. 1 §", Shown, null, "intyg.pdf", Convert.ToBase64String(Pdf)));
        var entry = await response.ReadAsync<RegistryEntryView>();
        return (pid, board, entry.Id);
    }

    [Theory, MemberData(nameof(Matrix))]
    public async Task ConfidentialDocument_ForEveryRole(string user, bool seesEntry, bool opens)
    {
        await using var app = await SamverkaApp.StartAsync(Db.Sqlite, now: new DateTimeOffset(2024, 6, 15, 10, 0, 0, TimeSpan.Zero));
        var (_, board, id) = await RegisterConfidentialAsync(app);
        var api = app.ApiClient(user);

        var list = await (await api.GetAsync($"/api/boards/{board}/registry?caseNumber=JÄRVA%202023/549")).ReadAsync<List<RegistryEntryView>>();
        var listed = list.SingleOrDefault(e => e.Id == id);
        Assert.Equal(seesEntry, listed is not null);
        var detail = await api.GetAsync($"/api/registry/{id}");
        var file = await api.GetAsync($"/api/registry/{id}/file");
        var zip = await api.GetAsync($"/api/boards/{board}/registry/export?caseNumber=JÄRVA%202023/549");
        var page = await (await app.SignedInClientAsync(user)).GetAsync($"/Registry/Document/{id}");
        var pageFile = await (await app.SignedInClientAsync(user)).GetAsync($"/Registry/Document/{id}?handler=File");
        if (!seesEntry)
        {
            Assert.Equal(HttpStatusCode.NotFound, detail.StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, file.StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, pageFile.StatusCode);
            Assert.DoesNotContain(Secret, await zip.Content.ReadAsStringAsync());
            return;
        }
        // Everyone who sees the case sees that the document exists, with its number, date, ground and the description fit to show.
        Assert.Equal((opens, opens ? Secret : Shown, "OSL 21 kap. 1 §"), (listed!.CanOpen, listed.Description, listed.ConfidentialityNote));
        Assert.Equal(opens ? "Företagshälsan AB" : null, listed.Counterparty);
        var view = await detail.ReadAsync<RegistryDocumentView>();
        Assert.Equal(opens, view.Entry.CanOpen);
        var pageHtml = WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync());
        Assert.Equal(opens, pageHtml.Contains(Secret, StringComparison.Ordinal));
        if (!opens)
        {
            Assert.Contains(Shown, pageHtml);
            Assert.DoesNotContain("Företagshälsan AB", pageHtml);
        }
        Assert.Equal(opens ? HttpStatusCode.OK : HttpStatusCode.Forbidden, file.StatusCode);
        Assert.Equal(opens ? HttpStatusCode.OK : HttpStatusCode.Forbidden, pageFile.StatusCode);
        if (opens)
        {
            Assert.Equal(Pdf, await file.Content.ReadAsByteArrayAsync());
        }
        using var archive = new ZipArchive(await zip.Content.ReadAsStreamAsync());
        Assert.Equal(opens, archive.Entries.Any(e => e.Name.EndsWith("intyg.pdf", StringComparison.Ordinal)));
        using var listing = new StreamReader(archive.GetEntry("registry.json")!.Open());
        Assert.Equal(opens, (await listing.ReadToEndAsync()).Contains(Secret, StringComparison.Ordinal));

        // Search cannot reveal what the document says.
        var search = await (await api.GetAsync($"/api/boards/{board}/registry?text=Läkarintyg")).ReadAsync<List<RegistryEntryView>>();
        Assert.Equal(opens, search.Any(e => e.Id == id));
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task AccessGranted_WithAReason_OpensTheFile_AndEveryOpeningIsAudited(Db db)
    {
        await using var app = await SamverkaApp.StartAsync(db, now: new DateTimeOffset(2024, 6, 15, 10, 0, 0, TimeSpan.Zero));
        var (_, _, id) = await RegisterConfidentialAsync(app);
        var coordinator = app.ApiClient(Users.Coordinator);
        var partner = app.ApiClient(Users.FolketsHusby);
        var partnerId = await app.WithDbAsync(ctx => ctx.Users.Where(u => u.Email == Users.FolketsHusby).Select(u => u.Id).SingleAsync());

        Assert.Equal(HttpStatusCode.Forbidden, (await partner.GetAsync($"/api/registry/{id}/file")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await partner.PostJsonAsync($"/api/registry/{id}/grants", new GrantInput(partnerId, "Själv"))).StatusCode);
        var noReason = await coordinator.PostJsonAsync($"/api/registry/{id}/grants", new GrantInput(partnerId, " "));
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);

        var granted = await (await coordinator.PostJsonAsync($"/api/registry/{id}/grants", new GrantInput(partnerId, "Verksamhetschefen behöver intyget för rehabiliteringen."))).ReadAsync<RegistryDocumentView>();
        var grant = Assert.Single(granted.Grants!);
        Assert.Equal(("Verksamhetschefen behöver intyget för rehabiliteringen.", "Demo IOP-koordinator (Järva)"), (grant.Reason, grant.GrantedBy));
        Assert.Equal(Pdf, await (await partner.GetAsync($"/api/registry/{id}/file")).Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.OK, (await coordinator.GetAsync($"/api/registry/{id}/file")).StatusCode);

        // The openings are in the audit trail: who, when, in the partnership's history.
        var openings = await app.WithDbAsync(ctx => ctx.AuditEntries.Where(e => e.EntityType == nameof(DocumentOpening)).OrderBy(e => e.Id).ToListAsync());
        Assert.Equal(["Demo medarbetare (Folkets Husby)", "Demo IOP-koordinator (Järva)"], openings.Select(e => e.UserName));
        Assert.All(openings, e => Assert.NotNull(e.PartnershipId));
        var grantAudit = await app.WithDbAsync(ctx => ctx.AuditEntries.Where(e => e.EntityType == nameof(ConfidentialAccess)).Select(e => e.Changes).SingleAsync());
        Assert.Contains("rehabiliteringen", grantAudit);

        var revoked = await (await coordinator.DeleteAsync($"/api/registry/{id}/grants/{grant.Id}")).ReadAsync<RegistryDocumentView>();
        Assert.NotNull(Assert.Single(revoked.Grants!).RevokedAt);
        Assert.Equal(HttpStatusCode.Forbidden, (await partner.GetAsync($"/api/registry/{id}/file")).StatusCode);
    }

    [Fact]
    public async Task Confidential_WithoutADescriptionFitToShow_IsRefused()
    {
        await using var app = await SamverkaApp.StartAsync(Db.Sqlite, now: new DateTimeOffset(2024, 6, 15, 10, 0, 0, TimeSpan.Zero));
        var pid = await app.WithDbAsync(ctx => ctx.Partnerships.Where(p => p.CaseNumber == "JÄRVA 2023/549").Select(p => p.Id).SingleAsync());
        var before = await app.WithDbAsync(ctx => ctx.RegistryDocuments.CountAsync());
        var response = await app.ApiClient(Users.Coordinator).PostJsonAsync($"/api/partnerships/{pid}/registry", new RegisterDocumentInput(
            new DateOnly(2024, 6, 1), Direction.Received, "Företagshälsan AB", Secret, DocumentKind.Letter, true, null, null, null, null, null));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.True(problem.GetProperty("errors").TryGetProperty("publicDescription", out _));
        Assert.Equal(before, await app.WithDbAsync(ctx => ctx.RegistryDocuments.CountAsync()));
    }
}
