using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Samverka.Web.Data;
using Samverka.Web.Features.Decisions;
using Samverka.Web.Features.Partnerships;

namespace Samverka.Web.Features.Agreements;

/// <summary>Adds a target set during the partnership to a decided agreement, with the decision that set it.</summary>
public sealed class AddTargetModel(AppDbContext db, PartnershipAccess access, AgreementSteps steps, IStringLocalizer<Texts> t) : PageModel
{
    public sealed class InputModel : TargetFields
    {
        public int GoalId { get; set; }
        public DateOnly? AddedOn { get; set; }
        public DecisionMaker DecidedBy { get; set; } = DecisionMaker.SteeringGroup;
        public string? Paragraph { get; set; }
        public Guid Version { get; set; }
    }

    [BindProperty] public InputModel Input { get; set; } = new();
    public Agreement Agreement { get; private set; } = null!;
    public string? Refused { get; private set; }
    public List<KeyValuePair<string, string>> AgeBands { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }
        Input.Version = Agreement.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        var input = new AddTargetInput(Input.GoalId, Input.ToDto(null, null, null), Input.AddedOn, Input.DecidedBy, Input.Paragraph, null, Input.Version);
        return await this.ShowAsync(await steps.AddTargetAsync(User, id, input), t, _ => RedirectToPage("Details", new { id }),
            async () => await LoadAsync(id) ? Page() : NotFound(),
            field => field switch
            {
                "addedOn" => "Input.AddedOn",
                "goalId" => "Input.GoalId",
                "paragraph" => "Input.Paragraph",
                "target.responsibleOrganisationId" => "Input.ResponsibleOrganisationId",
                "target.description" => "Input.Description",
                "target.unit" => "Input.Unit",
                "target.shareLabel" => "Input.ShareLabel",
                "target.note" => "Input.Note",
                _ => null,
            });
    }

    private async Task<bool> LoadAsync(int id)
    {
        var agreement = await access.FindVisibleAsync(db, User, id);
        if (agreement is null)
        {
            return false;
        }
        Agreement = agreement;
        AgeBands = await AgreementPage.AgeBandsAsync(db, agreement.Id);
        Refused = this.Deny(PartnershipAccess.Check(User, agreement.Partnership, PartnershipOperation.Edit), t)
            ?? (agreement.Stage < AgreementStage.Decided ? t["A draft's targets are edited directly; a target is added later only to a decided agreement."].Value : null);
        return true;
    }
}
