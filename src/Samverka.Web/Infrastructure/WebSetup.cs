using System.Globalization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Localization;
using Samverka.Web.Data;

namespace Samverka.Web.Infrastructure;

public static class WebSetup
{
    public static readonly CultureInfo[] Cultures = [new("sv-SE"), new("en-GB")];

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
            // The cookie and the query string choose; then, for the API only, Accept-Language. Pages stay Swedish unless the
            // user switches: a browser's language list is not a choice made in Samverka.
            o.RequestCultureProviders = [new QueryStringRequestCultureProvider(), new CookieRequestCultureProvider(), new ApiAcceptLanguageProvider()];
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
                o.ModelBinderProviders.Insert(0, new CheckboxBinderProvider(t));
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

    /// <summary>An API client's Accept-Language, in its order of preference: the first language Samverka speaks (sv-*, en-*).</summary>
    private sealed class ApiAcceptLanguageProvider : RequestCultureProvider
    {
        public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
        {
            if (!httpContext.Request.Path.StartsWithSegments("/api"))
            {
                return NullProviderCultureResult;
            }
            var preferred = httpContext.Request.GetTypedHeaders().AcceptLanguage
                .Where(l => l.Quality is null or > 0)
                .OrderByDescending(l => l.Quality ?? 1)
                .Select(l => l.Value.Value ?? "")
                .Select(v => Cultures.FirstOrDefault(c => v.Equals(c.TwoLetterISOLanguageName, StringComparison.OrdinalIgnoreCase)
                    || v.StartsWith(c.TwoLetterISOLanguageName + "-", StringComparison.OrdinalIgnoreCase)))
                .FirstOrDefault(c => c is not null);
            return preferred is null ? NullProviderCultureResult : Task.FromResult<ProviderCultureResult?>(new(preferred.Name));
        }
    }
}
