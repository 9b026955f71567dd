using Microsoft.EntityFrameworkCore;
using Samverka.Tests.Support;
using Samverka.Web.Data;
using Samverka.Web.Features.Agreements;
using Samverka.Web.Features.Audit;
using Samverka.Web.Features.Meetings;
using Samverka.Web.Features.Results;

namespace Samverka.Tests.Features.Audit;

/// <summary>
/// Where the audit trail files a change: under the partnership of the record, found from the record or its parents
/// (its history page and its cache stamp depend on it). Every kind of record, modified, added and removed, with its
/// parent loaded and without.
/// </summary>
public class AuditPartnershipTests
{
    /// <summary>Registers belong to no partnership.</summary>
    private static readonly string[] Registers = ["Organisation", "Decision"];

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task EveryKindOfRecord_IsFiledUnderItsPartnership(Db db)
    {
        await using var app = await SamverkaApp.StartAsync(db);
        var (pid, aid) = await app.WithDbAsync(async ctx => await ctx.Agreements.Where(a => a.Title == "Överenskommelse Folkets Husby")
            .Select(a => new { a.PartnershipId, a.Id }).SingleAsync() is var x ? (x.PartnershipId, x.Id) : default);
        var filed = new List<(string Step, AuditEntry Entry)>();
        async Task Step(string name, Func<AppDbContext, Task> change)
        {
            var last = await app.WithDbAsync(ctx => ctx.AuditEntries.MaxAsync(e => e.Id));
            await app.WithDbAsync(async ctx =>
            {
                await change(ctx);
                await ctx.SaveChangesAsync();
            });
            filed.AddRange((await app.WithDbAsync(ctx => ctx.AuditEntries.Where(e => e.Id > last).ToListAsync())).Select(e => (name, e)));
        }
        // Queries of the agreement's records, composed (a local function cannot appear inside a query).
        (IQueryable<Goal> Goals, IQueryable<ExpectedResult> Targets, IQueryable<ResultReport> Reports, IQueryable<Figure> Figures) Of(AppDbContext ctx)
        {
            var goals = ctx.Goals.Where(g => g.AgreementId == aid);
            var reports = ctx.ResultReports.Where(r => r.AgreementId == aid);
            return (goals, ctx.ExpectedResults.Where(r => goals.Any(g => g.Id == r.GoalId)), reports, ctx.Figures.Where(f => reports.Any(r => r.Id == f.ReportId)));
        }

        // Each record loaded on its own, without its parents: the partnership comes from the database, up to three levels up.
        await Step("modified", async ctx =>
        {
            var (goals, targets, reports, figures) = Of(ctx);
            (await ctx.Set<ChallengeFigure>().FirstAsync(x => x.AgreementId == aid)).Source = "Ändrad";
            (await ctx.AgreementParties.FirstAsync(x => x.AgreementId == aid)).ContactName = "Ändrad";
            (await ctx.Set<CooperatingOrganisation>().FirstAsync(x => x.AgreementId == aid)).Description = "Ändrad";
            (await goals.FirstAsync()).Note = "Ändrad";
            (await targets.FirstAsync()).Note = "Ändrad";
            (await ctx.Activities.FirstAsync(x => goals.Any(g => g.Id == x.GoalId))).ResourcesAndResponsibility = "Ändrad";
            (await ctx.BudgetLines.FirstAsync(x => x.AgreementId == aid)).CostType = "Ändrad";
            (await ctx.Set<AgreementEvent>().FirstAsync(x => x.AgreementId == aid)).Note = "Ändrad";
            (await figures.FirstAsync()).Note = "Ändrad";
            (await ctx.Set<ReportEvent>().FirstAsync(x => reports.Any(r => r.Id == x.ReportId))).Comment = "Ändrad";
            (await ctx.Set<TargetExplanation>().FirstAsync(x => targets.Any(r => r.Id == x.ExpectedResultId))).Text = "Ändrad";
            (await ctx.Meetings.FirstAsync(m => m.PartnershipId == pid)).Note = "Ändrad";
            (await ctx.Deviations.FirstAsync(d => d.PartnershipId == pid)).ProposedAction = "Ändrad";
            (await ctx.PartnershipMembers.FirstAsync(m => m.PartnershipId == pid)).IsAdjunct = false;
            (await ctx.Organisations.FirstAsync(o => o.Name == "Folkets Husby")).ContactName = "Ändrad";
            (await ctx.Decisions.FirstAsync()).Summary = "Ändrad";
        });
        var meetingId = await app.WithDbAsync(ctx => ctx.Meetings.Where(m => m.PartnershipId == pid).Select(m => m.Id).FirstAsync());
        var (figureId, unlinkedTarget) = await app.WithDbAsync(async ctx =>
        {
            var (_, targets, _, figures) = Of(ctx);
            var figure = await figures.Include(f => f.Targets).FirstAsync();
            var linked = figure.Targets.Select(t => t.ExpectedResultId).ToList();
            return (figure.Id, await targets.Where(r => !linked.Contains(r.Id)).Select(r => r.Id).FirstAsync());
        });

        // Added by the parent's key only, and a new goal and meeting whose children are saved with them.
        await Step("added", async ctx =>
        {
            ctx.Add(new GroupMember { AgreementId = aid, OrganisationName = "Folkets Husby", Role = "Ledamot" });
            ctx.Add(new InKindContribution { AgreementId = aid, PartyName = "Folkets Husby", Description = "Lokal" });
            ctx.Add(new AgreementExtension { AgreementId = aid, PreviousEndDate = new DateOnly(2024, 12, 31), NewEndDate = new DateOnly(2025, 12, 31) });
            ctx.Add(new FigureTarget { FigureId = figureId, ExpectedResultId = unlinkedTarget });
            ctx.Add(new MeetingAttendee { MeetingId = meetingId, Name = "Närvarande" });
            ctx.Add(new MeetingDecision { MeetingId = meetingId, Number = 1, Text = "Beslut" });
            ctx.Add(new ActionItem { MeetingId = meetingId, Text = "Att göra" });
            ctx.Add(new MinutesApprover { MeetingId = meetingId, UserId = "u", Name = "Justerare" });
            ctx.Add(new Goal
            {
                AgreementId = aid,
                Number = 9,
                Title = "Nytt mål",
                ExpectedResults = { new ExpectedResult { Description = "Nytt mätetal", Kind = TargetKind.FreeText } },
                Activities = { new Activity { Description = "Ny aktivitet" } },
            });
            ctx.Add(new Meeting
            {
                PartnershipId = pid,
                Group = GroupKind.WorkingGroup,
                HeldOn = new DateOnly(2024, 5, 2),
                Attendees = { new MeetingAttendee { Name = "Närvarande" } },
                Decisions = { new MeetingDecision { Number = 1, Text = "Beslut" } },
                ActionItems = { new ActionItem { Text = "Att göra" } },
                Approvers = { new MinutesApprover { UserId = "u", Name = "Justerare" } },
            });
        });

        // Removed: with the removed parent still tracked (goal, meeting), and on their own (figure's target, attendee).
        await Step("removed", async ctx =>
        {
            ctx.Remove(await Of(ctx).Goals.Include(g => g.ExpectedResults).Include(g => g.Activities).SingleAsync(g => g.Number == 9));
            ctx.Remove(await ctx.Meetings.Include(m => m.Attendees).Include(m => m.Decisions).Include(m => m.ActionItems).Include(m => m.Approvers)
                .SingleAsync(m => m.PartnershipId == pid && m.Group == GroupKind.WorkingGroup));
            ctx.Remove(await ctx.Set<FigureTarget>().SingleAsync(t => t.FigureId == figureId && t.ExpectedResultId == unlinkedTarget));
            ctx.Remove(await ctx.Set<MeetingAttendee>().SingleAsync(a => a.MeetingId == meetingId));
        });

        // The records that carry the partnership themselves.
        await Step("direct", async ctx =>
        {
            (await ctx.Agreements.SingleAsync(a => a.Id == aid)).SourceNote = "Ändrad";
            (await Of(ctx).Reports.FirstAsync()).ReviewComment = "Ändrad";
            (await ctx.Partnerships.SingleAsync(p => p.Id == pid)).Description = "Ändrad";
        });

        var wrong = filed.Where(x => x.Entry.PartnershipId != (Registers.Contains(x.Entry.EntityType) ? null : pid))
            .Select(x => $"{x.Step} {x.Entry.EntityType} {x.Entry.EntityKey}: filed under {x.Entry.PartnershipId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"}");
        Assert.Empty(wrong);
        string[] kinds =
        [
            "modified ChallengeFigure", "modified AgreementParty", "modified CooperatingOrganisation", "modified Goal", "modified ExpectedResult",
            "modified Activity", "modified BudgetLine", "modified AgreementEvent", "modified Figure", "modified ReportEvent", "modified TargetExplanation",
            "modified Meeting", "modified Deviation", "modified PartnershipMember", "modified Organisation", "modified Decision",
            "added GroupMember", "added InKindContribution", "added AgreementExtension", "added FigureTarget", "added MeetingAttendee",
            "added MeetingDecision", "added ActionItem", "added MinutesApprover", "added Goal", "added ExpectedResult", "added Activity", "added Meeting",
            "removed Goal", "removed ExpectedResult", "removed Activity", "removed Meeting", "removed MeetingAttendee", "removed MeetingDecision",
            "removed ActionItem", "removed MinutesApprover", "removed FigureTarget",
            "direct Agreement", "direct ResultReport", "direct Partnership",
        ];
        Assert.Empty(kinds.Except(filed.Select(x => $"{x.Step} {x.Entry.EntityType}")));
    }
}
