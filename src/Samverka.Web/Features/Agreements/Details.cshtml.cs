using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Localization;
using Samverka.Web.Data;
using Samverka.Web.Features.Accounts;
using Samverka.Web.Features.Decisions;
using Samverka.Web.Features.Partnerships;
using Samverka.Web.Infrastructure;

namespace Samverka.Web.Features.Agreements;

/// <summary>The agreement as a reader sees it, section by section, with the steps of its life the user may take.</summary>
public sealed class DetailsModel(AppDbContext db, PartnershipAccess access, TimeProvider clock, IStringLocalizer<Texts> t, IFileStore files, IMemoryCache cache) : PageModel
{
    public Agreement Agreement { get; private set; } = null!;
    public AgreementStatus Status { get; private set; }
    public DateOnly Today { get; private set; }

    /// <summary>Null when the user may edit and take steps; else why not.</summary>
    public string? EditRefusal { get; private set; }
    public string? ContentLocked { get; private set; }
    public Dictionary<int, string> OrganisationNames { get; private set; } = [];

    [BindProperty] public StepInput Step { get; set; } = new();

    public sealed class StepInput
    {
        public DateOnly? Date { get; set; }
        public DateOnly? NewEndDate { get; set; }
        [StringLength(20)] public string? Paragraph { get; set; }
        [StringLength(50)] public string? CaseNumber { get; set; }
        [StringLength(1000)] public string? Note { get; set; }
        public int? PartyId { get; set; }
        public int? OrganisationId { get; set; }
        public Guid Version { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(int id) => await LoadAsync(id, track: false) ? Page() : NotFound();

    public Task<IActionResult> OnPostProposeAsync(int id) => StepAsync(id, a =>
        Step.Date is { } d ? a.Propose(d, Actor()) : Required());

    public Task<IActionResult> OnPostWithdrawAsync(int id) => StepAsync(id, a => a.Withdraw(Actor(), Step.Note));

    public Task<IActionResult> OnPostDecideAsync(int id) => StepAsync(id, a =>
        Step.Date is not { } d ? Required()
        : a.Decide(new Decision
        {
            MadeBy = DecisionMaker.Board,
            BoardId = a.Partnership.BoardId,
            DecidedOn = d,
            Paragraph = Step.Paragraph.NullIfBlank(),
            CaseNumber = Step.CaseNumber.NullIfBlank() ?? a.Partnership.CaseNumber,
            Summary = a.Title,
        }, Actor()));

    public Task<IActionResult> OnPostSignAsync(int id) => StepAsync(id, a =>
        Step.Date is not { } d || a.Parties.FirstOrDefault(p => p.Id == Step.PartyId) is not { } party ? Required() : a.Sign(party, d, Actor()));

    public Task<IActionResult> OnPostExtendAsync(int id) => StepAsync(id, a =>
        Step.Date is not { } decided || Step.NewEndDate is not { } end ? Required()
        : a.Extend(end, new Decision
        {
            MadeBy = DecisionMaker.Board,
            BoardId = a.Partnership.BoardId,
            DecidedOn = decided,
            Paragraph = Step.Paragraph.NullIfBlank(),
            CaseNumber = Step.CaseNumber.NullIfBlank() ?? a.Partnership.CaseNumber,
            Summary = $"Förlängning av {a.Title} till och med {Format.Date(end)}",
        }, Today, Actor()));

    public Task<IActionResult> OnPostTerminateAsync(int id) => StepAsync(id, a =>
        Step.Date is not { } d ? Required()
        : Step.OrganisationId is { } org && a.Parties.All(p => p.OrganisationId != org) ? new Message("That party is not a party to this agreement.")
        : a.Terminate(d, Step.OrganisationId, Today, Actor()));

    private static Message Required() => new("Fill in the dates the step needs.");

    private Actor Actor() => Infrastructure.Actor.Of(User, clock);

    private async Task<IActionResult> StepAsync(int id, Func<Agreement, Message?> step)
    {
        if (!await LoadAsync(id, track: true))
        {
            return NotFound();
        }
        if (EditRefusal is not null)
        {
            ModelState.AddModelError("", EditRefusal);
            return Page();
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var before = Agreement.Stage;
        if (step(Agreement) is { } refused)
        {
            ModelState.AddModelError("", t.Say(refused));
            return Page();
        }
        await AgreementEditing.RegisterIfSignedAsync(db, files, Agreement, before, User.DisplayNameOf(), clock);
        if (!await db.TrySaveAsync(Agreement, Step.Version))
        {
            ModelState.AddModelError("", t[AgreementEditing.ConflictMessage]);
            return Page();
        }
        TempData["Done"] = t["Saved."].Value;
        return RedirectToPage(new { id });
    }

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
        ContentLocked = AgreementEditing.CheckEditable(agreement) is { } locked ? t.Say(locked) : null;
        var ids = agreement.Parties.Select(p => p.OrganisationId).Concat(agreement.Goals.SelectMany(g => g.Activities).Select(x => x.LeadOrganisationId ?? 0)).Distinct().ToList();
        Task<Dictionary<int, string>> Names() => db.Organisations.AsNoTracking().Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name);
        OrganisationNames = read is null ? await Names() : await cache.CachedAsync(("organisation-names", read.Agreement.Id, read.Stamp), Names);
        return true;
    }
}
