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
