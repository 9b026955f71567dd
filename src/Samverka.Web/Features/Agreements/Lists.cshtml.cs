using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Samverka.Web.Data;
using Samverka.Web.Features.Partnerships;

namespace Samverka.Web.Features.Agreements;

/// <summary>The figures behind the societal challenge (the footnotes) and each party's contribution in kind.</summary>
public sealed class ListsModel(AppDbContext db, PartnershipAccess access, TimeProvider clock, IStringLocalizer<Texts> t, AgreementSteps steps) : AgreementPage(db, access, clock, t, steps)
{
    public sealed class FigureRow
    {
        public int? Id { get; set; }
        public int? FootnoteNumber { get; set; }
        public string? Text { get; set; }
        public decimal? Value { get; set; }
        public string? Unit { get; set; }
        public int? Year { get; set; }
        public string? Area { get; set; }
        public string? Source { get; set; }
        public bool Remove { get; set; }
    }

    public sealed class ContributionRow
    {
        public int? Id { get; set; }
        public string? PartyName { get; set; }
        public string? Description { get; set; }
        public bool Remove { get; set; }
    }

    [BindProperty] public List<FigureRow> Figures { get; set; } = [];
    [BindProperty] public List<ContributionRow> Contributions { get; set; } = [];

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }
        Version = Agreement.Version;
        Figures = [.. Agreement.ChallengeFigures.OrderBy(f => f.FootnoteNumber).ThenBy(f => f.Id).Select(f => new FigureRow
        {
            Id = f.Id, FootnoteNumber = f.FootnoteNumber, Text = f.Text, Value = f.Value, Unit = f.Unit, Year = f.Year, Area = f.Area, Source = f.Source,
        })];
        Figures.AddRange([new FigureRow(), new FigureRow()]);
        Contributions = [.. Agreement.InKindContributions.OrderBy(c => c.Id).Select(c => new ContributionRow { Id = c.Id, PartyName = c.PartyName, Description = c.Description })];
        Contributions.AddRange([new ContributionRow(), new ContributionRow()]);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }
        var doc = Document() with
        {
            ChallengeFigures = [.. Figures.Where(f => !f.Remove && !string.IsNullOrWhiteSpace(f.Text))
                .Select(f => new ChallengeFigureDto(f.Id, f.FootnoteNumber ?? 1, f.Text!.Trim(), f.Value, f.Unit.NullIfBlank(), f.Year, f.Area.NullIfBlank(), f.Source.NullIfBlank()))],
            InKindContributions = [.. Contributions.Where(c => !c.Remove && !(string.IsNullOrWhiteSpace(c.PartyName) && string.IsNullOrWhiteSpace(c.Description)))
                .Select(c => new InKindContributionDto(c.Id, c.PartyName?.Trim() ?? "", c.Description?.Trim() ?? ""))],
        };
        return await SaveAsync(doc) ? BackToAgreement() : Page();
    }
}
