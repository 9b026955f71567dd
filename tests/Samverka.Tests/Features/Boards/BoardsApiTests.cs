using System.Net;
using Microsoft.EntityFrameworkCore;
using Samverka.Tests.Support;
using Samverka.Web.Features.Boards;

namespace Samverka.Tests.Features.Boards;

public class BoardsApiTests
{
    [Theory, ClassData(typeof(BothDatabases))]
    public async Task ABoardsHistory_ThroughTheApi_HasItsPredecessorsAndTheirPartnerships_AsTheCallerMaySee(Db db)
    {
        await using var app = await SamverkaApp.StartAsync(db);
        var jarva = await app.WithDbAsync(ctx => ctx.Boards.Where(b => b.Name == "Järva stadsdelsnämnd").Select(b => b.Id).SingleAsync());

        var boards = await (await app.ApiClient(Users.Coordinator).GetAsync("/api/boards")).ReadAsync<List<BoardRow>>();
        Assert.Equal("Järva stadsdelsnämnd", boards[0].Name);
        Assert.All(boards.Where(b => b.Name != "Järva stadsdelsnämnd"), b => Assert.Equal(jarva, b.SuccessorId));

        var history = await (await app.ApiClient(Users.Coordinator).GetAsync($"/api/boards/{jarva}")).ReadAsync<BoardHistoryView>();
        Assert.Equal(["Rinkeby-Kista stadsdelsnämnd", "Spånga-Tensta stadsdelsnämnd"], history.Predecessors.Select(b => b.Name));
        Assert.Contains(history.Partnerships.Rows, r => r.Name == "IOP Folkets Husby – lokal demokrati och delaktighet"); // the predecessor's partnership
        Assert.Contains(history.Partnerships.Rows, r => r.Organisation == "IOGT-NTO Spånga");

        // A partner sees the board, but only its own partnership in it.
        var partner = await (await app.ApiClient(Users.FolketsHusby).GetAsync($"/api/boards/{jarva}")).ReadAsync<BoardHistoryView>();
        Assert.DoesNotContain(partner.Partnerships.Rows, r => r.Organisation == "IOGT-NTO Spånga");
        Assert.Equal(HttpStatusCode.NotFound, (await app.ApiClient(Users.Coordinator).GetAsync("/api/boards/999999")).StatusCode);
    }
}
