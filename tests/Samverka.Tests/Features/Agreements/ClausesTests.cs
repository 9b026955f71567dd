using System.Net;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.EntityFrameworkCore;
using Samverka.Tests.Support;
using Samverka.Web.Features.Agreements;
using Samverka.Web.Features.Organisations;
using Samverka.Web.Features.Partnerships;
using Samverka.Web.Features.Registry;

namespace Samverka.Tests.Features.Agreements;

/// <summary>
/// Issue 23, item 6: clauses real agreements have — a grant adjusted each year, a one-off amount, who took the initiative,
/// and the partner's legal form — held as data, shown, written into the DOCX and counted in the portfolio.
/// </summary>
public class ClausesTests
{
    private static async Task<(int Id, Guid Version, int Organisation)> DraftAsync(SamverkaApp app, HttpClient api, Func<AgreementDocument, AgreementDocument> with)
    {
        var org = await (await api.PostJsonAsync("/api/organisations",
            new OrganisationInput("Föreningen Gemenskap", OrganisationKind.NonProfit, "802500-1234", null, null, null, "Styrelse", null, LegalForm.NonProfitAssociation))).ReadAsync<OrganisationView>();
        Assert.Equal(LegalForm.NonProfitAssociation, org.LegalForm);
        var (board, administration) = await app.WithDbAsync(async db => (
            await db.Boards.Where(b => b.Name == "Järva stadsdelsnämnd").Select(b => b.Id).SingleAsync(),
            await db.Organisations.Where(o => o.Name == "Järva stadsdelsförvaltning").Select(o => o.Id).SingleAsync()));
        var partnership = await (await api.PostJsonAsync("/api/partnerships", new PartnershipInput("IOP Gemenskap", board, org.Id, null, null))).ReadAsync<PartnershipView>();
        var created = await api.PostJsonAsync("/api/agreements", with(new AgreementDocument
        {
            PartnershipId = partnership.Id,
            Title = "Överenskommelse om gemenskap i Järva",
            StartDate = new DateOnly(2027, 1, 1),
            EndDate = new DateOnly(2029, 12, 31),
            AnnualGrant = 600_000m,
            Parties =
            [
                new PartyDto(null, org.Id, PartyRole.NonProfit, null, null, null, null, null, null, null, null, null),
                new PartyDto(null, administration, PartyRole.PublicBody, null, null, null, null, null, null, null, null, null),
            ],
            Goals = [new GoalDto(null, 1, "Fler i gemenskap", null, null, [], [])],
        }));
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var doc = await created.ReadAsync<AgreementDocument>();
        return (doc.Id!.Value, doc.Version!.Value, org.Id);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task TwoPercentAYear_AndAOneOff_AreShownWritten_AndCountedInTheirYears(Db db)
    {
        await using var app = await SamverkaApp.StartAsync(db, now: new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero));
        var api = app.ApiClient(Users.Coordinator);
        var before = (await (await api.GetAsync("/api/partnerships")).ReadAsync<PortfolioView>()).TotalsPerYear.FirstOrDefault(t => t.Year == 2028)?.Granted ?? 0;
        var (id, version, _) = await DraftAsync(app, api, d => d with
        {
            GrantAdjustment = GrantAdjustmentKind.Percentage, AdjustmentPercent = 2m,
            OneOffAmount = 50_000m, OneOffYear = 2028, OneOffPurpose = "inköp av utrustning",
            Initiative = PartnershipInitiative.Joint,
        });

        var read = await (await api.GetAsync($"/api/agreements/{id}")).ReadAsync<AgreementDocument>();
        Assert.Equal([(2027, 600_000m, (decimal?)null), (2028, 612_000m, 50_000m), (2029, 624_240m, null)], read.GrantPerYear!.Select(y => (y.Year, y.Grant!.Value, y.OneOff)));
        Assert.Equal(PartnershipInitiative.Joint, read.Initiative);

        var page = WebUtility.HtmlDecode(await (await app.SignedInClientAsync(Users.Coordinator)).GetStringAsync($"/Agreements/Details/{id}"));
        Assert.Contains("Bidraget räknas upp med 2 % per år.", page, StringComparison.Ordinal);
        Assert.Contains("<td>2028</td><td class=\"num\">612\u00A0000\u00A0kr</td><td class=\"num\">50\u00A0000\u00A0kr</td><td class=\"num\">662\u00A0000\u00A0kr</td>", page, StringComparison.Ordinal);
        Assert.Contains("<dt>Initiativ</dt><dd>Organisationen och kommunen gemensamt</dd>", page, StringComparison.Ordinal);

        using var word = WordprocessingDocument.Open(new MemoryStream(await (await api.GetAsync($"/api/agreements/{id}/docx")).Content.ReadAsByteArrayAsync()), false);
        var text = word.MainDocumentPart!.Document!.Body!.InnerText;
        Assert.Contains("Bidraget räknas upp med 2 procent per år.", text, StringComparison.Ordinal);
        Assert.Contains("Därutöver ett engångsbelopp om 50\u00A0000\u00A0kr år 2028 för inköp av utrustning.", text, StringComparison.Ordinal);
        Assert.Contains("Initiativet till partnerskapet togs av parterna gemensamt.", text, StringComparison.Ordinal);

        // Decided, it counts in 2028 with its adjusted grant and the one-off.
        var a = await (await api.PostJsonAsync($"/api/agreements/{id}/propose", new ProposeInput(new DateOnly(2026, 11, 26), version))).ReadAsync<AgreementDocument>();
        Assert.Equal(HttpStatusCode.OK, (await api.PostJsonAsync($"/api/agreements/{id}/decide", new DecideInput(new DateOnly(2026, 11, 26), "§ 7", "JÄRVA 2026/101", null, a.Version))).StatusCode);
        var after = (await (await api.GetAsync("/api/partnerships")).ReadAsync<PortfolioView>()).TotalsPerYear.Single(t => t.Year == 2028).Granted;
        Assert.Equal(662_000m, after - before);
    }

