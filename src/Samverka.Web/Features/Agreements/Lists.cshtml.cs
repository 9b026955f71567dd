using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Samverka.Web.Data;
using Samverka.Web.Features.Partnerships;

namespace Samverka.Web.Features.Agreements;

/// <summary>The figures behind the societal challenge (the footnotes), each party's contribution in kind, and the bilagor.</summary>
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

    public sealed class AttachmentRow
    {
        public int? Id { get; set; }
        public string? Title { get; set; }
        public int? RegistryDocumentId { get; set; }
        public bool Remove { get; set; }
    }

    /// <summary>A document of the partnership's case, as the list of choices shows it.</summary>
    public sealed record CaseDocument(int Id, string Label);

    [BindProperty] public List<FigureRow> Figures { get; set; } = [];
    [BindProperty] public List<AttachmentRow> Attachments { get; set; } = [];
    public List<CaseDocument> CaseDocuments { get; private set; } = [];
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
        Attachments = [.. Agreement.Attachments.OrderBy(x => x.SortOrder).ThenBy(x => x.Id).Select(x => new AttachmentRow { Id = x.Id, Title = x.Title, RegistryDocumentId = x.RegistryDocumentId })];
        Attachments.AddRange([new AttachmentRow(), new AttachmentRow()]);
        await LoadCaseDocumentsAsync();
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
            // A row with a document but no title is sent as it is, so the step names the missing title.
            Attachments = [.. Attachments.Where(x => !x.Remove && (x.RegistryDocumentId is not null || !string.IsNullOrWhiteSpace(x.Title)))
                .Select(x => new AttachmentDto(x.Id, x.Title?.Trim() ?? "", x.RegistryDocumentId ?? 0))],
        };
        if (await SaveAsync(doc))
        {
            return BackToAgreement();
        }
        await LoadCaseDocumentsAsync();
        return Page();
    }

    private async Task LoadCaseDocumentsAsync() =>
        CaseDocuments = [.. (await Db.RegistryDocuments.AsNoTracking().Where(d => d.PartnershipId == Agreement.PartnershipId)
            .OrderBy(d => d.Sequence).Select(d => new { d.Id, d.CaseNumber, d.Sequence, d.Description }).ToListAsync())
            .Select(d => new CaseDocument(d.Id, $"{d.CaseNumber}-{d.Sequence} {d.Description}"))];

    protected override string? FieldKey(string apiField) =>
        apiField.StartsWith("attachments[", StringComparison.Ordinal) && apiField.Split('.') is [var row, var field]
            ? "Attachments" + row["attachments".Length..] + "." + (field == "title" ? "Title" : "RegistryDocumentId")
            : null;
}
