using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Samverka.Web.Data;
using Samverka.Web.Features.Partnerships;

namespace Samverka.Web.Features.Boards;

/// <summary>A board. CaseNumberPattern: how it writes its case numbers ("KS {year}/{n:4}"), CaseNumberExample one written so ("KS 2024/0042").</summary>
public sealed record BoardRow(int Id, string Name, string AdministrationName, string CaseNumberPattern, string CaseNumberExample, int? SuccessorId, DateOnly? EndedOn, Guid Version);

/// <summary>How a board writes its case numbers ("KS {year}/{n:4}"), one written so ("KS 2024/0042"), and the board's version.</summary>
public sealed record CaseNumberFormatView(string Pattern, string Example, Guid Version)
{
    public static CaseNumberFormatView Of(Board b) => new(b.CaseNumberPattern, b.CaseNumbers.Example, b.Version);
}

public sealed record BoardHistoryView(BoardRow Board, List<BoardRow> Predecessors, PortfolioView Partnerships);

/// <summary>A board's history: the boards it succeeded and the partnerships of all of them that the user may see. For page and API.</summary>
public static class BoardQueries
{
    public static BoardRow Row(Board b) => new(b.Id, b.Name, b.AdministrationName, b.CaseNumberPattern, b.CaseNumbers.Example, b.SuccessorId, b.EndedOn, b.Version);

    public static async Task<(Board Board, List<Board> Predecessors, PortfolioView Partnerships)?> HistoryAsync(AppDbContext db, PartnershipAccess access, ClaimsPrincipal user, int id, DateOnly today)
    {
        var board = await db.Boards.AsNoTracking().Include(b => b.Successor).Include(b => b.Municipality).FirstOrDefaultAsync(b => b.Id == id);
        if (board is null)
        {
            return null;
        }
        var all = await db.Boards.AsNoTracking().ToListAsync();
        var ids = Board.WithPredecessors(id, all.Select(b => (b.Id, b.SuccessorId)));
        var visible = (await access.VisibleAsync(user)).Where(p => ids.Contains(p.BoardId));
        return (board, [.. all.Where(b => b.Id != id && ids.Contains(b.Id)).OrderBy(b => b.Name)], await Portfolio.LoadAsync(visible, null, null, null, today));
    }
}

/// <summary>The boards (names and history are public facts) and each board's partnerships as the user may see them.</summary>
public static class BoardsApi
{
    public static void MapBoardsApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/boards").WithTags("Boards");
        g.MapGet("/", async Task<Ok<List<BoardRow>>> (AppDbContext db) =>
            TypedResults.Ok((await db.Boards.AsNoTracking().OrderBy(b => b.SuccessorId != null).ThenBy(b => b.Name).ToListAsync()).Select(BoardQueries.Row).ToList()))
            .WithSummary("The boards, current ones first, with the board each former one was succeeded by");

        g.MapGet("/{id:int}", async Task<Results<Ok<BoardHistoryView>, NotFound>> (int id, ClaimsPrincipal user, AppDbContext db, PartnershipAccess access, TimeProvider clock) =>
            await BoardQueries.HistoryAsync(db, access, user, id, clock.Today()) is { } h
                ? TypedResults.Ok(new BoardHistoryView(BoardQueries.Row(h.Board), [.. h.Predecessors.Select(BoardQueries.Row)], h.Partnerships))
                : TypedResults.NotFound())
            .WithSummary("A board with the boards it succeeded and their partnerships that the caller may see");

        g.MapGet("/{id:int}/case-number-format", async Task<Results<Ok<CaseNumberFormatView>, NotFound>> (int id, AppDbContext db) =>
            await db.Boards.AsNoTracking().FirstOrDefaultAsync(b => b.Id == id) is { } board ? TypedResults.Ok(CaseNumberFormatView.Of(board)) : TypedResults.NotFound())
            .WithSummary("How the board writes its case numbers, with an example");

        g.MapPut("/{id:int}/case-number-format", async Task<Results<Ok<CaseNumberFormatView>, ProblemHttpResult, ValidationProblem>> (int id, CaseNumberFormatInput? input, ClaimsPrincipal user, BoardSteps steps, IStringLocalizer<Texts> t) =>
            (input is null ? Outcome.Invalid("", new Message("Send the input as JSON in the request body.")) : await steps.SetCaseNumberFormatAsync(user, id, input)).ToOk(t, CaseNumberFormatView.Of))
            .WithSummary("Set how the board writes its case numbers: literal text with {year}, {n} (or {n:4}, zero-padded) and {class:1.5.2}; the board's IOP coordinator. Case numbers given before keep their form");
    }
}
