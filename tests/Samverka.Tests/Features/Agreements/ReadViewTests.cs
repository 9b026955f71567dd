using System.Net;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.EntityFrameworkCore;
using Samverka.Tests.Support;
using Samverka.Web.Features.Agreements;
using Samverka.Web.Features.Decisions;
using Samverka.Web.Features.Organisations;

namespace Samverka.Tests.Features.Agreements;

/// <summary>The agreement page, its document and goal fulfilment are kept between requests: a save must still show at once.</summary>
public class ReadViewTests
{
    [Theory, ClassData(typeof(BothDatabases))]
    public async Task ATargetAdded_ShowsAtOnce_OnThePageInTheDocumentAndInGoalFulfilment(Db db)
    {
        await using var app = await SamverkaApp.StartAsync(db);
        var client = await app.SignedInClientAsync(Users.Coordinator);
        var (id, goal, husby) = await app.WithDbAsync(async ctx =>
        {
            var a = await ctx.Agreements.Include(x => x.Goals).SingleAsync(x => x.Title == "Överenskommelse Folkets Husby");
            return (a.Id, a.Goals.Single(g => g.Number == 1).Id, await ctx.Organisations.Where(o => o.Name == "Folkets Husby").Select(o => o.Id).SingleAsync());
        });
        const string Added = "40 unga ur målgruppen skrivs in vid Jobbtorg";
        Assert.DoesNotContain(Added, await client.GetStringAsync($"/Agreements/Details/{id}"));
        Assert.DoesNotContain(Added, await DocxTextAsync(client, id));
        Assert.DoesNotContain(Added, await client.GetStringAsync($"/Results/Fulfilment/{id}?year=2024"));

        var version = await app.WithDbAsync(ctx => ctx.Agreements.Where(a => a.Id == id).Select(a => a.Version).SingleAsync());
        var target = new ExpectedResultDto(null, Added, TargetKind.Count, 40, null, "inskrivna", null, null, husby, null, null, null);
        var response = await app.ApiClient(Users.Coordinator).PostJsonAsync($"/api/agreements/{id}/targets",
            new AddTargetInput(goal, target, new DateOnly(2024, 6, 10), DecisionMaker.SteeringGroup, "§ 3", null, version));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        Assert.Contains(Added, await client.GetStringAsync($"/Agreements/Details/{id}"));
        Assert.Contains(Added, await DocxTextAsync(client, id));
        Assert.Contains(Added, await client.GetStringAsync($"/Results/Fulfilment/{id}?year=2024"));
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task AnOrganisationRenamed_ShowsAtOnce_OnTheAgreementPage(Db db)
    {
        await using var app = await SamverkaApp.StartAsync(db);
        var client = await app.SignedInClientAsync(Users.Coordinator);
        var (id, husby) = await app.WithDbAsync(async ctx => (
            await ctx.Agreements.Where(x => x.Title == "Överenskommelse Folkets Husby").Select(a => a.Id).SingleAsync(),
            await ctx.Organisations.Where(o => o.Name == "Folkets Husby").Select(o => new { o.Id, o.Version, o.OrganisationNumber }).SingleAsync()));
        Assert.DoesNotContain("Folkets Hus Husby", await client.GetStringAsync($"/Agreements/Details/{id}"));

        var renamed = await app.ApiClient(Users.Coordinator).PutJsonAsync($"/api/organisations/{husby.Id}",
            new OrganisationInput("Folkets Hus Husby", OrganisationKind.NonProfit, husby.OrganisationNumber, null, null, null, "Styrelse", husby.Version));
        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);

        // The targets name the organisation responsible for reporting by its current name.
        Assert.Contains("Folkets Hus Husby", await client.GetStringAsync($"/Agreements/Details/{id}"));
    }

    private static async Task<string> DocxTextAsync(HttpClient client, int id)
    {
        var bytes = await client.GetByteArrayAsync($"/api/agreements/{id}/docx");
        using var doc = WordprocessingDocument.Open(new MemoryStream(bytes), false);
        return doc.MainDocumentPart!.Document!.Body!.InnerText;
    }
}
