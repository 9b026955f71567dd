namespace Samverka.Web.Features.Agreements;

/// <summary>A target's fields in a form, shared by the goal page and the page that adds a target later (partial _TargetFields).</summary>
public class TargetFields
{
    public string? Description { get; set; }
    public TargetKind Kind { get; set; } = TargetKind.Count;

    /// <summary>Empty: as the kind has it (a split within a tolerance, everything else at least).</summary>
    public TargetDirection? Direction { get; set; }
    public decimal? TargetValue { get; set; }
    public decimal? Tolerance { get; set; }
    public int? EventCount { get; set; }
    public string? Unit { get; set; }
    public ShareOf? ShareOf { get; set; }
    public string? ShareLabel { get; set; }
    public string? ShareCategory { get; set; }
    public decimal? MenSharePercent { get; set; }
    public decimal? WomenSharePercent { get; set; }
    public decimal? Baseline { get; set; }
    public decimal? ChangePercent { get; set; }
    public int? ResponsibleOrganisationId { get; set; }
    public string? Note { get; set; }

    public ExpectedResultDto ToDto(int? id, DateOnly? addedOn, int? addedByDecisionId) =>
        new(id, Description?.Trim() ?? "", Kind, TargetValue, EventCount, Unit.NullIfBlank(), MenSharePercent, WomenSharePercent, ResponsibleOrganisationId,
            addedOn, addedByDecisionId, Note.NullIfBlank(), Direction, Tolerance, ShareOf, ShareLabel.NullIfBlank(), Baseline, ChangePercent, ShareCategory.NullIfBlank());

    public static TFields From<TFields>(ExpectedResult r) where TFields : TargetFields, new() => new()
    {
        Description = r.Description, Kind = r.Kind, Direction = r.Direction, TargetValue = r.TargetValue, Tolerance = r.Tolerance, EventCount = r.EventCount,
        Unit = r.Unit, ShareOf = r.ShareOf, ShareLabel = r.ShareLabel, ShareCategory = r.ShareCategory, MenSharePercent = r.MenSharePercent, WomenSharePercent = r.WomenSharePercent,
        Baseline = r.Baseline, ChangePercent = r.ChangePercent, ResponsibleOrganisationId = r.ResponsibleOrganisationId, Note = r.Note,
    };
}
