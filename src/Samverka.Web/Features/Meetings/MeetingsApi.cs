using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Samverka.Web.Data;
using Samverka.Web.Features.Agreements;
using Samverka.Web.Features.Partnerships;

namespace Samverka.Web.Features.Meetings;

public sealed record MeetingRow(int Id, GroupKind Group, DateOnly? PlannedFor, DateOnly? HeldOn, int? HeldInYear, bool MinutesLocked, int Decisions, int OpenActionItems);

public sealed record MeetingsView(int PartnershipId, List<PlannedHeld> PlannedAgainstHeld, List<MeetingRow> Meetings);

public sealed record AttendeeView(string Name, string? Organisation, string? Role, bool IsAdjunct);

public sealed record MeetingDecisionView(int Number, string Text, int? DeviationId);

public sealed record ActionItemView(string Text, string? Owner, DateOnly? DueOn, DateOnly? DoneOn);

public sealed record ApproverView(string UserId, string Name, DateTimeOffset? ApprovedAt);

public sealed record MeetingView(int Id, int PartnershipId, GroupKind Group, DateOnly? PlannedFor, DateOnly? HeldOn, int? HeldInYear, string? Agenda, string? Minutes,
    bool MinutesLocked, List<AttendeeView> Attendees, List<MeetingDecisionView> Decisions, List<ActionItemView> ActionItems, List<ApproverView> Approvers, Guid Version)
{
    public static MeetingView From(Meeting m) => new(m.Id, m.PartnershipId, m.Group, m.PlannedFor, m.HeldOn, m.HeldInYear, m.Agenda, m.Minutes, m.MinutesLocked,
        [.. m.Attendees.OrderBy(a => a.Id).Select(a => new AttendeeView(a.Name, a.Organisation, a.Role, a.IsAdjunct))],
        [.. m.Decisions.OrderBy(d => d.Number).Select(d => new MeetingDecisionView(d.Number, d.Text, d.DeviationId))],
        [.. m.ActionItems.OrderBy(a => a.Id).Select(a => new ActionItemView(a.Text, a.Owner, a.DueOn, a.DoneOn))],
        [.. m.Approvers.OrderBy(a => a.Id).Select(a => new ApproverView(a.UserId, a.Name, a.ApprovedAt))],
        m.Version);
}

public sealed record DeviationView(int Id, int PartnershipId, int AgreementId, DeviationSubject Subject, int SubjectId, string WhatDiffers, string Why, string? Consequence,
    string? ProposedAction, DateOnly RaisedOn, string RaisedBy, DeviationStatus Status, int? DecidedAtMeetingId, string? DecisionText, string? Amendment, Guid Version)
{
    public static DeviationView From(Deviation d) => new(d.Id, d.PartnershipId, d.AgreementId, d.Subject, d.SubjectId, d.WhatDiffers, d.Why, d.Consequence,
        d.ProposedAction, d.RaisedOn, d.RaisedBy, d.Status, d.DecidedAtMeetingId, d.DecisionText, d.Amendment, d.Version);
}

/// <summary>Meetings, minutes and their approval, action items and deviations: the same steps and rules as the pages (MeetingSteps).</summary>
public static class MeetingsApi
{
    private static readonly Failure MissingBody = Outcome.Invalid("", new Message("Send the input as JSON in the request body."));

