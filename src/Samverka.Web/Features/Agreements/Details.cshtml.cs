using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Localization;
using Samverka.Web.Data;
using Samverka.Web.Features.Partnerships;

namespace Samverka.Web.Features.Agreements;

/// <summary>The agreement as a reader sees it, section by section, with the steps of its life the user may take.</summary>
public sealed class DetailsModel(AppDbContext db, PartnershipAccess access, AgreementSteps steps, TimeProvider clock, IStringLocalizer<Texts> t, IMemoryCache cache) : PageModel
{
    public Agreement Agreement { get; private set; } = null!;
    public AgreementStatus Status { get; private set; }
    public DateOnly Today { get; private set; }

    /// <summary>Null when the user may edit and take steps; else why not.</summary>
    public string? EditRefusal { get; private set; }
    public string? ContentLocked { get; private set; }
    public Dictionary<int, string> OrganisationNames { get; private set; } = [];

    /// <summary>What the municipality requires the agreement to state before it is proposed or signed.</summary>
    public AgreementRequirements Requirements => steps.Requirements;

    [BindProperty] public StepInput Step { get; set; } = new();

    /// <summary>The fields of the step forms on this page; each handler passes the ones its step needs.</summary>
    public sealed class StepInput
    {
        public DateOnly? Date { get; set; }
        public DateOnly? NewEndDate { get; set; }
        public string? Paragraph { get; set; }
        public string? CaseNumber { get; set; }
        public string? Note { get; set; }
        public int? PartyId { get; set; }
        public int? OrganisationId { get; set; }

        /// <summary>A notice's own decision, when the municipality gave it (the notice's date is <see cref="Date"/>).</summary>
        public DateOnly? DecidedOn { get; set; }

        /// <summary>A notice's end, when the agreement states no notice period.</summary>
        public DateOnly? EndsOn { get; set; }
        public Guid Version { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(int id) => await LoadAsync(id, track: false) ? Page() : NotFound();

    public async Task<IActionResult> OnPostProposeAsync(int id) => await ShowAsync(id, await steps.ProposeAsync(User, id, new(Step.Date, Step.Version)));

    public async Task<IActionResult> OnPostWithdrawAsync(int id) => await ShowAsync(id, await steps.WithdrawAsync(User, id, new(Step.Note, Step.Version)));

    public async Task<IActionResult> OnPostDecideAsync(int id) =>
        await ShowAsync(id, await steps.DecideAsync(User, id, new(Step.Date, Step.Paragraph, Step.CaseNumber, null, Step.Version)));

    public async Task<IActionResult> OnPostSignAsync(int id) => await ShowAsync(id, await steps.SignAsync(User, id, new(Step.PartyId, Step.Date, Step.Version)));

    public async Task<IActionResult> OnPostExtendAsync(int id) =>
        await ShowAsync(id, await steps.ExtendAsync(User, id, new(Step.NewEndDate, Step.Date, Step.Paragraph, Step.CaseNumber, Step.Version)));

    public async Task<IActionResult> OnPostTerminateAsync(int id) =>
        await ShowAsync(id, await steps.TerminateAsync(User, id, new(Step.Date, Step.OrganisationId, Step.Version, Step.DecidedOn, Step.Paragraph, Step.CaseNumber, Step.EndsOn)), "Step.DecidedOn");

    private Task<IActionResult> ShowAsync(int id, Outcome<Agreement> outcome, string decidedOnField = "Step.Date") =>
        this.ShowAsync(outcome, t, _ => RedirectToPage(new { id }), async () => await LoadAsync(id, track: false) ? Page() : NotFound(), field => field switch
        {
            "decidedOn" => decidedOnField,
            "newEndDate" => "Step.NewEndDate",
            "paragraph" => "Step.Paragraph",
            "caseNumber" => "Step.CaseNumber",
            "note" => "Step.Note",
            "partyId" => "Step.PartyId",
            "givenByOrganisationId" => "Step.OrganisationId",
            "endsOn" => "Step.EndsOn",
            "version" or "" => null,
            _ => "Step.Date",
        });

    private async Task<bool> LoadAsync(int id, bool track)
    {
        // Reading shares the cached agreement; a step changes a tracked one of its own.
        var read = track ? null : await access.ReadVisibleAsync(db, cache, User, id);
        var agreement = track ? await access.FindVisibleAsync(db, User, id) : read?.Agreement;
        if (agreement is null)
        {
            return false;
        }
        Agreement = agreement;
        Today = clock.Today();
        Status = agreement.StatusOn(Today);
        var refusal = PartnershipAccess.Check(User, agreement.Partnership, PartnershipOperation.Edit);
        EditRefusal = refusal is null ? null : t.Say(refusal);
        ContentLocked = AgreementSteps.CheckEditable(agreement) is { } locked ? t.Say(locked) : null;
        var ids = agreement.Parties.Select(p => p.OrganisationId).Concat(agreement.Goals.SelectMany(g => g.Activities).Select(x => x.LeadOrganisationId ?? 0)).Distinct().ToList();
        Task<Dictionary<int, string>> Names() => db.Organisations.AsNoTracking().Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name);
        OrganisationNames = read is null ? await Names() : await cache.CachedAsync(("organisation-names", read.Agreement.Id, read.Stamp), Names);
        return true;
    }
}
