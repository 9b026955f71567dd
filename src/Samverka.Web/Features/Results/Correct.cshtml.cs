using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Samverka.Web.Data;
using Samverka.Web.Features.Partnerships;

namespace Samverka.Web.Features.Results;

/// <summary>Corrects an approved figure: the new value is recorded beside the old one, with the reason.</summary>
public sealed class CorrectModel(AppDbContext db, PartnershipAccess access, ReportSteps steps, IStringLocalizer<Texts> t) : PageModel
{
    public ResultReport Report { get; private set; } = null!;
    public Figure Original { get; private set; } = null!;
    public string? Refused { get; private set; }
    public ReportingLists Lists { get; private set; } = ReportingLists.None;

    [BindProperty(SupportsGet = true)] public int FigureId { get; set; }
    [BindProperty] public FigureInput Figure { get; set; } = new();
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public Guid Version { get; set; }

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }
        Figure = FigureInput.Of(Original);
        Version = Report.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id) =>
        await this.ShowAsync(await steps.CorrectAsync(User, id, FigureId, new CorrectionInput(Figure, Reason, Version)), t, _ => RedirectToPage("Report", new { id }),
            async () => await LoadAsync(id) ? Page() : NotFound(),
            field => field switch { "reason" => nameof(Reason), "version" or "" or "figure" => null, _ => $"Figure.{char.ToUpperInvariant(field[7])}{field[8..]}" });

    private async Task<bool> LoadAsync(int id)
    {
        var report = await (await Recording.VisibleReportsAsync(access, db, User)).WithFigures().FirstOrDefaultAsync(r => r.Id == id);
        if (report?.Figures.FirstOrDefault(f => f.Id == FigureId) is not { } original)
        {
            return false;
        }
        Report = report;
        Original = original;
        Lists = await ReportingCategorySteps.ForAgreementAsync(db, report.AgreementId);
        Refused = this.Deny(Recording.CanReview(User, report.Agreement.Partnership), t);
        return true;
    }
}
