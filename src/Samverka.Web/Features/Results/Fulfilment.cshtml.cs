using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Localization;
using Samverka.Web.Data;
using Samverka.Web.Features.Agreements;
using Samverka.Web.Features.Partnerships;

namespace Samverka.Web.Features.Results;

/// <summary>How far each goal is reached, for a year or the whole agreement, with charts and the parties' explanations.</summary>
public sealed class FulfilmentModel(AppDbContext db, PartnershipAccess access, TimeProvider clock, IStringLocalizer<Texts> t, IMemoryCache cache, ReportSteps steps, IConfiguration config) : PageModel
{
    public Agreement Agreement { get; private set; } = null!;
    public FulfilmentView View { get; private set; } = null!;
    public List<SplitRow> Splits { get; private set; } = [];
    public decimal? GenderTargetMenPercent { get; private set; }
    public bool CanExplain { get; private set; }

    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty] public int TargetId { get; set; }
    [BindProperty] public string? Explanation { get; set; }

    public async Task<IActionResult> OnGetAsync(int agreementId)
    {
        if (!await LoadAsync(agreementId))
        {
            return NotFound();
        }
        if (BadYear)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        return Page();
    }

    /// <summary>The municipality's threshold for "partly met", said on the page beside the judgements.</summary>
    public decimal PartlyMetFromPercent => Results.Fulfilment.PartlyMetFromPercent(config);

    /// <summary>The year asked for is not in the agreement: the page says so and shows the whole agreement.</summary>
    public bool BadYear { get; private set; }

    public async Task<IActionResult> OnPostExplainAsync(int agreementId)
    {
        if (!await LoadAsync(agreementId))
        {
            return NotFound();
        }
        var year = Year ?? View.To.Year;
        return await this.ShowAsync(await steps.ExplainAsync(User, agreementId, new ExplanationInput(TargetId, year, Explanation)), t,
            _ => RedirectToPage(new { agreementId, year = Year }), () => Task.FromResult<IActionResult>(Page()),
            field => field == "text" ? nameof(Explanation) : null);
    }

    private async Task<bool> LoadAsync(int agreementId)
    {
        if (await access.ReadVisibleAsync(db, cache, User, agreementId) is not { } read)
        {
            return false;
        }
        Agreement = read.Agreement;
        if (Results.Fulfilment.CheckYear(read.Agreement, Year) is { } bad)
        {
            ModelState.AddModelError("", t.Say(bad));
            BadYear = true;
            Year = null;
        }
        CanExplain = Recording.CanReport(User, read.Agreement.Partnership) is null;
        var today = clock.Today();
        View = await cache.CachedAsync(("fulfilment", read.Agreement.Id, read.Stamp, Year, today), () => Results.Fulfilment.ForAgreementAsync(db, agreementId, Year, today, PartlyMetFromPercent));
        GenderTargetMenPercent = View.GenderTargetMenPercent;
        var splits = View.GenderFigures.Select(f => (f.Title, f.From, f.Values)).Where(f => f.Values.MenPercent != null || (f.Values.Men != null && f.Values.Women != null)).ToList();
        Splits = [.. splits.Select(f => f.Values.MenPercent is { } m
            ? new SplitRow(f.Title ?? Format.Date(f.From), m, f.Values.WomenPercent ?? 100 - m)
            : new SplitRow(f.Title ?? Format.Date(f.From), Percent(f.Values.Men!.Value, f.Values.Men.Value + f.Values.Women!.Value), Percent(f.Values.Women.Value, f.Values.Men.Value + f.Values.Women.Value)))];
        return true;
    }

    private static decimal Percent(int part, int whole) => whole == 0 ? 0 : Math.Round(100m * part / whole);
}
