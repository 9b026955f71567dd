using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Samverka.Web.Data;
using Samverka.Web.Features.Boards;

namespace Samverka.Web.Features.Municipalities;

/// <summary>A municipality or region with its boards (names and history are public facts).</summary>
public sealed record MunicipalityView(int Id, string Name, MunicipalityKind Kind, string? OrganisationNumber, List<BoardRow> Boards, Guid Version);

public static class MunicipalityQueries
{
    /// <summary>A municipality with its boards, current ones first.</summary>
    public static MunicipalityView View(Municipality m) =>
        new(m.Id, m.Name, m.Kind, m.OrganisationNumber, [.. m.Boards.OrderBy(b => b.SuccessorId != null).ThenBy(b => b.Name).Select(BoardQueries.Row)], m.Version);

    public static async Task<MunicipalityView?> FindAsync(AppDbContext db, int id) =>
        await db.Municipalities.AsNoTracking().Include(m => m.Boards).FirstOrDefaultAsync(m => m.Id == id) is { } m ? View(m) : null;
}

public static class MunicipalitiesApi
{
    public static void MapMunicipalitiesApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/municipalities").WithTags("Municipalities");
        g.MapGet("/", async Task<Ok<List<MunicipalityView>>> (AppDbContext db) =>
            TypedResults.Ok((await db.Municipalities.AsNoTracking().Include(m => m.Boards).OrderBy(m => m.Name).ToListAsync()).Select(MunicipalityQueries.View).ToList()))
            .WithSummary("The municipalities and regions, each with its boards");

        g.MapGet("/{id:int}", async Task<Results<Ok<MunicipalityView>, NotFound>> (int id, AppDbContext db) =>
            await MunicipalityQueries.FindAsync(db, id) is { } view ? TypedResults.Ok(view) : TypedResults.NotFound())
            .WithSummary("A municipality or region with its boards");
    }
}
