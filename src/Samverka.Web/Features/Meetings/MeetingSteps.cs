using System.Security.Claims;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Samverka.Web.Data;
using Samverka.Web.Features.Agreements;
using Samverka.Web.Features.Partnerships;

namespace Samverka.Web.Features.Meetings;

public sealed record NewMeetingInput(GroupKind Group, DateOnly? Date, bool Held);
public sealed record AttendeeInput(string? Name, string? Organisation, string? Role, bool IsAdjunct);
public sealed record ActionItemInput(string? Text, string? Owner, DateOnly? DueOn, DateOnly? DoneOn);
public sealed record MeetingInput(DateOnly? HeldOn, string? Agenda, string? Minutes, List<AttendeeInput>? Attendees, List<ActionItemInput>? ActionItems,
    List<string>? ApproverIds, Guid? Version);
public sealed record ApproveMinutesInput(Guid? Version);
public sealed record RaiseDeviationInput(DeviationSubject? Subject, int? SubjectId, string? WhatDiffers, string? Why, string? Consequence, string? ProposedAction);
public sealed record DecideDeviationInput(int? MeetingId, DeviationStatus Outcome, string? DecisionText, string? Amendment, Guid? Version);

/// <summary>Every named approver has approved: the minutes are locked and official.</summary>
public sealed record MinutesApproved([property: JsonIgnore] Meeting Meeting, string ApprovedBy) : IDomainEvent
{
    public int MeetingId => Meeting.Id;
    public int PartnershipId => Meeting.PartnershipId;
}

public sealed record DeviationRaised([property: JsonIgnore] Deviation Deviation) : IDomainEvent
{
    public int DeviationId => Deviation.Id;
    public int PartnershipId => Deviation.PartnershipId;
}

public sealed record DeviationDecided([property: JsonIgnore] Deviation Deviation) : IDomainEvent
{
    public int DeviationId => Deviation.Id;
    public int PartnershipId => Deviation.PartnershipId;
    public DeviationStatus Status => Deviation.Status;
}

/// <summary>
/// The steps of meetings, minutes and deviations, written once for pages and API. Both parties keep the minutes and
/// raise and decide deviations (<see cref="PartnershipOperation.Report"/>); the people named approve the minutes.
/// </summary>
public sealed class MeetingSteps(StepRunner runner, PartnershipAccess access)
{
    private AppDbContext Db => runner.Db;

    private async Task<Partnership?> PartnershipAsync(ClaimsPrincipal user, int partnershipId) =>
        (await access.FindAsync(user, partnershipId, PartnershipOperation.ReadInternal, track: true)) is { Partnership: { } p, Denied: null } ? p : null;

    private async Task<MeetingInCase?> MeetingAsync(ClaimsPrincipal user, int id)
    {
        var m = await Db.Meetings.Include(x => x.Attendees).Include(x => x.Decisions).Include(x => x.ActionItems).Include(x => x.Approvers).FirstOrDefaultAsync(x => x.Id == id);
        return m is not null && await PartnershipAsync(user, m.PartnershipId) is { } p ? new MeetingInCase(m, p) : null;
    }

    private sealed record MeetingInCase(Meeting Meeting, Partnership Partnership);

    /// <summary>A meeting planned for a month, or recorded as held on a date.</summary>
    public Task<Outcome<Meeting>> AddAsync(ClaimsPrincipal user, int partnershipId, NewMeetingInput input) =>
        runner.RunAddingAsync(user, () => PartnershipAsync(user, partnershipId), p => p, PartnershipOperation.Report, async (Partnership p, StepContext ctx) =>
        {
            if (input.Date is not { } date)
            {
                return Outcome.Invalid("date", InputCheck.RequiredMessage);
            }
            if (!Enum.IsDefined(input.Group))
            {
                return Outcome.Invalid("group", new Message("The value is not valid here."));
            }
            var first = await FirstSignedAsync(p.Id);
            var meeting = new Meeting { PartnershipId = p.Id, Group = input.Group };
            if (input.Held)
            {
                if (meeting.CheckHeldOn(date, first, ctx.Today) is { } bad)
                {
                    return Outcome.Invalid("date", bad);
                }
                meeting.HeldOn = date;
            }
            else
            {
                if (first is not null && date < first.StartDate)
                {
                    return Outcome.Invalid("date", new Message("The meeting cannot be before the agreement started ({0}).", first.StartDate));
                }
                if (date.Year > ctx.Today.Year + 10)
                {
                    return Outcome.Invalid("date", new Message("The date {0} is not plausible here.", date));
                }
                meeting.PlannedFor = new DateOnly(date.Year, date.Month, 1);
            }
            Db.Meetings.Add(meeting);
            return Outcome.Done(meeting);
        });

