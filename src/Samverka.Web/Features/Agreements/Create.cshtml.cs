using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Samverka.Web.Features.Partnerships;

namespace Samverka.Web.Features.Agreements;

/// <summary>Starts a draft agreement with its period and grant; the parties are the partnership's organisation and the board's administration.</summary>
public sealed class CreateModel(PartnershipAccess access, AgreementSteps steps, TimeProvider clock, IStringLocalizer<Texts> t) : PageModel
{
    public sealed class InputModel
    {
        [Required(ErrorMessage = "This field is required.")]
        public string Title { get; set; } = "";
        [Required(ErrorMessage = "This field is required.")]
        public DateOnly? StartDate { get; set; }
        [Required(ErrorMessage = "This field is required.")]
        public DateOnly? EndDate { get; set; }
        public DateOnly? LatestExtensionDate { get; set; }
        /// <summary>Empty when the agreement states none.</summary>
        public int? NoticePeriodMonths { get; set; }
        public decimal? AnnualGrant { get; set; }
        public bool WithoutGrant { get; set; }
    }

    [BindProperty(SupportsGet = true)] public int PartnershipId { get; set; }
    [BindProperty] public InputModel Input { get; set; } = new();
    public Partnership Partnership { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync()
    {
        if (await LoadAsync() is { } result)
        {
            return result;
        }
        var year = clock.Today().Year + 1;
        Input.Title = $"Överenskommelse {Partnership.Organisation.Name}";
        Input.StartDate = new DateOnly(year, 1, 1);
        Input.EndDate = new DateOnly(year, 12, 31);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await LoadAsync() is { } result)
        {
            return result;
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var doc = new AgreementDocument
        {
            PartnershipId = PartnershipId,
            Title = Input.Title,
            StartDate = Input.StartDate!.Value,
            EndDate = Input.EndDate!.Value,
            LatestExtensionDate = Input.LatestExtensionDate,
            NoticePeriodMonths = Input.NoticePeriodMonths,
            AnnualGrant = Input.AnnualGrant,
            WithoutGrant = Input.WithoutGrant,
        };
        return await this.ShowAsync(await steps.CreateAsync(User, doc), t, a => RedirectToPage("Details", new { id = a.Id }), () => Task.FromResult<IActionResult>(Page()),
            field => field switch
            {
                "title" => "Input.Title",
                "endDate" => "Input.EndDate",
                "startDate" => "Input.StartDate",
                "latestExtensionDate" => "Input.LatestExtensionDate",
                "noticePeriodMonths" => "Input.NoticePeriodMonths",
                "annualGrant" or "budgetLines" => "Input.AnnualGrant",
                "withoutGrant" => "Input.WithoutGrant",
                _ => null,
            });
    }

    private async Task<IActionResult?> LoadAsync()
    {
        var p = await (await access.VisibleAsync(User)).AsNoTracking().Include(x => x.Organisation).Include(x => x.Board)
            .FirstOrDefaultAsync(x => x.Id == PartnershipId);
        if (p is null)
        {
            return NotFound();
        }
        Partnership = p;
        return PartnershipAccess.Check(User, p, PartnershipOperation.Edit) is null ? null : Forbid();
    }
}
