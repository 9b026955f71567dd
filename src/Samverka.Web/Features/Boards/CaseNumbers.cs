using Microsoft.EntityFrameworkCore;
using Samverka.Web.Data;

namespace Samverka.Web.Features.Boards;

/// <summary>
/// The one check of a case number typed for a partnership, a decision or a registry search: in the format of the board it
/// belongs to, written back as the board writes it. One of another board's is named as such.
/// </summary>
public static class CaseNumbers
{
    /// <summary>The case number as <paramref name="boardId"/> writes it (null when none is given), or why it is not one of its.</summary>
    public static async Task<(string? Value, Message? Problem)> CheckAsync(AppDbContext db, int boardId, string? input)
    {
        if (input.NullIfBlank() is not { } typed)
        {
            return (null, null);
        }
        // A handful of boards: their formats are read together.
        var boards = await db.Boards.AsNoTracking().Select(b => new BoardFormat(b.Id, b.Name, b.CaseNumberPattern)).ToListAsync();
        return Check(boards, boardId, typed);
    }

    public sealed record BoardFormat(int Id, string Name, string Pattern);

    public static (string? Value, Message? Problem) Check(IReadOnlyList<BoardFormat> boards, int boardId, string input)
    {
        var own = boards.Single(b => b.Id == boardId);
        var format = Board.FormatOf(own.Pattern);
        if (format.Canonical(input) is { } value)
        {
            return (value, null);
        }
        var other = boards.FirstOrDefault(b => b.Id != boardId && Board.FormatOf(b.Pattern).Read(input) is not null);
        return (null, other is not null
            ? new Message("{0} is a case number of {1}; case numbers of {2} are written like {3}.", input.Trim(), other.Name, own.Name, format.Example)
            : new Message("Case numbers of {0} are written like {1}.", own.Name, format.Example));
    }
}
