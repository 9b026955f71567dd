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
    public EventKind? EventKind { get; set; }
    public OutcomeKind? OutcomeKind { get; set; }
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
        EventKind = Kind is FigureKind.Event or FigureKind.Participants ? EventKind : null,
        OutcomeKind = Kind == FigureKind.Outcome ? OutcomeKind : null,
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

    public static Message? CheckTargets(ResultReport report, FigureInput input)
    {
        var own = report.Agreement.Goals.SelectMany(g => g.ExpectedResults).Select(r => r.Id).ToHashSet();
        return (input.TargetIds ?? []).Any(id => !own.Contains(id))
            ? new Message("A figure can only count towards the targets of this report's agreement.")
            : null;
    }

    public static Message? CanReport(ClaimsPrincipal user, Partnership p) => PartnershipAccess.Check(user, p, PartnershipOperation.Report);

    public static Message? CanReview(ClaimsPrincipal user, Partnership p) =>
        PartnershipAccess.Check(user, p, PartnershipOperation.Edit) is null ? null : new Message("Only the administration reviews reports.");
}
