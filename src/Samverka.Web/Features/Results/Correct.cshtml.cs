using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Samverka.Web.Data;
using Samverka.Web.Features.Agreements;
using Samverka.Web.Features.Partnerships;
using Samverka.Web.Infrastructure;

namespace Samverka.Web.Features.Results;

/// <summary>Corrects an approved figure: the new value is recorded beside the old one, with the reason.</summary>
public sealed class CorrectModel(AppDbContext db, PartnershipAccess access, TimeProvider clock, IStringLocalizer<Texts> t) : PageModel
{
    public ResultReport Report { get; private set; } = null!;
    public Figure Original { get; private set; } = null!;
    public string? Refused { get; private set; }

    [BindProperty(SupportsGet = true)] public int FigureId { get; set; }
    [BindProperty] public ReportModel.FigureForm Figure { get; set; } = new();
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public Guid Version { get; set; }

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }
        var f = Original;
        Figure = new ReportModel.FigureForm
        {
            Kind = f.Kind, EventKind = f.EventKind, OutcomeKind = f.OutcomeKind, From = f.From, To = f.To, Title = f.Title, Total = f.Total,
            Women = f.Women, Men = f.Men, OtherGender = f.OtherGender, AgeUnder19 = f.AgeUnder19, Age19To24 = f.Age19To24, Age25To29 = f.Age25To29,
            Age30Plus = f.Age30Plus, AgeNotStated = f.AgeNotStated, Started = f.Started, Completed = f.Completed, Question = f.Question,
            Respondents = f.Respondents, AgreeBeforePercent = f.AgreeBeforePercent, AgreeAfterPercent = f.AgreeAfterPercent,
            MenPercent = f.MenPercent, WomenPercent = f.WomenPercent, Note = f.Note, TargetIds = [.. f.Targets.Select(x => x.ExpectedResultId)],
        };
        Version = Report.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }
        var input = Figure.ToInput() with { Kind = Original.Kind, From = Figure.From ?? Original.From };
        var refusal = Refused is not null ? null : Recording.CheckTargets(Report, input) ?? Report.Correct(Original, input.ToFigure(), Reason, AgreementEditing.ActorOf(User, clock));
        if (Refused is not null || refusal is not null || !ModelState.IsValid)
        {
            ModelState.AddModelError("", Refused ?? (refusal is null ? "" : t.Say(refusal)));
            return Page();
        }
        db.Entry(Report).Property(r => r.Version).OriginalValue = Version;
        Report.Touch();
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError("", t["Someone else changed this in the meantime; nothing was saved. Fetch it again and repeat your change."]);
            return Page();
        }
        TempData["Done"] = t["Saved."].Value;
        return RedirectToPage("Report", new { id });
    }

    private async Task<bool> LoadAsync(int id)
    {
        var report = await (await Recording.VisibleReportsAsync(access, db, User)).WithFigures().FirstOrDefaultAsync(r => r.Id == id);
        if (report?.Figures.FirstOrDefault(f => f.Id == FigureId) is not { } original)
        {
            return false;
        }
        Report = report;
        Original = original;
        Refused = Recording.CanReview(User, report.Agreement.Partnership) is { } denied ? t.Say(denied) : null;
        return true;
    }
}
