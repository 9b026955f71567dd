using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Samverka.Web.Data;
using Samverka.Web.Features.Partnerships;

namespace Samverka.Web.Features.Results;

/// <summary>One reporting period: its figures, recording a new one, submitting, and the administration's review.</summary>
public sealed class ReportModel(AppDbContext db, PartnershipAccess access, ReportSteps steps, IStringLocalizer<Texts> t, IConfiguration config) : PageModel
{
    public ResultReport Report { get; private set; } = null!;
    public ReportView View { get; private set; } = null!;
    public Dictionary<int, string> TargetNames { get; private set; } = [];
    public bool CanReport { get; private set; }
    public bool CanReview { get; private set; }
    public ReportingLists Lists { get; private set; } = ReportingLists.None;
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

    public async Task<IActionResult> OnPostFigureAsync(int id) => await ShowAsync(id, await steps.AddFigureAsync(User, id, Figure.With(f => f.Version = Version)));

    public async Task<IActionResult> OnPostRemoveAsync(int id) => await ShowAsync(id, await steps.RemoveFigureAsync(User, id, FigureId, Version));

    public async Task<IActionResult> OnPostSubmitAsync(int id) => await ShowAsync(id, await steps.SubmitAsync(User, id, new(Version)));

    public async Task<IActionResult> OnPostApproveAsync(int id) => await ShowAsync(id, await steps.ApproveAsync(User, id, new(Version)));

    public async Task<IActionResult> OnPostReturnAsync(int id) => await ShowAsync(id, await steps.ReturnAsync(User, id, new(Comment, Version)));

    private Task<IActionResult> ShowAsync(int id, Outcome<ResultReport> outcome) =>
        this.ShowAsync(outcome, t, _ => RedirectToPage(new { id }), async () => await LoadAsync(id) ? Page() : NotFound(),
            field => field switch { "comment" => nameof(Comment), "version" or "" => null, _ => $"Figure.{char.ToUpperInvariant(field[0])}{field[1..]}" });

    private async Task<bool> LoadAsync(int id)
    {
        var report = await (await Recording.VisibleReportsAsync(access, db, User)).WithFigures().FirstOrDefaultAsync(r => r.Id == id);
        if (report is null)
        {
            return false;
        }
        Report = report;
        Lists = await ReportingCategorySteps.ForAgreementAsync(db, report.AgreementId);
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
