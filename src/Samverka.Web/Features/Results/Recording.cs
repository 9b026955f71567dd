using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Samverka.Web.Data;
using Samverka.Web.Features.Accounts;
using Samverka.Web.Features.Partnerships;

namespace Samverka.Web.Features.Results;

/// <summary>A figure as the page, the API and the spreadsheet import send it.</summary>
public sealed class FigureInput : FigureValueSet
{
    public FigureKind Kind { get; set; }
    /// <summary>The code of the event's kind on the agreement's list.</summary>
    public string? EventKind { get; set; }
    /// <summary>The code of the outcome's kind on the agreement's list.</summary>
    public string? OutcomeKind { get; set; }
    public DateOnly From { get; set; }
    public DateOnly? To { get; set; }
    public string? Title { get; set; }
    public string? Note { get; set; }
    public List<int>? TargetIds { get; set; }

    /// <summary>The report's version the user read (when recording through the API); not part of the figure.</summary>
    public Guid? Version { get; set; }

    /// <summary>A copy with a change: what the caller sent stays as it was.</summary>
    public FigureInput With(Action<FigureInput> change)
    {
        var copy = (FigureInput)MemberwiseClone();
        change(copy);
        return copy;
    }

    public Figure ToFigure() => this.CopyTo(new Figure
    {
        Kind = Kind,
        EventKind = Kind is FigureKind.Event or FigureKind.Participants ? EventKind.NullIfBlank() : null,
        OutcomeKind = Kind == FigureKind.Outcome ? OutcomeKind.NullIfBlank() : null,
        From = From,
        To = To ?? From,
        Title = Title?.Trim() is { Length: > 0 } t ? t : null,
        Note = Note?.Trim() is { Length: > 0 } n ? n : null,
        Targets = [.. (TargetIds ?? []).Distinct().Select(id => new FigureTarget { ExpectedResultId = id })],
    });

    public static FigureInput Of(Figure f) => f.CopyTo(new FigureInput
    {
        Kind = f.Kind,
        EventKind = f.EventKind,
        OutcomeKind = f.OutcomeKind,
        From = f.From,
        To = f.To,
        Title = f.Title,
        Note = f.Note,
        TargetIds = [.. f.Targets.Select(t => t.ExpectedResultId)],
    });
}

/// <summary>Recording rules that need the database or the user; shared by pages, API and import.</summary>
public static class Recording
{
    /// <summary>Users of the partnership itself see exact figures; anyone else (board members, later the public) sees suppressed ones.</summary>
    public static bool SeesExactFigures(ClaimsPrincipal user) => user.SamverkaRole() is not (UserRole.BoardMember or null);

    /// <summary>Reports of visible partnerships; board members see approved reports only.</summary>
    public static async Task<IQueryable<ResultReport>> VisibleReportsAsync(PartnershipAccess access, AppDbContext db, ClaimsPrincipal user)
    {
        var partnerships = await access.VisibleAsync(user);
        var reports = db.ResultReports.Where(r => partnerships.Select(p => p.Id).Contains(r.PartnershipId));
        return SeesExactFigures(user) ? reports : reports.Where(r => r.Status == ReportStatus.Approved);
    }

    public static IQueryable<ResultReport> WithFigures(this IQueryable<ResultReport> q) =>
        q.Include(r => r.Agreement).ThenInclude(a => a.Goals).ThenInclude(g => g.ExpectedResults)
         .Include(r => r.Agreement).ThenInclude(a => a.Parties)
         .Include(r => r.Agreement).ThenInclude(a => a.Partnership)
         .Include(r => r.Figures).ThenInclude(f => f.Targets)
         .Include(r => r.History)
         .AsSplitQuery();

    /// <summary>Adds a figure to the report if the input is valid and every target it names belongs to the report's agreement.</summary>
    public static Message? Add(ResultReport report, FigureInput input, Actor by)
    {
        if (CheckTargets(report, input) is { } bad)
        {
            return bad;
        }
        return report.Add(input.ToFigure(), by);
    }

