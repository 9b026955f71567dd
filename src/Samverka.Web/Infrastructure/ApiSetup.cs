using Scalar.AspNetCore;

namespace Samverka.Web.Infrastructure;

public static class ApiSetup
{
    public static IServiceCollection AddApi(this IServiceCollection services)
    {
        services.AddErrorResponses();
        services.AddOpenApi(ApiDocument.Configure);
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter());
        });
        return services;
    }

    /// <summary>The API under /api, signed in, with the routes each feature maps (<paramref name="mapFeatures"/>).</summary>
    public static WebApplication MapApi(this WebApplication app, Action<RouteGroupBuilder> mapFeatures)
    {
        // The description of the API is no secret; the data behind it is.
        app.MapOpenApi().AllowAnonymous();
        // The page to try the API; it uses the same sign-in as the rest of the app.
        app.MapScalarApiReference("/api/try", o => o.WithTitle("Samverka API").WithOpenApiRoutePattern("/openapi/{documentName}.json")).AllowAnonymous();
        var api = app.MapGroup("/api").RequireAuthorization();
        mapFeatures(api);
        return app;
    }
}