    [Fact]
    public async Task AnIndexGivingANegativeAmount_IsRefused_AndNothingIsSaved()
    {
        await using var app = await SamverkaApp.StartAsync(Db.Sqlite);
        var api = app.ApiClient(Users.Coordinator);
        var (id, version, _) = await DraftAsync(app, api, d => d);
        var current = await (await api.GetAsync($"/api/agreements/{id}")).ReadAsync<AgreementDocument>();
        var bad = await api.PutJsonAsync($"/api/agreements/{id}", current with { GrantAdjustment = GrantAdjustmentKind.Index, AdjustmentIndex = "KPI", IndexValues = [100m, -4m] });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("Uppräkningen ger ett negativt bidrag år 2028", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(version, await app.WithDbAsync(ctx => ctx.Agreements.Where(x => x.Id == id).Select(x => x.Version).SingleAsync()));

        // On the budget page the index values are typed as the agreement states them.
        var client = await app.SignedInClientAsync(Users.Coordinator);
        var saved = await client.PostFormAsync($"/Agreements/Budget/{id}", new()
        {
            ["Version"] = $"{version}", ["AnnualGrant"] = "600 000", ["GrantAdjustment"] = "Index", ["AdjustmentIndex"] = "KPI", ["IndexValues"] = "100; 102,5",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var read = await (await api.GetAsync($"/api/agreements/{id}")).ReadAsync<AgreementDocument>();
        Assert.Equal([600_000m, 615_000m, null], read.GrantPerYear!.Select(y => y.Grant));
    }

    [Fact]
    public async Task ALegalForm_IsTheNonProfitsOnly_AndShownOnItsPage()
    {
        await using var app = await SamverkaApp.StartAsync(Db.Sqlite);
        var api = app.ApiClient(Users.Coordinator);
        var (_, _, org) = await DraftAsync(app, api, d => d);
        var page = WebUtility.HtmlDecode(await (await app.SignedInClientAsync(Users.Coordinator)).GetStringAsync($"/Organisations/Details/{org}"));
        Assert.Contains("<dt>Juridisk form</dt><dd>Ideell förening</dd>", page, StringComparison.Ordinal);
        var publicBody = await api.PostJsonAsync("/api/organisations", new OrganisationInput("Kulturförvaltningen", OrganisationKind.PublicBody, null, null, null, null, null, null, LegalForm.Foundation));
        Assert.Equal(HttpStatusCode.BadRequest, publicBody.StatusCode);
        Assert.Contains("Juridisk form anges för en idéburen organisation", await publicBody.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    /// <summary>Bilagor are documents registered in the partnership's case; the agreement lists them, the DOCX names them.</summary>
    [Fact]
    public async Task Attachments_AreRegisteredDocumentsOfTheCase_ListedInTheDocx()
    {
        await using var app = await SamverkaApp.StartAsync(Db.Sqlite, now: new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero));
        var api = app.ApiClient(Users.Coordinator);
        var (id, _, _) = await DraftAsync(app, api, d => d);
        var partnership = await app.WithDbAsync(ctx => ctx.Agreements.Where(a => a.Id == id).Select(a => a.PartnershipId).SingleAsync());
        var plan = await (await api.PostJsonAsync($"/api/partnerships/{partnership}/registry",
            new RegisterDocumentInput(new DateOnly(2026, 11, 2), Direction.Received, "Föreningen Gemenskap", "Verksamhetsplan 2027", DocumentKind.Other, false, null, null, null, null, null))).ReadAsync<RegistryEntryView>();
        var elsewhere = await app.WithDbAsync(ctx => ctx.Partnerships.Where(p => p.CaseNumber == "JÄRVA 2023/549").Select(p => p.Id).SingleAsync());
        var foreign = await (await api.PostJsonAsync($"/api/partnerships/{elsewhere}/registry",
            new RegisterDocumentInput(new DateOnly(2026, 11, 2), Direction.DrawnUp, null, "Annan akt", DocumentKind.Other, false, null, null, null, null, null))).ReadAsync<RegistryEntryView>();

        var current = await (await api.GetAsync($"/api/agreements/{id}")).ReadAsync<AgreementDocument>();
        var wrong = await api.PutJsonAsync($"/api/agreements/{id}", current with { Attachments = [new AttachmentDto(null, "Bilaga 2 Annat", foreign.Id)] });
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Contains("diarieförd i partnerskapets ärende", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var saved = await api.PutJsonAsync($"/api/agreements/{id}", current with { Attachments = [new AttachmentDto(null, "Verksamhetsplan", plan.Id)] });
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var read = await saved.ReadAsync<AgreementDocument>();
        Assert.Equal(("Verksamhetsplan", plan.Id), (read.Attachments!.Single().Title, read.Attachments!.Single().RegistryDocumentId));

        using var word = WordprocessingDocument.Open(new MemoryStream(await (await api.GetAsync($"/api/agreements/{id}/docx")).Content.ReadAsByteArrayAsync()), false);
        Assert.Contains($"Bilaga 1: Verksamhetsplan (diarienummer {plan.CaseNumber}-{plan.Sequence})", word.MainDocumentPart!.Document!.Body!.InnerText, StringComparison.Ordinal);
        var page = WebUtility.HtmlDecode(await (await app.SignedInClientAsync(Users.Coordinator)).GetStringAsync($"/Agreements/Details/{id}"));
        Assert.Contains($"<a href=\"/Registry/Document/{plan.Id}\">{plan.CaseNumber}-{plan.Sequence}</a>", page, StringComparison.Ordinal);

        // On the page: a row with a document but no title says so, and nothing is saved.
        var client = await app.SignedInClientAsync(Users.Coordinator);
        var untitled = await client.PostFormAsync($"/Agreements/Lists/{id}", new() { ["Version"] = $"{read.Version}", ["Attachments[0].RegistryDocumentId"] = $"{plan.Id}" });
        Assert.Contains("Fältet måste fyllas i.", WebUtility.HtmlDecode(await untitled.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(read.Version, await app.WithDbAsync(ctx => ctx.Agreements.Where(x => x.Id == id).Select(x => x.Version).SingleAsync()));
    }
}
