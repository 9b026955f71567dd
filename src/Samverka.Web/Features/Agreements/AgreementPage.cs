using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Samverka.Web.Data;
using Samverka.Web.Features.Organisations;
using Samverka.Web.Features.Partnerships;

namespace Samverka.Web.Features.Agreements;

/// <summary>
/// What every page that edits one section of an agreement shares: load it if the user may see it (else 404),
/// refuse with the reason if they may not edit it, and save a changed <see cref="AgreementDocument"/> through the
/// same rules as the API, detecting a concurrent change through the version the form carried.
/// </summary>
public abstract class AgreementPage(AppDbContext db, PartnershipAccess access, TimeProvider clock, IStringLocalizer<Texts> t, AgreementSteps steps) : PageModel
{
    protected AppDbContext Db { get; } = db;
    protected IStringLocalizer<Texts> T { get; } = t;
    protected TimeProvider Clock { get; } = clock;

    public Agreement Agreement { get; private set; } = null!;

    /// <summary>Why the user cannot edit here, or null.</summary>
    public string? Locked { get; private set; }

    [BindProperty]
    public Guid Version { get; set; }

    public List<Organisation> Organisations { get; private set; } = [];

    /// <summary>The agreement's age bands (code, name), for a target that counts the share of one.</summary>
    public List<KeyValuePair<string, string>> AgeBands { get; private set; } = [];

    public static async Task<List<KeyValuePair<string, string>>> AgeBandsAsync(AppDbContext db, int agreementId) =>
        [.. (await Results.ReportingCategorySteps.ForAgreementAsync(db, agreementId)).Offered(Results.CategoryKind.AgeBand)
            .Select(c => new KeyValuePair<string, string>(c.Code, c.NameIn(System.Globalization.CultureInfo.CurrentUICulture)))];

    /// <summary>Loads the agreement; false means "not found" for this user.</summary>
    protected async Task<bool> LoadAsync(int id)
    {
        var agreement = await access.FindVisibleAsync(Db, User, id);
        if (agreement is null)
        {
            return false;
        }
        Agreement = agreement;
        // Shown read-only with the reason either way; only "not yours to edit" is a refusal (403), a locked stage is not.
        Locked = this.Deny(PartnershipAccess.Check(User, agreement.Partnership, PartnershipOperation.Edit), T)
            ?? (AgreementSteps.CheckEditable(agreement) is { } locked ? T.Say(locked) : null);
        Organisations = await Db.Organisations.AsNoTracking().OrderBy(o => o.Name).ToListAsync();
        AgeBands = await AgeBandsAsync(Db, agreement.Id);
        return true;
    }

    protected AgreementDocument Document() => AgreementDocument.From(Agreement, Clock.Today());

    /// <summary>Saves through the same step as the API's PUT; on failure the messages are in ModelState and nothing is saved.</summary>
    protected async Task<bool> SaveAsync(AgreementDocument changed)
    {
        if (!ModelState.IsValid)
        {
            return false;
        }
        var outcome = await steps.UpdateAsync(User, Agreement.Id, changed with { Version = Version });
        if (!outcome.IsDone)
        {
            this.Refuse(outcome.Failure, T, FieldKey);
            return false;
        }
        TempData["Done"] = T["Saved."].Value;
        return true;
    }

    /// <summary>Maps an API field path to the form field it came from, so the message shows beside it. Null: in the summary.</summary>
    protected virtual string? FieldKey(string apiField) => null;

    protected IActionResult BackToAgreement() => RedirectToPage("/Agreements/Details", new { id = Agreement.Id });
}
