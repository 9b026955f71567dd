using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Samverka.Web.Data;
using Samverka.Web.Features.Partnerships;

namespace Samverka.Web.Features.Results;

/// <summary>Upload the filled-in template, see what would be recorded, then confirm. Nothing is saved unless every row is valid.</summary>
// Room for a file up to four times the limit, so that a too-large one gets the size message, not a reset connection.
[RequestSizeLimit(Spreadsheets.MaxBytes * 4)]
public sealed class ImportModel(AppDbContext db, PartnershipAccess access, ReportSteps steps, IStringLocalizer<Texts> t) : PageModel
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public ResultReport Report { get; private set; } = null!;
    public List<FigureInput> Preview { get; private set; } = [];
    public string? Refused { get; private set; }

    [BindProperty] public IFormFile? Upload { get; set; }
    [BindProperty] public string? Prepared { get; set; }

    /// <summary>The report's version when the preview was made: confirming after someone else changed the report is refused.</summary>
    [BindProperty] public Guid Version { get; set; }

    public async Task<IActionResult> OnGetAsync(int id) => await LoadAsync(id) ? Page() : NotFound();

    public async Task<IActionResult> OnPostPreviewAsync(int id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }
        if (Refused is not null)
        {
            return Page();
        }
        var (figures, problems) = Upload is { Length: > Spreadsheets.MaxBytes }
            ? ([], [new SheetProblem(0, "", new Message("The file is larger than {0} MB.", Spreadsheets.MaxBytes / 1024 / 1024))])
            : Imports.Prepare(Report, Upload is null ? [] : await ResultsApi.ReadAsync(Upload));
        Show([.. problems.Select(p => Imports.Describe(p, t))]);
        Preview = figures;
        Prepared = figures.Count > 0 ? JsonSerializer.Serialize(figures, Json) : null;
        return Page();
    }

    public async Task<IActionResult> OnPostConfirmAsync(int id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }
        List<FigureInput> figures;
        try
        {
            figures = JsonSerializer.Deserialize<List<FigureInput>>(Prepared ?? "[]", Json) ?? [];
        }
        catch (JsonException)
        {
            figures = [];
        }
        // The preview travelled through the browser: the step checks every row again before saving any.
        if (Refused is not null)
        {
            return Page();
        }
        var outcome = await steps.ImportAsync(User, id, figures, Version);
        if (!outcome.IsDone)
        {
            Show(outcome.Kind == OutcomeStatus.Invalid
                ? [.. outcome.Failure.Problems.Select(p => p.Field is "file" or "" ? t.Say(p.Message) : $"{p.Field}: {t.Say(p.Message)}")]
                : [outcome.Failure.Message is { } m ? t.Say(m) : ""]);
            return Page();
        }
        TempData["Done"] = t["{0} figures were recorded.", figures.Count].Value;
        return RedirectToPage("Report", new { id });
    }

    /// <summary>The file's problems in the page's error summary, each leading to the file field.</summary>
    private void Show(List<string> problems)
    {
        if (problems.Count > 0)
        {
            ModelState.AddModelError("", t["The file has errors; nothing was saved."]);
        }
        foreach (var p in problems)
        {
            ModelState.AddModelError(nameof(Upload), p);
        }
    }

    private async Task<bool> LoadAsync(int id)
    {
        var report = await Recording.FindForRecordingAsync(access, db, User, id);
        if (report is null)
        {
            return false;
        }
        Report = report;
        if (Request.Method == HttpMethods.Get)
        {
            Version = report.Version;
        }
        Refused = this.Deny(Recording.CanReport(User, report.Agreement.Partnership), t)
            ?? (report.IsEditable ? null : t["The report is approved: its figures are locked. Record a correction instead."].Value);
        return true;
    }
}
