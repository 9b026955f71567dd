using Samverka.Web.Data;
using Samverka.Web.Features.Agreements;

namespace Samverka.Web.Features.Meetings;

public enum DeviationSubject { Activity, Target, BudgetLine }

public enum DeviationStatus { Open, Approved, Rejected, ApprovedWithChanges }

/// <summary>A departure from planned activities, targets or budget, raised by the working group and decided by the steering group.</summary>
public class Deviation : VersionedEntity, IPartnershipScoped
{
    public int PartnershipId { get; set; }
    public int AgreementId { get; set; }
    public DeviationSubject Subject { get; set; }

    /// <summary>The activity, expected result or budget line it concerns.</summary>
    public int SubjectId { get; set; }
    public required string WhatDiffers { get; set; }
    public required string Why { get; set; }
    public string? Consequence { get; set; }
    public string? ProposedAction { get; set; }
    public DateOnly RaisedOn { get; set; }
    public required string RaisedBy { get; set; }

    public DeviationStatus Status { get; set; }
    public int? DecidedAtMeetingId { get; set; }
    public string? DecisionText { get; set; }

    /// <summary>When the decision changes the agreement: the amendment it leads to (a text reference until amendments are records).</summary>
    public string? Amendment { get; set; }

    public void Raised() => Raise(new DeviationRaised(this));

    public Message? Decide(Meeting meeting, DeviationStatus outcome, string? text, string? amendment)
    {
        if (Status != DeviationStatus.Open)
        {
            return new Message("The deviation has already been decided.");
        }
        if (outcome == DeviationStatus.Open)
        {
            return new Message("Choose approved, rejected or approved with changes.");
        }
        if (meeting.Group != GroupKind.SteeringGroup || !meeting.IsHeld || meeting.PartnershipId != PartnershipId)
        {
            return new Message("A deviation is decided at a held steering-group meeting of the partnership.");
        }
        if (meeting.MinutesLocked)
        {
            return new Message("The minutes of that meeting are approved and locked.");
        }
        if (outcome == DeviationStatus.ApprovedWithChanges && string.IsNullOrWhiteSpace(text))
        {
            return new Message("Say what the changes are.");
        }
        Status = outcome;
        DecidedAtMeetingId = meeting.Id;
        DecisionText = string.IsNullOrWhiteSpace(text) ? null : text.Trim();
        Amendment = string.IsNullOrWhiteSpace(amendment) ? null : amendment.Trim();
        Raise(new DeviationDecided(this));
        meeting.Decide($"Avvikelse: {WhatDiffers} – {outcome switch { DeviationStatus.Approved => "godkänd", DeviationStatus.Rejected => "avslagen", _ => "godkänd med ändringar" }}" + (DecisionText is null ? "" : $". {DecisionText}"), Id);
        return null;
    }
}
