using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Samverka.Web.Data;
using Samverka.Web.Features.Agreements;
using Samverka.Web.Features.Partnerships;

namespace Samverka.Web.Features.Meetings;

/// <summary>Raise a deviation (no id), or see one and record the steering group's decision on it.</summary>
public sealed class DeviationModel(AppDbContext db, PartnershipAccess access, MeetingSteps steps, IStringLocalizer<Texts> t) : PageModel
{
    public Partnership Partnership { get; private set; } = null!;
    public Agreement? Agreement { get; private set; }
    public Deviation? Existing { get; private set; }
    public List<(string Key, string Label)> Subjects { get; private set; } = [];
    public List<Meeting> HeldMeetings { get; private set; } = [];
    public bool CanRecord { get; private set; }

    [BindProperty(SupportsGet = true)] public int? Id { get; set; }
    [BindProperty] public string? SubjectKey { get; set; }
    [BindProperty] public string? WhatDiffers { get; set; }
    [BindProperty] public string? Why { get; set; }
    [BindProperty] public string? Consequence { get; set; }
    [BindProperty] public string? ProposedAction { get; set; }
    [BindProperty] public int? MeetingId { get; set; }
    [BindProperty] public DeviationStatus Outcome { get; set; } = DeviationStatus.Approved;
    [BindProperty] public string? DecisionText { get; set; }
    [BindProperty] public string? Amendment { get; set; }
    [BindProperty] public Guid Version { get; set; }

    public async Task<IActionResult> OnGetAsync(int partnershipId) => await LoadAsync(partnershipId) ? Page() : NotFound();

    public async Task<IActionResult> OnPostRaiseAsync(int partnershipId)
    {
        var parts = (SubjectKey ?? "").Split(':');
        DeviationSubject? subject = parts.Length == 2 && Enum.TryParse<DeviationSubject>(parts[0], out var s) ? s : null;
        int? subjectId = parts.Length == 2 && int.TryParse(parts[1], out var sid) ? sid : null;
        var input = new RaiseDeviationInput(subject, subjectId, WhatDiffers, Why, Consequence, ProposedAction);
        return await this.ShowAsync(await steps.RaiseDeviationAsync(User, partnershipId, input), t, d => RedirectToPage(new { partnershipId, id = d.Id }),
            async () => await LoadAsync(partnershipId) ? Page() : NotFound(),
            field => field switch { "subject" => nameof(SubjectKey), "whatDiffers" => nameof(WhatDiffers), "why" => nameof(Why), "consequence" => nameof(Consequence), "proposedAction" => nameof(ProposedAction), _ => null });
    }

    public async Task<IActionResult> OnPostDecideAsync(int partnershipId) =>
        await this.ShowAsync(await steps.DecideDeviationAsync(User, Id ?? 0, new DecideDeviationInput(MeetingId, Outcome, DecisionText, Amendment, Version)), t,
            d => RedirectToPage(new { partnershipId, id = d.Id }), async () => await LoadAsync(partnershipId) ? Page() : NotFound());

    private async Task<bool> LoadAsync(int partnershipId)
    {
        var p = await MeetingAccess.FindAsync(access, User, partnershipId);
        if (p is null)
        {
            return false;
        }
        Partnership = p;
        CanRecord = MeetingAccess.CanRecord(User, p) is null;
        if (Id is { } id)
        {
            Existing = await db.Deviations.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id && d.PartnershipId == partnershipId);
            if (Existing is null)
            {
                return false;
            }
        }
        Agreement = await db.Agreements.AsNoTracking().Include(a => a.Goals).ThenInclude(g => g.ExpectedResults).Include(a => a.Goals).ThenInclude(g => g.Activities).Include(a => a.BudgetLines)
            .Where(a => a.PartnershipId == partnershipId && a.Stage >= AgreementStage.Signed && (Existing == null || a.Id == Existing.AgreementId))
            .OrderByDescending(a => a.StartDate).FirstOrDefaultAsync();
        if (Agreement is not null)
        {
            Subjects =
            [
                .. Agreement.Goals.OrderBy(g => g.Number).SelectMany(g => g.Activities.OrderBy(x => x.SortOrder).Select(x => ($"Activity:{x.Id}", $"{t["Activity"]}: {x.Description}"))),
                .. Agreement.Goals.OrderBy(g => g.Number).SelectMany(g => g.ExpectedResults.OrderBy(x => x.SortOrder).Select(x => ($"Target:{x.Id}", $"{t["Expected result"]}: {x.Description}"))),
                .. Agreement.BudgetLines.OrderBy(l => l.SortOrder).Select(l => ($"BudgetLine:{l.Id}", $"{t["Budget line"]}: {l.CostType}")),
            ];
        }
        HeldMeetings = await db.Meetings.AsNoTracking().Include(m => m.Approvers)
            .Where(m => m.PartnershipId == partnershipId && m.Group == GroupKind.SteeringGroup && (m.HeldOn != null || m.HeldInYear != null))
            .OrderByDescending(m => m.HeldOn).ToListAsync();
        HeldMeetings.RemoveAll(m => m.MinutesLocked);
        return true;
    }
}
