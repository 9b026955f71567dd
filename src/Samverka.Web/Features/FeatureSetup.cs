using Samverka.Web.Data;
using Samverka.Web.Features.Accounts;
using Samverka.Web.Features.Agreements;
using Samverka.Web.Features.Audit;
using Samverka.Web.Features.Boards;
using Samverka.Web.Features.Meetings;
using Samverka.Web.Features.Municipalities;
using Samverka.Web.Features.Organisations;
using Samverka.Web.Features.Partnerships;
using Samverka.Web.Features.Registry;
using Samverka.Web.Features.Results;

namespace Samverka.Web.Features;

/// <summary>What each feature brings to the app: its services, its steps, its event handlers and its API routes. Program.cs calls these.</summary>
public static class FeatureSetup
{
    public static IServiceCollection AddFeatures(this IServiceCollection services)
    {
        services.AddAccounts();
        // Read-only views are cached by their partnership's stamp; the limit counts entries (each sets Size = 1).
        services.AddMemoryCache(o => o.SizeLimit = 5_000);
        services.AddScoped<PartnershipAccess>();
        services.AddScoped<StepRunner>();
        services.AddScoped<AgreementSteps>();
        services.AddScoped<ReportSteps>();
        services.AddScoped<MeetingSteps>();
        services.AddScoped<RegistrySteps>();
        services.AddScoped<OrganisationSteps>();
        services.AddScoped<PartnershipSteps>();
        services.AddScoped<Boards.BoardSteps>();
        services.AddScoped<Results.ReportingCategorySteps>();

        // The registry registers what other features' steps make official, in the same transaction.
        services.AddEventHandler<RegisterSignedAgreement>();
        services.AddEventHandler<RegisterApprovedReport>();
        services.AddEventHandler<RegisterApprovedMinutes>();

        // Every save is audited in its own transaction; the data layer only hands its interceptors to the context.
        services.AddHttpContextAccessor();
        services.AddSingleton<AuditKey>();
        services.AddHostedService<AuditSeal>();
        services.AddSingleton<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor, Audit.AuditInterceptor>();

        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<OutboxDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<OutboxDispatcher>());
        return services;
    }

    public static void MapFeatureApis(this RouteGroupBuilder api)
    {
        api.MapOrganisationsApi();
        api.MapBoardsApi();
        api.MapPartnershipsApi();
        api.MapAgreementsApi();
        api.MapAccountsApi();
        api.MapResultsApi();
        api.MapCategoriesApi();
        api.MapMunicipalitiesApi();
        api.MapRegistryApi();
        api.MapMeetingsApi();
        api.MapAuditApi();
    }
}
