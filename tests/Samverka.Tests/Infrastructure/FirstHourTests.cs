using System.Net;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using Samverka.Tests.Support;
using Samverka.Web.Features.Partnerships;

namespace Samverka.Tests.Infrastructure;

/// <summary>Issue 17, item 5: the newcomer's first hour: the start page says what each role does here, empty lists say how to add the first item.</summary>
public class FirstHourTests
{
    [Theory]
    [InlineData(Users.Coordinator, "Du håller i nämndens partnerskap", "Nytt partnerskap")]
    [InlineData(Users.Head, "Du läser nämndens partnerskap", "gå till dess resultat")]
    [InlineData(Users.BoardMember, "personuppgifter visas inte", "öppna ett partnerskap")]
    [InlineData(Users.FolketsHusby, "Du ser din organisations partnerskap", "lämna in rapporten")]
    [InlineData(Users.SteeringMember, "vars styrgrupp du sitter i", "justera protokollen")]
    public async Task TheStartPage_TellsEachRoleWhatTheyCanDo_AndWhatToDoFirst(string user, string can, string first)
    {
        await using var app = await SamverkaApp.StartAsync(Db.Sqlite);
        var client = await app.SignedInClientAsync(user);
        var start = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, start.StatusCode);
        var html = WebUtility.HtmlDecode(await client.GetStringAsync(start.Headers.Location!.OriginalString));
        var welcome = System.Text.RegularExpressions.Regex.Match(html, "<section class=\"welcome\".*?</section>", System.Text.RegularExpressions.RegexOptions.Singleline).Value;
        Assert.Contains("Det här kan du göra", welcome, StringComparison.Ordinal);
        Assert.Contains(can, welcome, StringComparison.Ordinal);
        Assert.Contains(first, welcome, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ANewPartnership_ItsEmptyLists_SayHowToAddTheFirst_AndItsPagesHaveTheirShape()
    {
        await using var app = await SamverkaApp.StartAsync(Db.Sqlite);
        var (jarva, iogt) = await app.WithDbAsync(async db => (
            await db.Boards.Where(b => b.Name == "Järva stadsdelsnämnd").Select(b => b.Id).SingleAsync(),
            await db.Organisations.Where(o => o.Name == "IOGT-NTO Spånga").Select(o => o.Id).SingleAsync()));
        var api = app.ApiClient(Users.Coordinator);
        var created = await api.PostJsonAsync("/api/partnerships", new PartnershipInput("IOP Läxhjälp", jarva, iogt, null, null));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.ReadAsync<PartnershipView>()).Id;
        var client = await app.SignedInClientAsync(Users.Coordinator);
        var parser = new HtmlParser();
        var expected = new Dictionary<string, string>
        {
            [$"/Partnerships/Details/{id}"] = "Ingen överenskommelse ännu. Förvaltningen skriver den första med ”Ny överenskommelse”.",
            [$"/Meetings/Index/{id}"] = "Inga möten ännu. Planera eller registrera det första i formuläret nedan.",
            [$"/Results/Index/{id}"] = "Inga rapportperioder ännu.",
        };
        foreach (var (url, guidance) in expected)
        {
            var raw = await client.GetStringAsync(url);
            Assert.Contains(guidance, WebUtility.HtmlDecode(raw), StringComparison.Ordinal);
            var problems = PageShape.Problems(url, await parser.ParseDocumentAsync(raw)).ToList();
            Assert.True(problems.Count == 0, $"{url}:\n{string.Join("\n", problems)}");
        }
    }
}