    /// <summary>A figure counts only towards its agreement's targets, and (unless it corrects one already approved) not towards a target another overlapping report covers.</summary>
    public static Message? CheckTargets(ResultReport report, FigureInput input, bool correction = false)
    {
        var own = report.Agreement.Goals.SelectMany(g => g.ExpectedResults).ToDictionary(r => r.Id);
        if ((input.TargetIds ?? []).Any(id => !own.ContainsKey(id)))
        {
            return new Message("A figure can only count towards the targets of this report's agreement.");
        }
        // Where the agreement divides the reporting, a party records its own targets; the administration records any.
        if (report.RecordingOrganisationId is { } recorder)
        {
            var parties = report.Agreement.Parties.Where(p => p.Role == Agreements.PartyRole.NonProfit).ToDictionary(p => p.OrganisationId, p => p.OrganisationName);
            foreach (var id in (input.TargetIds ?? []).Distinct())
            {
                if (own[id].ResponsibleOrganisationId is { } responsible && responsible != recorder && parties.TryGetValue(responsible, out var name))
                {
                    return new Message("\"{0}\" is reported by {1}: the agreement makes that party responsible for it.", Short(own[id].Description), name);
                }
            }
        }
        // One account per target and period: a figure for a target another report already covers would be counted twice.
        foreach (var id in correction ? [] : (input.TargetIds ?? []).Distinct())
        {
            if (report.Overlapping.FirstOrDefault(o => o.TargetIds.Contains(id)) is { } other)
            {
                return new Message("\"{0}\" is already reported for {1} – {2} in another report, and report periods for the same target do not overlap. Correct that report instead, or record the figure in a report whose period does not overlap it.",
                    Short(own[id].Description), other.From, other.To);
            }
        }
        return null;
    }

    private static string Short(string description) => description.Length > 80 ? description[..80] + "…" : description;

    /// <summary>Loads the agreement's other reports that overlap the report's period, for <see cref="CheckTargets"/>.</summary>
    public static async Task<ResultReport> LoadOverlapsAsync(this ResultReport report, AppDbContext db)
    {
        var others = await db.ResultReports.AsNoTracking()
            .Where(r => r.AgreementId == report.AgreementId && r.Id != report.Id && r.PeriodStart <= report.PeriodEnd && report.PeriodStart <= r.PeriodEnd)
            .Select(r => new { r.Id, r.PeriodStart, r.PeriodEnd, Targets = r.Figures.SelectMany(f => f.Targets).Select(t => t.ExpectedResultId).ToList() })
            .AsSingleQuery()
            .ToListAsync();
        report.Overlapping = [.. others.Select(o => new ReportedPeriod(o.Id, o.PeriodStart, o.PeriodEnd, o.Targets.ToHashSet()))];
        return report;
    }

    /// <summary>A report to record into: its figures, its agreement's targets and the reports overlapping it.</summary>
    public static async Task<ResultReport?> FindForRecordingAsync(PartnershipAccess access, AppDbContext db, ClaimsPrincipal user, int id, bool tracked = true)
    {
        var reports = (await VisibleReportsAsync(access, db, user)).WithFigures();
        var report = await (tracked ? reports : reports.AsNoTracking()).FirstOrDefaultAsync(r => r.Id == id);
        if (report is null)
        {
            return null;
        }
        report.RecordingOrganisationId = user.SamverkaRole() == UserRole.PartnerUser ? user.OrganisationId() : null;
        report.Lists = await ReportingCategorySteps.ForAgreementAsync(db, report.AgreementId);
        return await report.LoadOverlapsAsync(db);
    }

    public static Message? CanReport(ClaimsPrincipal user, Partnership p) => PartnershipAccess.Check(user, p, PartnershipOperation.Report);

    public static Message? CanReview(ClaimsPrincipal user, Partnership p) =>
        PartnershipAccess.Check(user, p, PartnershipOperation.Edit) is null ? null : new Message("Only the administration reviews reports.");
}
