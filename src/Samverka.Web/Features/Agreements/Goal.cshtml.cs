using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Samverka.Web.Data;
using Samverka.Web.Features.Partnerships;

namespace Samverka.Web.Features.Agreements;

/// <summary>One goal with the problem it addresses, its expected results (targets) and its activities. Without goalId: a new goal.</summary>
public sealed class GoalModel(AppDbContext db, PartnershipAccess access, TimeProvider clock, IStringLocalizer<Texts> t, AgreementSteps steps) : AgreementPage(db, access, clock, t, steps)
{
    public sealed class ResultRow : TargetFields
    {
        public int? Id { get; set; }
        public bool Remove { get; set; }
    }

    public sealed class ActivityRow
    {
        public int? Id { get; set; }
        public string? Description { get; set; }
        public string? ResourcesAndResponsibility { get; set; }
        public bool Remove { get; set; }
    }

    [BindProperty(SupportsGet = true)] public int? GoalId { get; set; }
    [BindProperty] public int Number { get; set; }
    [BindProperty] public string? Title { get; set; }
    [BindProperty] public string? Problem { get; set; }
    [BindProperty] public string? Note { get; set; }
    [BindProperty] public List<ResultRow> Results { get; set; } = [];
    [BindProperty] public List<ActivityRow> ActivityRows { get; set; } = [];

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }
        Version = Agreement.Version;
        var goal = Agreement.Goals.FirstOrDefault(g => g.Id == GoalId);
        if (GoalId is not null && goal is null)
        {
            return NotFound();
        }
        Number = goal?.Number ?? (Agreement.Goals.Count == 0 ? 1 : Agreement.Goals.Max(g => g.Number) + 1);
        Title = goal?.Title;
        Problem = goal?.Problem;
        Note = goal?.Note;
        Results = [.. (goal?.ExpectedResults ?? []).OrderBy(r => r.SortOrder).Select(r =>
        {
            var row = TargetFields.From<ResultRow>(r);
            row.Id = r.Id;
            return row;
        })];
        Results.AddRange([new ResultRow(), new ResultRow()]);
        ActivityRows = [.. (goal?.Activities ?? []).OrderBy(x => x.SortOrder).Select(x => new ActivityRow { Id = x.Id, Description = x.Description, ResourcesAndResponsibility = x.ResourcesAndResponsibility })];
        ActivityRows.AddRange([new ActivityRow(), new ActivityRow()]);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }
        var existing = Agreement.Goals.FirstOrDefault(g => g.Id == GoalId);
        if (GoalId is not null && existing is null)
        {
            return NotFound();
        }
        var doc = Document();
        var kept = existing is null ? null : doc.Goals!.Single(g => g.Id == existing.Id);
        var results = Results.Where(r => !r.Remove && !string.IsNullOrWhiteSpace(r.Description)).Select(r =>
        {
            var old = kept?.ExpectedResults?.FirstOrDefault(x => x.Id == r.Id);
            return r.ToDto(r.Id, old?.AddedOn, old?.AddedByDecisionId);
        }).ToList();
        var activities = ActivityRows.Where(x => !x.Remove && !string.IsNullOrWhiteSpace(x.Description))
            .Select(x => new ActivityDto(x.Id, x.Description!.Trim(), x.ResourcesAndResponsibility.NullIfBlank(), kept?.Activities?.FirstOrDefault(y => y.Id == x.Id)?.LeadOrganisationId))
            .ToList();
        var goal = new GoalDto(existing?.Id, Number, Title?.Trim() ?? "", Problem.NullIfBlank(), Note.NullIfBlank(), results, activities);
        var goals = doc.Goals!.Where(g => g.Id != existing?.Id).Append(goal).ToList();
        return await SaveAsync(doc with { Goals = goals }) ? BackToAgreement() : Page();
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }
        var doc = Document();
        return await SaveAsync(doc with { Goals = [.. doc.Goals!.Where(g => g.Id != GoalId)] }) ? BackToAgreement() : Page();
    }
}
