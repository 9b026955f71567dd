using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Samverka.Web.Data;
using Samverka.Web.Features.Meetings;
using Samverka.Web.Features.Partnerships;

namespace Samverka.Web.Features.Registry;

/// <summary>One registered document, its file, the versions that correct it, and who has been given access to a confidential one.</summary>
public sealed class DocumentModel(AppDbContext db, PartnershipAccess access, RegistrySteps steps, IStringLocalizer<Texts> t) : PageModel
{
    public RegistryDocumentView View { get; private set; } = null!;
    public RegistryEntryView Document => View.Entry;
    public bool CanRegister { get; private set; }
    public List<(string Id, string Name)> People { get; private set; } = [];

    [BindProperty] public GrantForm Grant { get; set; } = new();
    [BindProperty] public int GrantId { get; set; }

    public sealed class GrantForm
    {
        public string? UserId { get; set; }
        public string? Reason { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(int id) => await LoadAsync(id) ? Page() : NotFound();

    public async Task<IActionResult> OnGetFileAsync(int id)
    {
        var outcome = await steps.OpenFileAsync(User, id);
        return outcome.IsDone ? File(outcome.Value.Content, outcome.Value.ContentType, outcome.Value.FileName)
            : outcome.Kind == OutcomeStatus.Forbidden ? await ShowRefusalAsync(id, outcome.Failure) : NotFound();
    }

    public async Task<IActionResult> OnPostGrantAsync(int id) =>
        await this.ShowAsync(await steps.GrantAsync(User, id, new GrantInput(Grant.UserId.NullIfBlank(), Grant.Reason)), t, _ => RedirectToPage(new { id }),
            async () => await LoadAsync(id) ? Page() : NotFound(), f => f switch { "userId" => "Grant.UserId", "reason" => "Grant.Reason", _ => null });

    public async Task<IActionResult> OnPostRevokeAsync(int id) =>
        await this.ShowAsync(await steps.RevokeAsync(User, id, GrantId), t, _ => RedirectToPage(new { id }), async () => await LoadAsync(id) ? Page() : NotFound());

    private async Task<IActionResult> ShowRefusalAsync(int id, Failure failure)
    {
        this.Refuse(failure, t);
        return await LoadAsync(id) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(int id)
    {
        if (await RegistryApi.ViewAsync(id, User, steps, access, db) is not { } view || await steps.FindAsync(User, id, track: false) is not { } found)
        {
            return false;
        }
        View = view;
        CanRegister = PartnershipAccess.Check(User, found.Partnership, PartnershipOperation.Register) is null;
        if (view.Grants is not null)
        {
            People = await MeetingAccess.PeopleAsync(db, found.Partnership);
        }
        return true;
    }
}
