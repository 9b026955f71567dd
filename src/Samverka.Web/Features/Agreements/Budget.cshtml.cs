using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Samverka.Web.Data;
using Samverka.Web.Features.Partnerships;

namespace Samverka.Web.Features.Agreements;

/// <summary>The annual grant and its budget lines, saved together because they must add up.</summary>
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

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }
        Version = Agreement.Version;
        AnnualGrant = Agreement.AnnualGrant;
        WithoutGrant = Agreement.WithoutGrant;
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
        var doc = Document() with
        {
            AnnualGrant = AnnualGrant,
            WithoutGrant = WithoutGrant,
            BudgetLines = [.. kept.Select(l => new BudgetLineDto(l.Id, l.CostType ?? "", l.Amount ?? 0))],
        };
        return await SaveAsync(doc) ? BackToAgreement() : Page();
    }

    protected override string? FieldKey(string apiField) => apiField is "budgetLines" or "annualGrant" ? nameof(AnnualGrant) : apiField == "withoutGrant" ? nameof(WithoutGrant) : null;
}
