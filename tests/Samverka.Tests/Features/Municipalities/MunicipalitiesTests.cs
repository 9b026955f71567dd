using System.Net;
using Samverka.Tests.Support;
using Samverka.Web.Features.Municipalities;

namespace Samverka.Tests.Features.Municipalities;

/// <summary>Issue 19, item 2 (first part): every board belongs to a municipality, shown in pages and API.</summary>
public class MunicipalitiesTests
{
    [Theory, ClassData(typeof(BothDatabases))]
    public async Task StockholmsStad_HoldsJarvaAndItsPredecessors_CurrentFirst(Db db)
    {
        await using var app = await SamverkaApp.StartAsync(db);
        var all = await (await app.ApiClient(Users.CaseOfficer).GetAsync("/api/municipalities")).ReadAsync<List<MunicipalityView>>();
        var stockholm = Assert.Single(all);
        Assert.Equal(("Stockholms stad", "212000-0142", MunicipalityKind.Municipality), (stockholm.Name, stockholm.OrganisationNumber, stockholm.Kind));
        Assert.Equal(["Järva stadsdelsnämnd", "Rinkeby-Kista stadsdelsnämnd", "Spånga-Tensta stadsdelsnämnd"], stockholm.Boards.Select(b => b.Name));
        Assert.Equal(HttpStatusCode.NotFound, (await app.ApiClient(Users.CaseOfficer).GetAsync($"/api/municipalities/{stockholm.Id + 100}")).StatusCode);

        var board = WebUtility.HtmlDecode(await (await app.SignedInClientAsync(Users.FolketsHusby)).GetStringAsync($"/Boards/Details/{stockholm.Boards[0].Id}"));
        Assert.Contains($"href=\"/Municipalities/Details/{stockholm.Id}\">Stockholms stad</a>", board);
    }
}
