namespace Samverka.Web.Features.Results;

/// <summary>A list of categories as a form edits it, shared by the municipality's page and an agreement's: blank rows to add, a box to remove.</summary>
public sealed class CategoryFormRow
{
    public int? Id { get; set; }
    public CategoryKind Kind { get; set; }
    public string? Code { get; set; }
    public string? Name { get; set; }
    public string? NameEn { get; set; }
    public bool Retired { get; set; }
    public bool Remove { get; set; }
    public int InUse { get; set; }

    /// <summary>The rows of the lists, each kind with two blank rows to add to.</summary>
    public static List<CategoryFormRow> Of(IEnumerable<CategoryView> categories)
    {
        var list = categories.ToList();
        return [.. Enum.GetValues<CategoryKind>().SelectMany(kind => list.Where(c => c.Kind == kind)
            .Select(c => new CategoryFormRow { Id = c.Id, Kind = c.Kind, Code = c.Code, Name = c.Name, NameEn = c.NameEn, Retired = c.Retired, InUse = c.InUse })
            .Concat([new CategoryFormRow { Kind = kind }, new CategoryFormRow { Kind = kind }]))];
    }

    /// <summary>What the step is sent: every row kept, in order; a blank new row is no row, a removed one is left out.</summary>
    public static List<CategoryRow> ToInput(IEnumerable<CategoryFormRow> rows) =>
        [.. rows.Where(r => !r.Remove && (r.Id is not null || !string.IsNullOrWhiteSpace(r.Name) || !string.IsNullOrWhiteSpace(r.Code)))
            .Select(r => new CategoryRow(r.Id, r.Kind, r.Name, r.NameEn, r.Code, r.Retired))];
}
