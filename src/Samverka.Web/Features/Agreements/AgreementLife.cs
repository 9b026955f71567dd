using Samverka.Web.Data;
using Samverka.Web.Features.Decisions;

namespace Samverka.Web.Features.Agreements;

public class AgreementExtension : IPartOf<Agreement>
{
    public int Id { get; set; }
    public int AgreementId { get; set; }
    public DateOnly PreviousEndDate { get; set; }
    public DateOnly NewEndDate { get; set; }
    public int? DecisionId { get; set; }
    public Decision? Decision { get; set; }
}

public enum AgreementStep { Created, Proposed, Withdrawn, Decided, Signed, Extended, Terminated, TargetAdded }

/// <summary>A step in the agreement's life: who recorded it and when, and the date it took effect.</summary>
public class AgreementEvent : IPartOf<Agreement>
{
    public int Id { get; set; }
    public int AgreementId { get; set; }
    public AgreementStep Step { get; set; }
    public DateOnly? OccurredOn { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    public string? RecordedByUserId { get; set; }
    public required string RecordedByName { get; set; }
    public string? Note { get; set; }
}
