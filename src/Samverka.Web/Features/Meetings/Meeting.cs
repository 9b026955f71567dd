using Samverka.Web.Data;
using Samverka.Web.Features.Agreements;

namespace Samverka.Web.Features.Meetings;

/// <summary>A steering-group or working-group meeting: planned from the agreement's cadence, then held and minuted.</summary>
public class Meeting : VersionedEntity, IPartnershipScoped
{
    public int PartnershipId { get; set; }
    public GroupKind Group { get; set; }

    /// <summary>The month it was planned for, as its first day; null for a meeting added outside the plan.</summary>
    public DateOnly? PlannedFor { get; set; }
    public DateOnly? HeldOn { get; set; }

    /// <summary>For a meeting known to have been held in a year whose date the sources do not give (seed 003: four in 2024).</summary>
    public int? HeldInYear { get; set; }
    public string? Agenda { get; set; }
    public string? Minutes { get; set; }
    public string? Note { get; set; }

    public List<MeetingAttendee> Attendees { get; set; } = [];
    public List<MeetingDecision> Decisions { get; set; } = [];
    public List<ActionItem> ActionItems { get; set; } = [];

    /// <summary>The members named to approve (justera) the minutes; when all have, the minutes are locked.</summary>
    public List<MinutesApprover> Approvers { get; set; } = [];

    public bool IsHeld => HeldOn is not null || HeldInYear is not null;

    public int? Year => HeldOn?.Year ?? HeldInYear ?? PlannedFor?.Year;

    public bool MinutesLocked => Approvers.Count > 0 && Approvers.All(a => a.ApprovedAt is not null);

    public Message? CheckHeldOn(DateOnly heldOn, Agreement? agreement, DateOnly today)
    {
        if (heldOn > today)
        {
            return new Message("A meeting cannot be recorded as held in the future.");
        }
        if (agreement is not null && heldOn < agreement.StartDate)
        {
            return new Message("The meeting cannot be before the agreement started ({0}).", agreement.StartDate);
        }
        return null;
    }

    public Message? Approve(Actor by)
    {
        if (!IsHeld || string.IsNullOrWhiteSpace(Minutes))
        {
            return new Message("Only the minutes of a held meeting can be approved.");
        }
        var approver = Approvers.FirstOrDefault(a => a.UserId == by.UserId);
        if (approver is null)
        {
            return new Message("You are not named to approve these minutes.");
        }
        if (approver.ApprovedAt is not null)
        {
            return new Message("You have already approved these minutes.");
        }
        approver.ApprovedAt = by.At;
        if (MinutesLocked)
        {
            Raise(new MinutesApproved(this, by.Name));
        }
        return null;
    }

    /// <summary>Numbers a new decision after the meeting's others (§ 1, § 2, …).</summary>
    public MeetingDecision Decide(string text, int? deviationId)
    {
        var d = new MeetingDecision { Number = Decisions.Count == 0 ? 1 : Decisions.Max(x => x.Number) + 1, Text = text, DeviationId = deviationId };
        Decisions.Add(d);
        return d;
    }
}

public class MeetingAttendee : IPartOf<Meeting>
{
    public int Id { get; set; }
    public int MeetingId { get; set; }
    public required string Name { get; set; }
    public string? Organisation { get; set; }
    public string? Role { get; set; }

    /// <summary>Adjungerad: present without a vote.</summary>
    public bool IsAdjunct { get; set; }
}

public class MeetingDecision : IPartOf<Meeting>
{
    public int Id { get; set; }
    public int MeetingId { get; set; }
    public int Number { get; set; }
    public required string Text { get; set; }
    public int? DeviationId { get; set; }
}

public class ActionItem : IPartOf<Meeting>
{
    public int Id { get; set; }
    public int MeetingId { get; set; }
    public required string Text { get; set; }
    public string? Owner { get; set; }
    public DateOnly? DueOn { get; set; }
    public DateOnly? DoneOn { get; set; }
}

public class MinutesApprover : IPartOf<Meeting>
{
    public int Id { get; set; }
    public int MeetingId { get; set; }
    public required string UserId { get; set; }
    public required string Name { get; set; }
    public DateTimeOffset? ApprovedAt { get; set; }
}

/// <summary>How many meetings the agreement's cadence plans, per year.</summary>
public static class MeetingCadence
{
    /// <summary>
    /// The months in which meetings are planned: from the agreement's first month, every <paramref name="intervalMonths"/>
    /// months, until its end. Every other month over a calendar year gives six.
    /// </summary>
    public static IReadOnlyList<DateOnly> Planned(DateOnly start, DateOnly end, int intervalMonths)
    {
        if (intervalMonths < 1 || end < start)
        {
            return [];
        }
        var result = new List<DateOnly>();
        for (var month = new DateOnly(start.Year, start.Month, 1); month <= end; month = month.AddMonths(intervalMonths))
        {
            result.Add(month);
        }
        return result;
    }

    public static int PlannedIn(int year, DateOnly start, DateOnly end, int intervalMonths) =>
        Planned(start, end, intervalMonths).Count(d => d.Year == year);
}