    /// <summary>When it was held, who was there, agenda, minutes, action items and who approves the minutes; refused once the minutes are approved.</summary>
    public Task<Outcome<Meeting>> SaveAsync(ClaimsPrincipal user, int id, MeetingInput input) =>
        runner.RunAsync(user, () => MeetingAsync(user, id), x => x.Partnership, x => x.Meeting, PartnershipOperation.Report, input.Version, async (MeetingInCase x, StepContext ctx) =>
        {
            var m = x.Meeting;
            if (m.MinutesLocked)
            {
                return Outcome.Refused(new Message("The minutes are approved and locked; nothing was changed."));
            }
            var check = new InputCheck()
                .Text("agenda", input.Agenda, TextLimit.Long, multiline: true)
                .Text("minutes", input.Minutes, TextLimit.Long, multiline: true);
            if (input.HeldOn is { } held && m.CheckHeldOn(held, await FirstSignedAsync(m.PartnershipId), ctx.Today) is { } bad)
            {
                check.Add("heldOn", bad);
            }
            var attendees = (input.Attendees ?? []).Where(a => !string.IsNullOrWhiteSpace(a.Name)).ToList();
            foreach (var (a, i) in attendees.Select((a, i) => (a, i)))
            {
                check.Text($"attendees[{i}].name", a.Name, TextLimit.Short).Text($"attendees[{i}].organisation", a.Organisation, TextLimit.Short).Text($"attendees[{i}].role", a.Role, TextLimit.Short);
            }
            var actions = (input.ActionItems ?? []).Where(a => !string.IsNullOrWhiteSpace(a.Text)).ToList();
            foreach (var (a, i) in actions.Select((a, i) => (a, i)))
            {
                check.Text($"actionItems[{i}].text", a.Text, TextLimit.Medium, multiline: true).Text($"actionItems[{i}].owner", a.Owner, TextLimit.Short);
            }
            var people = await MeetingAccess.PeopleAsync(Db, x.Partnership);
            var approverIds = (input.ApproverIds ?? []).Distinct().ToList();
            if (approverIds.Any(a => people.All(p => p.Id != a)))
            {
                check.Add("approverIds", new Message("Choose the approvers among the partnership's people."));
            }
            if (!check.IsValid)
            {
                return Outcome.Invalid(check.Problems);
            }
            m.HeldOn = input.HeldOn ?? m.HeldOn;
            m.Agenda = input.Agenda.NullIfBlank();
            m.Minutes = input.Minutes.NullIfBlank();
            m.Attendees = [.. attendees.Select(a => new MeetingAttendee { Name = a.Name!.Trim(), Organisation = a.Organisation.NullIfBlank(), Role = a.Role.NullIfBlank(), IsAdjunct = a.IsAdjunct })];
            m.ActionItems = [.. actions.Select(a => new ActionItem { Text = a.Text!.Trim(), Owner = a.Owner.NullIfBlank(), DueOn = a.DueOn, DoneOn = a.DoneOn })];
            // Keep approvals already given by people who stay named.
            m.Approvers.RemoveAll(a => !approverIds.Contains(a.UserId));
            foreach (var (personId, name) in people.Where(p => approverIds.Contains(p.Id) && m.Approvers.All(a => a.UserId != p.Id)))
            {
                m.Approvers.Add(new MinutesApprover { UserId = personId, Name = name });
            }
            return Outcome.Done(m);
        });

    /// <summary>A named member approves (justerar) the minutes; when the last has, they are locked and registered.</summary>
    public Task<Outcome<Meeting>> ApproveMinutesAsync(ClaimsPrincipal user, int id, ApproveMinutesInput input) =>
        runner.RunAsync(user, () => MeetingAsync(user, id), x => x.Partnership, x => x.Meeting, PartnershipOperation.ReadInternal, input.Version, (MeetingInCase x, StepContext ctx) =>
            Task.FromResult(Outcome.Of(x.Meeting, x.Meeting.Approve(ctx.Actor))));

