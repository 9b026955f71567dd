using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Samverka.Web.Data;
using Samverka.Web.Features.Partnerships;

namespace Samverka.Web.Features.Agreements;

/// <summary>The annual grant, its budget lines, its yearly adjustment and a one-off amount, saved together because they must add up.</summary>
public sealed class BudgetModel(AppDbContext db, PartnershipAccess access, TimeProvider clock, IStringLocalizer<Texts> t, AgreementSteps steps) : AgreementPage(db, access, clock, t, steps)
{
    public const int BlankRows = 3;

    public sealed class LineRow
    {
        public int? Id { get; set; }
        public string? CostType { get; set; }
        public decimal? Amount { get; set; }
        public bool Remove { get; set; }
        public bool IsBlank => string.IsNullOrWhiteSpace(CostType) && Amount is null;
    }

    [BindProperty] public decimal? AnnualGrant { get; set; }
    [BindProperty] public bool WithoutGrant { get; set; }
    [BindProperty] public List<LineRow> Lines { get; set; } = [];
    [BindProperty] public GrantAdjustmentKind? GrantAdjustment { get; set; }
    [BindProperty] public decimal? AdjustmentPercent { get; set; }
    [BindProperty] public string? AdjustmentIndex { get; set; }
    /// <summary>The index values as typed: "100; 102,4; 104,9", the first for the first year.</summary>
    [BindProperty] public string? IndexValues { get; set; }
    [BindProperty] public decimal? OneOffAmount { get; set; }
    [BindProperty] public int? OneOffYear { get; set; }
    [BindProperty] public string? OneOffPurpose { get; set; }

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }
        Version = Agreement.Version;
        AnnualGrant = Agreement.AnnualGrant;
        WithoutGrant = Agreement.WithoutGrant;
        GrantAdjustment = Agreement.GrantAdjustment;
        AdjustmentPercent = Agreement.AdjustmentPercent;
        AdjustmentIndex = Agreement.AdjustmentIndex;
        IndexValues = string.Join("; ", Agreement.IndexValues.Select(Format.Number));
        OneOffAmount = Agreement.OneOffAmount;
        OneOffYear = Agreement.OneOffYear;
        OneOffPurpose = Agreement.OneOffPurpose;
        Lines = [.. Agreement.BudgetLines.OrderBy(l => l.SortOrder).Select(l => new LineRow { Id = l.Id, CostType = l.CostType, Amount = l.Amount })];
        Lines.AddRange(Enumerable.Range(0, BlankRows).Select(_ => new LineRow()));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }
        var kept = Lines.Where(l => !l.Remove && !l.IsBlank).ToList();
        foreach (var (line, i) in Lines.Select((l, i) => (l, i)).Where(x => !x.l.Remove && !x.l.IsBlank))
        {
            if (string.IsNullOrWhiteSpace(line.CostType))
            {
                ModelState.AddModelError($"Lines[{i}].CostType", T["Row {0}: enter the cost type.", i + 1]);
            }
            if (line.Amount is null)
            {
                ModelState.AddModelError($"Lines[{i}].Amount", T["Row {0}: enter the amount.", i + 1]);
            }
        }
        var index = new List<decimal>();
        foreach (var value in (IndexValues ?? "").Split([';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (SwedishNumber.TryParse(value, out var v))
            {
                index.Add(v);
            }
            else
            {
                ModelState.AddModelError(nameof(IndexValues), T["{0} is not a number; separate the values with semicolons, e.g. 100; 102,4.", value]);
            }
        }
        var doc = Document() with
        {
            AnnualGrant = AnnualGrant,
            WithoutGrant = WithoutGrant,
            GrantAdjustment = GrantAdjustment,
            AdjustmentPercent = AdjustmentPercent,
            AdjustmentIndex = AdjustmentIndex,
            IndexValues = index,
            OneOffAmount = OneOffAmount,
            OneOffYear = OneOffYear,
            OneOffPurpose = OneOffPurpose,
            BudgetLines = [.. kept.Select(l => new BudgetLineDto(l.Id, l.CostType ?? "", l.Amount ?? 0))],
        };
        return await SaveAsync(doc) ? BackToAgreement() : Page();
    }

    protected override string? FieldKey(string apiField) => apiField switch
    {
        "budgetLines" or "annualGrant" => nameof(AnnualGrant),
        "withoutGrant" => nameof(WithoutGrant),
        "grantAdjustment" => nameof(GrantAdjustment),
        "adjustmentPercent" => nameof(AdjustmentPercent),
        "adjustmentIndex" => nameof(AdjustmentIndex),
        "indexValues" => nameof(IndexValues),
        "oneOffAmount" => nameof(OneOffAmount),
        "oneOffYear" => nameof(OneOffYear),
        "oneOffPurpose" => nameof(OneOffPurpose),
        _ => null,
    };
}
