using System.Globalization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Localization;
using Samverka.Web.Data;
using Samverka.Web.Features.Accounts;
using Samverka.Web.Features.Partnerships;

namespace Samverka.Web.Infrastructure;

public static class WebSetup
{
    public static readonly CultureInfo[] Cultures = [new("sv-SE"), new("en-GB")];

    public static IServiceCollection AddAccessControl(this IServiceCollection services)
    {
        services.AddIdentityCore<AppUser>(o =>
            {
                o.Password.RequiredLength = 10;
                o.Password.RequireNonAlphanumeric = false;
                o.User.RequireUniqueEmail = true;
                o.Lockout.MaxFailedAccessAttempts = 10;
            })
            .AddSignInManager()
            .AddEntityFrameworkStores<AppDbContext>()
            .AddDefaultTokenProviders()
            .AddClaimsPrincipalFactory<SamverkaClaimsFactory>();

        // The browser signs in with a cookie, API clients with a personal token; both end in the same principal.
        const string Either = "CookieOrToken";
        services.AddAuthentication(o =>
            {
                o.DefaultScheme = Either;
                o.DefaultChallengeScheme = Either;
            })
            .AddPolicyScheme(Either, Either, o => o.ForwardDefaultSelector = ctx =>
                ctx.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? ApiTokenAuthenticationHandler.SchemeName
                    : IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiTokenAuthenticationHandler>(ApiTokenAuthenticationHandler.SchemeName, null)
            .AddIdentityCookies();

        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/Accounts/Login";
            o.LogoutPath = "/Accounts/Logout";
            o.AccessDeniedPath = "/Accounts/Denied";
            o.Cookie.Name = "samverka";
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.SlidingExpiration = true;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            // The API answers 401/403 as ProblemDetails instead of redirecting to the sign-in page.
            o.Events.OnRedirectToLogin = ctx => ApiAware(ctx.HttpContext, ctx.RedirectUri, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = ctx => ApiAware(ctx.HttpContext, ctx.RedirectUri, StatusCodes.Status403Forbidden);
        });

        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());

        // Read-only views are cached by their partnership's stamp; the limit counts entries (each sets Size = 1).
        services.AddMemoryCache(o => o.SizeLimit = 5_000);
        services.AddScoped<PartnershipAccess>();
        services.AddScoped<StepRunner>();
        services.AddScoped<Features.Agreements.AgreementSteps>();
        services.AddScoped<Features.Registry.RegistrySteps>();
        services.AddScoped<Features.Results.ReportSteps>();
        services.AddScoped<Features.Meetings.MeetingSteps>();
        services.AddEventHandler<Features.Registry.RegisterApprovedReport>();
        services.AddEventHandler<Features.Registry.RegisterApprovedMinutes>();
        services.AddEventHandler<Features.Registry.RegisterSignedAgreement>();
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<OutboxDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<OutboxDispatcher>());
        return services;
    }

    private static Task ApiAware(HttpContext ctx, string redirectUri, int status)
    {
        if (ctx.Request.Path.StartsWithSegments("/api"))
        {
            ctx.Response.StatusCode = status;
            return Task.CompletedTask;
        }
        ctx.Response.Redirect(redirectUri);
        return Task.CompletedTask;
    }

    public static IServiceCollection AddSharedState(this IServiceCollection services)
    {
        // Keys in the database, so every instance behind a load balancer reads the others' cookies.
        services.AddDataProtection().SetApplicationName("Samverka").PersistKeysToDbContext<AppDbContext>();
        return services;
    }

    public static IServiceCollection AddUi(this IServiceCollection services)
    {
        // Write å, ä, ö as they are instead of as numeric entities; markup is still encoded.
        services.AddWebEncoders(o => o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddSingleton<IStringLocalizerFactory, JsonStringLocalizerFactory>();
        services.AddSingleton(typeof(IStringLocalizer<>), typeof(StringLocalizer<>));
        services.AddLocalization();
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture("sv-SE");
            o.SupportedCultures = Cultures;
            o.SupportedUICultures = Cultures;
            // Only the cookie and the query string choose: the UI stays Swedish unless the user switches.
            o.RequestCultureProviders = [new QueryStringRequestCultureProvider(), new CookieRequestCultureProvider()];
        });
        services.AddRazorPages(o =>
            {
                o.RootDirectory = "/Features";
                o.Conventions.AllowAnonymousToPage("/Accounts/Login");
                o.Conventions.AllowAnonymousToPage("/Accounts/Denied");
                o.Conventions.AllowAnonymousToPage("/Error");
            })
            .AddMvcOptions(o =>
            {
                // The framework's own binding messages, in the user's language like every other message.
                var t = new JsonStringLocalizerFactory().Create(typeof(Texts));
                o.ModelBinderProviders.Insert(0, new SwedishNumberBinderProvider(t));
                var m = o.ModelBindingMessageProvider;
                m.SetValueMustNotBeNullAccessor(_ => t["This field is required."]);
                m.SetMissingBindRequiredValueAccessor(_ => t["This field is required."]);
                m.SetMissingKeyOrValueAccessor(() => t["This field is required."]);
                m.SetAttemptedValueIsInvalidAccessor((value, _) => t["The value '{0}' is not valid here.", value]);
                m.SetUnknownValueIsInvalidAccessor(_ => t["The value is not valid here."]);
                m.SetValueIsInvalidAccessor(value => t["The value '{0}' is not valid here.", value]);
                m.SetValueMustBeANumberAccessor(_ => t["Enter a number."]);
                m.SetNonPropertyAttemptedValueIsInvalidAccessor(value => t["The value '{0}' is not valid here.", value]);
                m.SetNonPropertyUnknownValueIsInvalidAccessor(() => t["The value is not valid here."]);
                m.SetNonPropertyValueMustBeANumberAccessor(() => t["Enter a number."]);
            })
            .AddViewLocalization()
            .AddDataAnnotationsLocalization();
        return services;
    }
}
