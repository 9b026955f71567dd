using Samverka.Web.Data;

namespace Samverka.Web.Features.Boards;

/// <summary>A political board (nämnd) with the administration (förvaltning) that serves it.</summary>
public class Board : VersionedEntity
{
    public required string Name { get; set; }
    public required string AdministrationName { get; set; }

    /// <summary>The municipality or region the board is a board of.</summary>
    public int MunicipalityId { get; set; }
    public Municipalities.Municipality Municipality { get; set; } = null!;

    /// <summary>How the board writes its case numbers, e.g. "JÄRVA {year}/{n}" for "JÄRVA 2023/549" (<see cref="Boards.CaseNumberFormat"/>).</summary>
    public required string CaseNumberPattern { get; set; }

    /// <summary>The board's case-number format; the pattern was checked when it was set.</summary>
    public CaseNumberFormat CaseNumbers => FormatOf(CaseNumberPattern);

    // A handful of patterns, each parsed (and its regex built) once, not on every page that shows a board's example.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, CaseNumberFormat> Formats = new(StringComparer.Ordinal);

    public static CaseNumberFormat FormatOf(string pattern) => Formats.GetOrAdd(pattern, p =>
        CaseNumberFormat.Parse(p).Format ?? throw new InvalidOperationException($"The stored case-number format '{p}' is not one."));

    /// <summary>Set when this board was merged into or renamed to another (Rinkeby-Kista → Järva).</summary>
    public int? SuccessorId { get; set; }
    public Board? Successor { get; set; }

    /// <summary>When the board ceased; null while it exists or when the sources do not say.</summary>
    public DateOnly? EndedOn { get; set; }

    public List<Board> Predecessors { get; set; } = [];

    /// <summary>
    /// An agreement under a board that has ended is history: it ran before the board's end. One that goes on past it
    /// belongs under the board that took over.
    /// </summary>
    public static Message? CheckAgreementEnd(string board, DateOnly? endedOn, DateOnly agreementEnd) =>
        endedOn is { } ended && agreementEnd > ended
            ? new Message("{0} ended on {1}: an agreement under it ends by then (this one ends {2}). An agreement that runs on belongs under the board that took over.", board, ended, agreementEnd)
            : null;

    /// <summary>The ids of this board and every board it succeeded, at any depth.</summary>
    public static IReadOnlySet<int> WithPredecessors(int boardId, IEnumerable<(int Id, int? SuccessorId)> all)
    {
        var list = all.ToList();
        var result = new HashSet<int> { boardId };
        var frontier = new Queue<int>([boardId]);
        while (frontier.TryDequeue(out var current))
        {
            foreach (var b in list.Where(b => b.SuccessorId == current))
            {
                if (result.Add(b.Id))
                {
                    frontier.Enqueue(b.Id);
                }
            }
        }
        return result;
    }
}
