using System.Net;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.EntityFrameworkCore;
using Samverka.Tests.Support;
using Samverka.Web.Features.Agreements;
using Samverka.Web.Features.Organisations;
using Samverka.Web.Features.Partnerships;
using Samverka.Web.Features.Results;

namespace Samverka.Tests.Features.Agreements;

/// <summary>
/// A local IOP as another municipality writes it, not the seed's: three associations, no notice period, a grant
/// without a budget breakdown, divided between the associations; what it does not state stays unstated.
/// </summary>
public class AgreementsAsWrittenTests
{
    private sealed record Local(int PartnershipId, int AgreementId, int Gemenskap, int Norr, int Syd, Guid Version);

    private static async Task<Local> EnterAsync(SamverkaApp app, HttpClient api)
    {
        async Task<int> Organisation(string name, string number, string? contact = null) =>
            (await (await api.PostJsonAsync("/api/organisations", new OrganisationInput(name, OrganisationKind.NonProfit, number, null, contact, null, "Styrelse", null)))
                .ReadAsync<OrganisationView>()).Id;
        var gemenskap = await Organisation("Föreningen Gemenskap", "802500-1234", contact: "Registrets Kontaktperson");
        var norr = await Organisation("Idrottsklubben Norr", "802500-4568");
        var syd = await Organisation("Kulturföreningen Syd", "802500-7892");
        var (board, administration) = await app.WithDbAsync(async db => (
            await db.Boards.Where(b => b.Name == "Järva stadsdelsnämnd").Select(b => b.Id).SingleAsync(),
            await db.Organisations.Where(o => o.Name == "Järva stadsdelsförvaltning").Select(o => o.Id).SingleAsync()));
        var partnership = await (await api.PostJsonAsync("/api/partnerships", new PartnershipInput("Lokalt IOP i Norra Järva", board, gemenskap, null, null))).ReadAsync<PartnershipView>();

        var created = await api.PostJsonAsync("/api/agreements", new AgreementDocument
        {
            PartnershipId = partnership.Id,
            Title = "Överenskommelse om lokal samverkan i Norra Järva",
            StartDate = new DateOnly(2027, 1, 1),
            EndDate = new DateOnly(2027, 12, 31),
            AnnualGrant = 600_000m,
            Parties =
            [
                new PartyDto(null, gemenskap, PartyRole.NonProfit, null, null, null, null, null, null, null, null, null, GrantShare: 300_000m),
                new PartyDto(null, norr, PartyRole.NonProfit, null, null, null, null, null, null, null, null, null, GrantShare: 200_000m),
                new PartyDto(null, syd, PartyRole.NonProfit, null, null, null, null, null, null, null, null, null, GrantShare: 100_000m),
                new PartyDto(null, administration, PartyRole.PublicBody, null, null, null, null, null, null, null, null, null),
            ],
            Goals = [new GoalDto(null, 1, "Fler unga i föreningslivet", null, null,
                [new ExpectedResultDto(null, "60 nya medlemmar under 20 år", TargetKind.Count, 60, null, "medlemmar", null, null, norr, null, null, null)], [])],
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var doc = await created.ReadAsync<AgreementDocument>();
        return new Local(partnership.Id, doc.Id!.Value, gemenskap, norr, syd, doc.Version!.Value);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task ThreeParties_NoNoticePeriod_NoBudgetLines_AreProposedAndWrittenAsStated(Db db)
    {
        await using var app = await SamverkaApp.StartAsync(db);
        var api = app.ApiClient(Users.Coordinator);
        var local = await EnterAsync(app, api);

        var read = await (await api.GetAsync($"/api/agreements/{local.AgreementId}")).ReadAsync<AgreementDocument>();
        Assert.Null(read.NoticePeriodMonths);
        Assert.Empty(read.BudgetLines!);
        // The register's contact person is not the agreement's: nobody was named.
        Assert.All(read.Parties!, p => Assert.Null(p.ContactName));
        Assert.Equal([300_000m, 200_000m, 100_000m, null], read.Parties!.Select(p => p.GrantShare));

        var proposed = await api.PostJsonAsync($"/api/agreements/{local.AgreementId}/propose", new ProposeInput(new DateOnly(2026, 11, 26), local.Version));
        Assert.Equal(HttpStatusCode.OK, proposed.StatusCode);
        Assert.Equal(AgreementStage.Proposed, (await proposed.ReadAsync<AgreementDocument>()).Lifecycle!.Stage);

        var page = await (await (await app.SignedInClientAsync(Users.Coordinator)).GetAsync($"/Agreements/Details/{local.AgreementId}")).Content.ReadAsStringAsync();
        Assert.Contains("<dt>Uppsägningstid</dt><dd>Ej angivet</dd>", page, StringComparison.Ordinal);

        var bytes = await (await api.GetAsync($"/api/agreements/{local.AgreementId}/docx")).Content.ReadAsByteArrayAsync();
        using var word = WordprocessingDocument.Open(new MemoryStream(bytes), false);
        var body = word.MainDocumentPart!.Document!.Body!;
        var text = string.Join("\n", body.Descendants<Paragraph>().Select(p => p.InnerText)).Replace('\u00A0', ' ');
        foreach (var must in new[]
        {
            "Föreningen Gemenskap", "Idrottsklubben Norr", "Kulturföreningen Syd", "Andel av bidraget", "300 000 kr", "200 000 kr", "100 000 kr",
            "Årligt bidrag: 600 000 kr.", "Överenskommelsen gäller från och med 2027-01-01 till och med 2027-12-31.",
            "60 nya medlemmar under 20 år (Idrottsklubben Norr). Mål: minst 60 medlemmar.",
        })
        {
            Assert.Contains(must, text, StringComparison.Ordinal);
        }
        foreach (var mustNot in new[] { "varseltid", "Initialt", "Registrets Kontaktperson", "okänt", "Typ av kostnad", "Summa", "Aktiviteter och ansvar" })
        {
            Assert.DoesNotContain(mustNot, text, StringComparison.Ordinal);
        }
        // No heading stands empty: each is followed by its section's content, never by the next heading or the end.
        var blocks = body.ChildElements.Where(e => e is Paragraph or Table).ToList();
        for (var i = 0; i < blocks.Count; i++)
        {
            if (blocks[i] is Paragraph { ParagraphProperties.ParagraphStyleId.Val.Value: "Heading1" } heading)
            {
                Assert.True(i + 1 < blocks.Count && blocks[i + 1] is not Paragraph { ParagraphProperties.ParagraphStyleId.Val.Value: "Heading1" }, $"Empty heading: {heading.InnerText}");
            }
        }
        Assert.DoesNotContain("Uppsägning och oenighet mellan parterna", text, StringComparison.Ordinal);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task EveryPartysUsers_SeeThePartnership_AndReportTheirOwnTargets(Db db)
    {
        await using var app = await SamverkaApp.StartAsync(db, now: new DateTimeOffset(2027, 6, 15, 10, 0, 0, TimeSpan.Zero));
        var api = app.ApiClient(Users.Coordinator);
        var local = await EnterAsync(app, api);

        foreach (var org in new[] { local.Gemenskap, local.Norr, local.Syd })
        {
            var partner = await app.PartnerApiClientAsync(org);
            Assert.Equal(HttpStatusCode.OK, (await partner.GetAsync($"/api/partnerships/{local.PartnershipId}")).StatusCode);
            var portfolio = await (await partner.GetAsync("/api/partnerships")).ReadAsync<PortfolioView>();
            var row = Assert.Single(portfolio.Rows);
            Assert.Equal("Föreningen Gemenskap", row.Organisation);
            Assert.Equal(["Idrottsklubben Norr", "Kulturföreningen Syd"], row.OtherParties);
        }
        // Folkets Husby is no party to it and does not see it.
        Assert.Equal(HttpStatusCode.NotFound, (await app.ApiClient(Users.FolketsHusby).GetAsync($"/api/partnerships/{local.PartnershipId}")).StatusCode);

        // Decided and signed by all four parties, the agreement is reported into; the membership target is Norr's to report.
        var a = await (await api.PostJsonAsync($"/api/agreements/{local.AgreementId}/propose", new ProposeInput(new DateOnly(2026, 11, 26), local.Version))).ReadAsync<AgreementDocument>();
        a = await (await api.PostJsonAsync($"/api/agreements/{a.Id}/decide", new DecideInput(new DateOnly(2026, 11, 26), "§ 7", "JÄRVA 2026/100", null, a.Version))).ReadAsync<AgreementDocument>();
        foreach (var party in a.Parties!)
        {
            a = await (await api.PostJsonAsync($"/api/agreements/{a.Id}/sign", new SignInput(party.Id, new DateOnly(2026, 12, 10), a.Version))).ReadAsync<AgreementDocument>();
        }
        Assert.Equal(AgreementStage.Signed, a.Lifecycle!.Stage);
        var target = Assert.Single(Assert.Single(a.Goals!).ExpectedResults!).Id!.Value;
        var syd = await app.PartnerApiClientAsync(local.Syd);
        var report = await (await syd.PostJsonAsync($"/api/partnerships/{local.PartnershipId}/reports", new ReportInput(a.Id, new DateOnly(2027, 1, 1), new DateOnly(2027, 3, 31)))).ReadAsync<ReportView>();
        var figure = new FigureInput { Kind = FigureKind.PeopleReached, From = new DateOnly(2027, 1, 1), To = new DateOnly(2027, 3, 31), Total = 12, TargetIds = [target], Version = report.Version };
        var refused = await syd.PostJsonAsync($"/api/reports/{report.Id}/figures", figure);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("redovisas av Idrottsklubben Norr", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        // Syd's own figure, for no target of another party, is recorded; and Norr records its target.
        Assert.Equal(HttpStatusCode.OK, (await syd.PostJsonAsync($"/api/reports/{report.Id}/figures", figure.With(f => f.TargetIds = []))).StatusCode);
        var norr = await app.PartnerApiClientAsync(local.Norr);
        var current = await (await norr.GetAsync($"/api/reports/{report.Id}")).ReadAsync<ReportView>();
        Assert.Equal(HttpStatusCode.OK, (await norr.PostJsonAsync($"/api/reports/{report.Id}/figures", figure.With(f => f.Version = current.Version))).StatusCode);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task SharesThatDoNotAddUp_AreRefusedInSwedish_AndNothingIsSaved(Db db)
    {
        await using var app = await SamverkaApp.StartAsync(db);
        var api = app.ApiClient(Users.Coordinator);
        var local = await EnterAsync(app, api);
        var read = await (await api.GetAsync($"/api/agreements/{local.AgreementId}")).ReadAsync<AgreementDocument>();
        var cases = new (AgreementDocument Doc, string Swedish)[]
        {
            (read with { Parties = [.. read.Parties!.Select(p => p.GrantShare is null ? p : p with { GrantShare = 150_000m })] }, "Varje ideell part har en andel, men andelarna summerar till 450 000, inte det årliga bidraget 600 000."),
            (read with { Parties = [.. read.Parties!.Select(p => p.GrantShare is null ? p : p with { GrantShare = 250_000m })] }, "Parternas andelar summerar till 750 000, mer än det årliga bidraget 600 000."),
            (read with { Parties = [.. read.Parties!.Select(p => p.Role == PartyRole.PublicBody ? p with { GrantShare = 1m } : p with { GrantShare = null })] }, "Bara en ideell part får en andel av bidraget."),
            (read with { AnnualGrant = null }, "En andel av bidraget förutsätter det årliga bidrag den är en del av."),
            (read with { WithoutGrant = true, Parties = [.. read.Parties!.Select(p => p with { GrantShare = null })] }, "En överenskommelse utan bidrag har inget årligt bidrag och inga budgetposter"),
        };
        foreach (var (doc, swedish) in cases)
        {
            var response = await api.PutJsonAsync($"/api/agreements/{local.AgreementId}", doc);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var body = (await response.Content.ReadAsStringAsync()).Replace('\u00A0', ' ');
            Assert.Contains(swedish, JsonDocument.Parse(body).RootElement.GetProperty("errors").ToString().Replace("\\u00A0", " "), StringComparison.Ordinal);
        }
        var after = await (await api.GetAsync($"/api/agreements/{local.AgreementId}")).ReadAsync<AgreementDocument>();
        Assert.Equal(read.Version, after.Version);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task WhatTheMunicipalityRequires_IsNamedWithItsReason_AndTheProposalRefused(Db db)
    {
        await using var app = await SamverkaApp.StartAsync(db, settings: new() { ["Samverka:Agreements:RequiredBeforeProposal"] = "Grant, NoticePeriod, BudgetLines" });
        var api = app.ApiClient(Users.Coordinator);
        var local = await EnterAsync(app, api);

        var page = await (await (await app.SignedInClientAsync(Users.Coordinator)).GetAsync($"/Agreements/Details/{local.AgreementId}")).Content.ReadAsStringAsync();
        Assert.Contains("Saknas: uppsägningstiden", page, StringComparison.Ordinal);
        Assert.Contains("Angivet: det årliga bidraget, eller att det inte finns något", page, StringComparison.Ordinal);

        var refused = await api.PostJsonAsync($"/api/agreements/{local.AgreementId}/propose", new ProposeInput(new DateOnly(2026, 11, 26), local.Version));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var detail = JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement.GetProperty("detail").GetString();
        Assert.Equal("Före det här steget måste överenskommelsen ange uppsägningstiden: utan den kan en uppsägning inte bestämma när överenskommelsen upphör.", detail);
        Assert.Equal(AgreementStage.Draft, await app.WithDbAsync(ctx => ctx.Agreements.Where(a => a.Id == local.AgreementId).Select(a => a.Stage).SingleAsync()));
    }
}