    public Task<Outcome<Deviation>> RaiseDeviationAsync(ClaimsPrincipal user, int partnershipId, RaiseDeviationInput input) =>
        runner.RunAddingAsync(user, () => PartnershipAsync(user, partnershipId), p => p, PartnershipOperation.Report, async (Partnership p, StepContext ctx) =>
        {
            var check = new InputCheck()
                .Text("whatDiffers", input.WhatDiffers, TextLimit.Medium, required: true, multiline: true)
                .Text("why", input.Why, TextLimit.Medium, required: true, multiline: true)
                .Text("consequence", input.Consequence, TextLimit.Medium, multiline: true)
                .Text("proposedAction", input.ProposedAction, TextLimit.Medium, multiline: true);
            var agreement = await CurrentAgreementAsync(p.Id, null);
            if (agreement is null)
            {
                return Outcome.Refused(new Message("Deviations are raised against a signed agreement."));
            }
            if (input.Subject is not { } subject || input.SubjectId is not { } subjectId || !Subjects(agreement).Contains((subject, subjectId)))
            {
                check.Add("subject", new Message("Choose the activity, target or budget line the deviation concerns."));
            }
            if (!check.IsValid)
            {
                return Outcome.Invalid(check.Problems);
            }
            var deviation = new Deviation
            {
                PartnershipId = p.Id,
                AgreementId = agreement.Id,
                Subject = input.Subject!.Value,
                SubjectId = input.SubjectId!.Value,
                WhatDiffers = input.WhatDiffers!.Trim(),
                Why = input.Why!.Trim(),
                Consequence = input.Consequence.NullIfBlank(),
                ProposedAction = input.ProposedAction.NullIfBlank(),
                RaisedOn = ctx.Today,
                RaisedBy = ctx.Actor.Name,
            };
            deviation.Raised();
            Db.Deviations.Add(deviation);
            return Outcome.Done(deviation);
        });

    /// <summary>The steering group's decision at a held meeting; it becomes a numbered decision of that meeting.</summary>
    public Task<Outcome<Deviation>> DecideDeviationAsync(ClaimsPrincipal user, int deviationId, DecideDeviationInput input) =>
        runner.RunAsync(user, async () => await Db.Deviations.FirstOrDefaultAsync(d => d.Id == deviationId) is { } d && await PartnershipAsync(user, d.PartnershipId) is { } p ? new DeviationInCase(d, p) : null,
            x => x.Partnership, x => x.Deviation, PartnershipOperation.Report, input.Version, async (DeviationInCase x, StepContext ctx) =>
            {
                var check = new InputCheck().Text("decisionText", input.DecisionText, TextLimit.Medium, multiline: true).Text("amendment", input.Amendment, TextLimit.Description);
                if (!check.IsValid)
                {
                    return Outcome.Invalid(check.Problems);
                }
                var meeting = input.MeetingId is null ? null
                    : await Db.Meetings.Include(m => m.Decisions).Include(m => m.Approvers).FirstOrDefaultAsync(m => m.Id == input.MeetingId && m.PartnershipId == x.Deviation.PartnershipId);
                if (meeting is null)
                {
                    return Outcome.Invalid("meetingId", new Message("A deviation is decided at a held steering-group meeting of the partnership."));
                }
                if (x.Deviation.Decide(meeting, input.Outcome, input.DecisionText, input.Amendment) is { } refused)
                {
                    return Outcome.Refused(refused);
                }
                // The decision is part of the meeting's record: a concurrent edit of the meeting meets this save.
                meeting.Touch();
                return Outcome.Done(x.Deviation);
            });

    private sealed record DeviationInCase(Deviation Deviation, Partnership Partnership);

    /// <summary>What a deviation can concern: the activities, targets and budget lines of the agreement.</summary>
    public static HashSet<(DeviationSubject, int)> Subjects(Agreement a) =>
    [
        .. a.Goals.SelectMany(g => g.Activities).Select(x => (DeviationSubject.Activity, x.Id)),
        .. a.Goals.SelectMany(g => g.ExpectedResults).Select(x => (DeviationSubject.Target, x.Id)),
        .. a.BudgetLines.Select(l => (DeviationSubject.BudgetLine, l.Id)),
    ];

    /// <summary>The signed agreement deviations are raised against: the latest one (or the deviation's own).</summary>
    public Task<Agreement?> CurrentAgreementAsync(int partnershipId, int? agreementId) =>
        Db.Agreements.AsNoTracking().Include(a => a.Goals).ThenInclude(g => g.ExpectedResults).Include(a => a.Goals).ThenInclude(g => g.Activities).Include(a => a.BudgetLines)
            .Where(a => a.PartnershipId == partnershipId && a.Stage >= AgreementStage.Signed && (agreementId == null || a.Id == agreementId))
            .OrderByDescending(a => a.StartDate).FirstOrDefaultAsync();

    private Task<Agreement?> FirstSignedAsync(int partnershipId) =>
        Db.Agreements.AsNoTracking().Where(a => a.PartnershipId == partnershipId && a.Stage >= AgreementStage.Signed).OrderBy(a => a.StartDate).FirstOrDefaultAsync();
}
