namespace Samverka.Web.Features.Results;

/// <summary>A count as shown outside the partnership: its value, or hidden.</summary>
public readonly record struct Cell(int? Value, bool Hidden);

/// <summary>
/// Small counts shown outside the partnership could point to a person. Counts from 1 to threshold − 1 are hidden
/// (primary suppression); where a total is shown with its parts and only one part is hidden, the smallest other part
/// is hidden too so that the total does not give the first away (secondary suppression).
/// </summary>
public static class Suppression
{
    public const int DefaultThreshold = 5;

    public static Cell One(int? value, int threshold) =>
        value is { } v && v > 0 && v < threshold ? new Cell(null, true) : new Cell(value, false);

    /// <summary>The total first, then the parts, each suppressed as needed.</summary>
    public static Cell[] TotalAndParts(int? total, IReadOnlyList<int?> parts, int threshold)
    {
        var cells = new Cell[parts.Count + 1];
        cells[0] = One(total, threshold);
        for (var i = 0; i < parts.Count; i++)
        {
            cells[i + 1] = One(parts[i], threshold);
        }
        if (cells[0].Hidden)
        {
            // The parts of a hidden total are hidden as well.
            for (var i = 1; i < cells.Length; i++)
            {
                cells[i] = parts[i - 1] is > 0 ? new Cell(null, true) : cells[i];
            }
            return cells;
        }
        var hidden = Enumerable.Range(1, parts.Count).Count(i => cells[i].Hidden);
        if (hidden == 1 && total is not null)
        {
            var candidate = Enumerable.Range(1, parts.Count)
                .Where(i => !cells[i].Hidden && parts[i - 1] is > 0)
                .OrderBy(i => parts[i - 1])
                .Cast<int?>()
                .FirstOrDefault();
            if (candidate is { } c)
            {
                cells[c] = new Cell(null, true);
            }
            else
            {
                cells[0] = new Cell(null, true);
            }
        }
        return cells;
    }
}
