using System.Net;
using Microsoft.EntityFrameworkCore;
using Samverka.Tests.Support;

namespace Samverka.Tests.Features.Agreements;

public class AgreementAccessTests
{
    private static async Task<int> HusbyAgreementId(SamverkaApp app) =>
        await app.WithDbAsync(db => db.Agreements.Where(a => a.Title == "Överenskommelse Folkets Husby").Select(a => a.Id).SingleAsync());

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task PartnerOfAnotherOrganisation_GetsNotFound_ByApi(Db db)
    {
        await using var app = await SamverkaApp.StartAsync(db);
        var id = await HusbyAgreementId(app);
        var other = app.ApiClient(Users.IogtSpanga);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/agreements/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/agreements/{id}/docx")).StatusCode);
        var own = app.ApiClient(Users.FolketsHusby);
        Assert.Equal(HttpStatusCode.OK, (await own.GetAsync($"/api/agreements/{id}")).StatusCode);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task Anonymous_GetsUnauthorized_FromTheApi(Db db)
    {
        await using var app = await SamverkaApp.StartAsync(db);
        var response = await app.CreateClient().GetAsync("/api/agreements");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
