using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Samverka.Web.Data;
using Samverka.Web.Features.Partnerships;

namespace Samverka.Web.Features.Agreements;

/// <summary>The agreement's running text, period, target group, invoicing and standing terms.</summary>
public sealed class EditModel(AppDbContext db, PartnershipAccess access, TimeProvider clock, IStringLocalizer<Texts> t, AgreementSteps steps) : AgreementPage(db, access, clock, t, steps)
{
    public sealed class InputModel
    {
        public string Title { get; set; } = "";
        public DateOnly StartDate { get; set; }
        public DateOnly EndDate { get; set; }
        public DateOnly? LatestExtensionDate { get; set; }
        public bool PeriodKnownAsYearsOnly { get; set; }
        public int? NoticePeriodMonths { get; set; }
        public string? SocietalChallenge { get; set; }
        public List<int> Agenda2030Goals { get; set; } = [];
        public string? Agenda2030Text { get; set; }
        public string? Purpose { get; set; }
        public string? Method { get; set; }
        public string? Values { get; set; }
        public TargetGroup TargetGroup { get; set; } = new();
        public int? SteeringGroupIntervalMonths { get; set; }
        public string? SteeringGroupText { get; set; }
        public string? WorkingGroupCadence { get; set; }
        public string? WorkingGroupText { get; set; }
        public string? ResourcesText { get; set; }
        public string? EconomyText { get; set; }
        public Invoicing Invoicing { get; set; } = new();
        public StandingTerms Terms { get; set; } = new();
        public string? SourceNote { get; set; }
        public PartnershipInitiative? Initiative { get; set; }
    }

    [BindProperty] public InputModel Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }
        var a = Agreement;
        Version = a.Version;
        Input = new InputModel
        {
            Title = a.Title,
            StartDate = a.StartDate,
            EndDate = a.EndDate,
            LatestExtensionDate = a.LatestExtensionDate,
            PeriodKnownAsYearsOnly = a.PeriodKnownAsYearsOnly,
            NoticePeriodMonths = a.NoticePeriodMonths,
            SocietalChallenge = a.SocietalChallenge,
            Agenda2030Goals = [.. a.Agenda2030Goals],
            Agenda2030Text = a.Agenda2030Text,
            Purpose = a.Purpose,
            Method = a.Method,
            Values = a.Values,
            TargetGroup = a.TargetGroup,
            SteeringGroupIntervalMonths = a.SteeringGroupIntervalMonths,
            SteeringGroupText = a.SteeringGroupText,
            WorkingGroupCadence = a.WorkingGroupCadence,
            WorkingGroupText = a.WorkingGroupText,
            ResourcesText = a.ResourcesText,
            EconomyText = a.EconomyText,
            Invoicing = a.Invoicing,
            Terms = a.Terms,
            SourceNote = a.SourceNote,
            Initiative = a.Initiative,
        };
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
            Title = Input.Title ?? "",
            StartDate = Input.StartDate,
            EndDate = Input.EndDate,
            LatestExtensionDate = Input.LatestExtensionDate,
            PeriodKnownAsYearsOnly = Input.PeriodKnownAsYearsOnly,
            NoticePeriodMonths = Input.NoticePeriodMonths,
            SocietalChallenge = Input.SocietalChallenge,
            Agenda2030Goals = Input.Agenda2030Goals,
            Agenda2030Text = Input.Agenda2030Text,
            Purpose = Input.Purpose,
            Method = Input.Method,
            Values = Input.Values,
            TargetGroup = Input.TargetGroup,
            SteeringGroupIntervalMonths = Input.SteeringGroupIntervalMonths,
            SteeringGroupText = Input.SteeringGroupText,
            WorkingGroupCadence = Input.WorkingGroupCadence,
            WorkingGroupText = Input.WorkingGroupText,
            ResourcesText = Input.ResourcesText,
            EconomyText = Input.EconomyText,
            Invoicing = Input.Invoicing,
            Terms = Input.Terms,
            SourceNote = Input.SourceNote,
            Initiative = Input.Initiative,
        };
        return await SaveAsync(doc) ? BackToAgreement() : Page();
    }

    protected override string? FieldKey(string apiField) => apiField switch
    {
        "title" => "Input.Title",
        "endDate" or "startDate" => "Input.EndDate",
        "latestExtensionDate" => "Input.LatestExtensionDate",
        "noticePeriodMonths" => "Input.NoticePeriodMonths",
        _ when apiField.Contains('.', StringComparison.Ordinal) => "Input." + string.Join('.', apiField.Split('.').Select(Pascal)),
        _ => "Input." + Pascal(apiField),
    };

    private static string Pascal(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];
}