    public static void MapMeetingsApi(this RouteGroupBuilder api)
    {
        var p = api.MapGroup("/partnerships/{partnershipId:int}").WithTags("Meetings");

        p.MapGet("/meetings", async Task<Results<Ok<MeetingsView>, NotFound>> (int partnershipId, ClaimsPrincipal user, PartnershipAccess access, AppDbContext db) =>
        {
            if (await MeetingAccess.FindAsync(access, user, partnershipId) is null)
            {
                return TypedResults.NotFound();
            }
            var meetings = await db.Meetings.AsNoTracking().Where(m => m.PartnershipId == partnershipId)
                .Include(m => m.Approvers).Include(m => m.Decisions).Include(m => m.ActionItems).ToListAsync();
            return TypedResults.Ok(new MeetingsView(partnershipId, await MeetingAccess.PlannedAgainstHeldAsync(db, partnershipId),
                [.. meetings.OrderBy(m => m.HeldOn ?? m.PlannedFor ?? new DateOnly(m.HeldInYear ?? 1, 1, 1)).ThenBy(m => m.Id)
                    .Select(m => new MeetingRow(m.Id, m.Group, m.PlannedFor, m.HeldOn, m.HeldInYear, m.MinutesLocked, m.Decisions.Count, m.ActionItems.Count(a => a.DoneOn is null)))]));
        }).WithSummary("The partnership's meetings, and planned against held per year (both parties; not board members)");

        p.MapPost("/meetings", async Task<Results<Created<MeetingView>, ProblemHttpResult, ValidationProblem>> (int partnershipId, NewMeetingInput? input, ClaimsPrincipal user,
            MeetingSteps steps, IStringLocalizer<Texts> t) =>
            (input is null ? MissingBody : await steps.AddAsync(user, partnershipId, input)).ToCreated(t, m => $"/api/meetings/{m.Id}", MeetingView.From))
            .WithSummary("Plan a meeting for a month, or record one as held on a date");

        p.MapGet("/deviations", async Task<Results<Ok<List<DeviationView>>, NotFound>> (int partnershipId, ClaimsPrincipal user, PartnershipAccess access, AppDbContext db) =>
        {
            if (await MeetingAccess.FindAsync(access, user, partnershipId) is null)
            {
                return TypedResults.NotFound();
            }
            var deviations = await db.Deviations.AsNoTracking().Where(d => d.PartnershipId == partnershipId).OrderByDescending(d => d.RaisedOn).ThenByDescending(d => d.Id).ToListAsync();
            return TypedResults.Ok(deviations.Select(DeviationView.From).ToList());
        }).WithSummary("The partnership's deviations, open and decided");

        p.MapPost("/deviations", async Task<Results<Created<DeviationView>, ProblemHttpResult, ValidationProblem>> (int partnershipId, RaiseDeviationInput? input, ClaimsPrincipal user,
            MeetingSteps steps, IStringLocalizer<Texts> t) =>
            (input is null ? MissingBody : await steps.RaiseDeviationAsync(user, partnershipId, input)).ToCreated(t, d => $"/api/deviations/{d.Id}", DeviationView.From))
            .WithSummary("Raise a deviation against an activity, a target or a budget line");

        var m = api.MapGroup("/meetings/{id:int}").WithTags("Meetings");
        m.MapGet("/", async Task<Results<Ok<MeetingView>, NotFound>> (int id, ClaimsPrincipal user, PartnershipAccess access, AppDbContext db) =>
            await db.Meetings.AsNoTracking().Include(x => x.Attendees).Include(x => x.Decisions).Include(x => x.ActionItems).Include(x => x.Approvers)
                .FirstOrDefaultAsync(x => x.Id == id) is { } meeting && await MeetingAccess.FindAsync(access, user, meeting.PartnershipId) is not null
                ? TypedResults.Ok(MeetingView.From(meeting))
                : TypedResults.NotFound())
            .WithSummary("A meeting with who was there, agenda, minutes, decisions, action items and who approves the minutes");

        m.MapPut("/", async Task<Results<Ok<MeetingView>, ProblemHttpResult, ValidationProblem>> (int id, MeetingInput? input, ClaimsPrincipal user, MeetingSteps steps, IStringLocalizer<Texts> t) =>
            (input is null ? MissingBody : await steps.SaveAsync(user, id, input)).ToOk(t, MeetingView.From))
            .WithSummary("Record when it was held, who was there, agenda, minutes, action items and who approves; refused once the minutes are approved; send the version you read");

        m.MapPost("/approve", async Task<Results<Ok<MeetingView>, ProblemHttpResult, ValidationProblem>> (int id, ApproveMinutesInput? input, ClaimsPrincipal user, MeetingSteps steps, IStringLocalizer<Texts> t) =>
            (input is null ? MissingBody : await steps.ApproveMinutesAsync(user, id, input)).ToOk(t, MeetingView.From))
            .WithSummary("Approve (justera) the minutes as one of the people named; the last approval locks them and registers them in the case");

        var d = api.MapGroup("/deviations/{id:int}").WithTags("Meetings");
        d.MapGet("/", async Task<Results<Ok<DeviationView>, NotFound>> (int id, ClaimsPrincipal user, PartnershipAccess access, AppDbContext db) =>
            await db.Deviations.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id) is { } deviation && await MeetingAccess.FindAsync(access, user, deviation.PartnershipId) is not null
                ? TypedResults.Ok(DeviationView.From(deviation))
                : TypedResults.NotFound())
            .WithSummary("A deviation and, once decided, the steering group's decision");

        d.MapPost("/decide", async Task<Results<Ok<DeviationView>, ProblemHttpResult, ValidationProblem>> (int id, DecideDeviationInput? input, ClaimsPrincipal user, MeetingSteps steps, IStringLocalizer<Texts> t) =>
            (input is null ? MissingBody : await steps.DecideDeviationAsync(user, id, input)).ToOk(t, DeviationView.From))
            .WithSummary("Record the steering group's decision on a deviation at a held meeting; send the version you read");
    }
}
