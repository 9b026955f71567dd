using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Samverka.Tests.Support;
using Samverka.Web.Features.Organisations;

namespace Samverka.Tests.Features.Organisations;

public class OrganisationsTests
{
    [Theory, ClassData(typeof(BothDatabases))]
    public async Task Register_WrongCheckDigit_IsRefusedInSwedish(Db db)
    {
        await using var app = await SamverkaApp.StartAsync(db);
        var client = await app.SignedInClientAsync(Users.Coordinator);
        var response = await client.PostFormAsync("/Organisations/Edit", new()
        {
            ["Input.Name"] = "Tensta Ungdomsförening",
            ["Input.Kind"] = "NonProfit",
            ["Input.OrganisationNumber"] = "802497-1222",
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Organisationsnumret 802497-1222 är inte giltigt: kontrollsiffran stämmer inte.", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
        Assert.False(await app.WithDbAsync(ctx => ctx.Organisations.AnyAsync(o => o.Name == "Tensta Ungdomsförening")));
    }

    /// <summary>Issue 20, item 4: a sole trader's personal identity number is refused as a partner, and the message says why; a misgrouped number shows the format.</summary>
    [Theory]
    [InlineData("811218-9876", "811218-9876 är ett personnummer, inte ett organisationsnummer: en partner är en juridisk person (en förening, stiftelse, ett bolag eller en offentlig aktör), inte en enskild firma.")]
    [InlineData("8024-971221", "8024-971221 är inte ett organisationsnummer: det har tio siffror och skrivs NNNNNN-NNNN, t.ex. 802497-1221.")]
    [InlineData("551300-1239", "551300-1239 är inte en juridisk persons organisationsnummer: dess tredje och fjärde siffror är 20 eller mer.")]
    public async Task Register_ANumberThatIsNoLegalPersons_IsRefused_SayingWhy(string number, string message)
    {
        await using var app = await SamverkaApp.StartAsync(Db.Sqlite);
        var response = await app.ApiClient(Users.Coordinator).PostJsonAsync("/api/organisations",
            new OrganisationInput("Husby Städ", OrganisationKind.NonProfit, number, null, null, null, null, null));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(message, problem.GetProperty("errors").GetProperty("organisationNumber")[0].GetString());
        var page = await (await app.SignedInClientAsync(Users.Coordinator)).PostFormAsync("/Organisations/Edit", new()
        {
            ["Input.Name"] = "Husby Städ",
            ["Input.Kind"] = "NonProfit",
            ["Input.OrganisationNumber"] = number,
        });
        Assert.Contains(message, WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync()));
        Assert.False(await app.WithDbAsync(ctx => ctx.Organisations.AnyAsync(o => o.Name == "Husby Städ")));
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task Register_ANumberAlreadyInTheRegister_IsRefused(Db db)
    {
        await using var app = await SamverkaApp.StartAsync(db);
        var response = await app.ApiClient(Users.Coordinator).PostJsonAsync("/api/organisations",
            new OrganisationInput("Folkets Husby kopia", OrganisationKind.NonProfit, "8024971221", null, null, null, null, null));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("Organisationsnumret 802497-1221 är redan registrerat för Folkets Husby.", problem.GetProperty("errors").GetProperty("organisationNumber")[0].GetString());
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task Register_AsTyped_IsNormalised(Db db)
    {
        await using var app = await SamverkaApp.StartAsync(db);
        // 556677-8899 is not real; compute a valid check digit for a made-up number.
        var nine = new[] { 8, 0, 2, 0, 0, 0, 1, 2, 3 };
        var number = $"{string.Concat(nine.Take(6))} {string.Concat(nine.Skip(6))}{OrganisationNumber.LuhnCheckDigit(nine)}";
        var created = await (await app.ApiClient(Users.Coordinator).PostJsonAsync("/api/organisations",
            new OrganisationInput("Husby Läxhjälp", OrganisationKind.NonProfit, number, "Husby torg 1", null, null, "Styrelse", null))).ReadAsync<OrganisationView>();
        Assert.Equal($"802000-123{OrganisationNumber.LuhnCheckDigit(nine)}", created.OrganisationNumber);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task Rename_KeepsTheOldNameInTheHistory(Db db)
    {
        await using var app = await SamverkaApp.StartAsync(db, now: new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));
        var api = app.ApiClient(Users.Coordinator);
        var iogt = await app.WithDbAsync(ctx => ctx.Organisations.Where(o => o.Name == "IOGT-NTO Spånga").Select(o => new { o.Id, o.Version }).SingleAsync());
        var renamed = await (await api.PutJsonAsync($"/api/organisations/{iogt.Id}",
            new OrganisationInput("IOGT-NTO Järva", OrganisationKind.NonProfit, null, null, null, null, "Styrelse", iogt.Version))).ReadAsync<OrganisationView>();
        Assert.Equal("IOGT-NTO Järva", renamed.Name);
        Assert.Equal(["Spånga Blåbandsförening", "IOGT-NTO Spånga"], renamed.FormerNames.Select(n => n.Name));
        Assert.Equal(new DateOnly(2026, 3, 1), renamed.FormerNames[1].UsedUntil);
        // The agreements keep the name they were signed under.
        var names = await app.WithDbAsync(ctx => ctx.AgreementParties.Where(p => p.OrganisationId == iogt.Id).Select(p => p.OrganisationName).Distinct().ToListAsync());
        Assert.Contains("Spånga Blåbandsförening", names);
        Assert.DoesNotContain("IOGT-NTO Järva", names);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task PartnerUser_CannotChangeTheRegister(Db db)
    {
        await using var app = await SamverkaApp.StartAsync(db);
        var response = await app.ApiClient(Users.FolketsHusby).PostJsonAsync("/api/organisations",
            new OrganisationInput("Ny förening", OrganisationKind.NonProfit, null, null, null, null, null, null));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var list = await (await app.ApiClient(Users.FolketsHusby).GetAsync("/api/organisations")).ReadAsync<List<OrganisationView>>();
        Assert.Equal("Folkets Husby", Assert.Single(list).Name);
    }
}
