using Microsoft.EntityFrameworkCore;
using Samverka.Web.Data;
using Samverka.Web.Features.Agreements;
using Samverka.Web.Features.Meetings;
using Samverka.Web.Features.Results;

namespace Samverka.Web.Features.Registry;

/// <summary>
/// What the registry does when another feature's step happens: the documents Samverka drew up or received are
/// registered in the partnership's case by themselves, in the same transaction as the step that made them official.
/// </summary>
public sealed class RegisterSignedAgreement(IFileStore files, TimeProvider clock) : DomainEventHandler<AgreementSigned>
{
    protected override async Task HandleAsync(AgreementSigned e, AppDbContext db, CancellationToken ct)
    {
        var a = e.Agreement;
        await RegistrySteps.RegisterGeneratedAsync(db, files, a.PartnershipId, DocumentKind.Agreement, Direction.DrawnUp,
            string.Join(", ", a.Parties.OrderBy(p => p.SortOrder).Select(p => p.OrganisationName)), $"{a.Title}, undertecknad av båda parter", e.SignedBy, clock,
            AgreementDocx.FileName(a), AgreementDocx.Create(a), AgreementDocx.ContentType);
    }
}

/// <summary>An approved report is the partner's account to the administration: registered as received, with its figures as XLSX.</summary>
public sealed class RegisterApprovedReport(IFileStore files, TimeProvider clock) : DomainEventHandler<ReportApproved>
{
    protected override async Task HandleAsync(ReportApproved e, AppDbContext db, CancellationToken ct)
    {
        var report = e.Report;
        var organisation = await db.Partnerships.Where(p => p.Id == report.PartnershipId).Select(p => p.Organisation.Name).SingleAsync(ct);
        var view = ReportView.From(report, true, Suppression.DefaultThreshold);
        var lists = await ReportingCategorySteps.ForAgreementAsync(db, report.AgreementId);
        var xlsx = Spreadsheets.Workbook(report.Agreement, lists, view.Figures.Select(f => (f, report.Status)));
        await RegistrySteps.RegisterGeneratedAsync(db, files, report.PartnershipId, DocumentKind.PartnerReport, Direction.Received, organisation,
            $"Redovisade uppgifter {Format.Date(report.PeriodStart)} – {Format.Date(report.PeriodEnd)}, godkända", e.ApprovedBy, clock,
            $"uppgifter-{report.PeriodStart:yyyy-MM-dd}.xlsx", xlsx, Spreadsheets.XlsxType);
    }
}

/// <summary>Approved minutes are an official document: registered in the case as they are approved.</summary>
public sealed class RegisterApprovedMinutes(IFileStore files, TimeProvider clock) : DomainEventHandler<MinutesApproved>
{
    protected override async Task HandleAsync(MinutesApproved e, AppDbContext db, CancellationToken ct)
    {
        var m = e.Meeting;
        var group = m.Group == GroupKind.SteeringGroup ? "styrgruppen" : "arbetsgruppen";
        await RegistrySteps.RegisterGeneratedAsync(db, files, m.PartnershipId, DocumentKind.Minutes, Direction.DrawnUp, null,
            $"Justerat protokoll, {group} {Format.Date(m.HeldOn, m.HeldInYear?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "")}",
            e.ApprovedBy, clock);
    }
}
