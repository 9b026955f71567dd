using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Samverka.Web.Data;
using Samverka.Web.Features.Agreements;
using Samverka.Web.Features.Partnerships;
using Samverka.Web.Infrastructure;

namespace Samverka.Web.Features.Results;

/// <summary>One reporting period: its figures, recording a new one, submitting, and the administration's review.</summary>
public sealed class ReportModel(AppDbContext db, PartnershipAccess access, TimeProvider clock, IStringLocalizer<Texts> t, IConfiguration config, IFileStore files) : PageModel
{
    public ResultReport Report { get; private set; } = null!;
    public ReportView View { get; private set; } = null!;
    public Dictionary<int, string> TargetNames { get; private set; } = [];
    public bool CanReport { get; private set; }
    public bool CanReview { get; private set; }
    public int Threshold => Results.Reports.Threshold(config);

    [BindProperty] public FigureInput Figure { get; set; } = new();
    [BindProperty] public string? Comment { get; set; }
    [BindProperty] public Guid Version { get; set; }
    [BindProperty] public int FigureId { get; set; }

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }
        Figure.From = Report.PeriodStart;
        return Page();
    }

    public Task<IActionResult> OnPostFigureAsync(int id) => StepAsync(id, reporting: true, r =>
        Figure.From == default ? new Message("Fill in the dates the step needs.") : Recording.Add(r, Figure, Actor()));

    public Task<IActionResult> OnPostRemoveAsync(int id) => StepAsync(id, reporting: true, r =>
        r.Figures.FirstOrDefault(f => f.Id == FigureId) is { } f ? r.Remove(f) : new Message("No such figure in this report."));

    public Task<IActionResult> OnPostSubmitAsync(int id) => StepAsync(id, reporting: true, r => r.Submit(Actor()));

    public Task<IActionResult> OnPostApproveAsync(int id) => StepAsync(id, reporting: false, r => r.Approve(Actor()));

    public Task<IActionResult> OnPostReturnAsync(int id) => StepAsync(id, reporting: false, r => r.Return(Comment, Actor()));

    private Actor Actor() => Infrastructure.Actor.Of(User, clock);

    private async Task<IActionResult> StepAsync(int id, bool reporting, Func<ResultReport, Message?> step)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }
        var denied = reporting ? Recording.CanReport(User, Report.Agreement.Partnership) : Recording.CanReview(User, Report.Agreement.Partnership);
        var before = Report.Status;
        var refusal = denied ?? (ModelState.IsValid ? step(Report) : null);
        if (refusal is not null)
        {
            ModelState.AddModelError("", t.Say(refusal));
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        await Results.Reports.RegisterIfApprovedAsync(db, files, Report, before, Accounts.SamverkaClaims.DisplayNameOf(User), clock);
        if (!await db.TrySaveAsync(Report, Version))
        {
            ModelState.AddModelError("", t["Someone else changed this in the meantime; nothing was saved. Fetch it again and repeat your change."]);
            return Page();
        }
        TempData["Done"] = t["Saved."].Value;
        return RedirectToPage(new { id });
    }

    private async Task<bool> LoadAsync(int id)
    {
        var report = await (await Recording.VisibleReportsAsync(access, db, User)).WithFigures().FirstOrDefaultAsync(r => r.Id == id);
        if (report is null)
        {
            return false;
        }
        Report = report;
        View = ReportView.From(report, Recording.SeesExactFigures(User), Threshold);
        TargetNames = report.Agreement.Goals.OrderBy(g => g.Number)
            .SelectMany(g => g.ExpectedResults.OrderBy(r => r.SortOrder).Select(r => (r.Id, Name: $"{t["Goal {0}", g.Number]}: {r.Description}")))
            .ToDictionary(x => x.Id, x => x.Name);
        CanReport = Recording.CanReport(User, report.Agreement.Partnership) is null;
        CanReview = Recording.CanReview(User, report.Agreement.Partnership) is null;
        if (Request.Method == HttpMethods.Get)
        {
            Version = report.Version;
        }
        return true;
    }
}
