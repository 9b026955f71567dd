using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Extensions.Localization;

namespace Samverka.Web.Features.Accounts;

/// <summary>
/// The API takes the browser's sign-in cookie too, and a browser sends the cookie with any site's form post. A change
/// through /api therefore needs either a personal token (which no other site can have) or the antiforgery token in
/// the RequestVerificationToken header, as the app's own pages would send it. Reading needs neither.
/// </summary>
public static class ApiCookieGuard
{
    public const string HeaderName = "RequestVerificationToken";

    public static IApplicationBuilder UseApiCookieGuard(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var request = context.Request;
        var writes = !(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method));
        var bearer = request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase);
        if (writes && !bearer && request.Path.StartsWithSegments("/api") && request.Cookies.ContainsKey(AccountsSetup.CookieName))
        {
            var antiforgery = context.RequestServices.GetRequiredService<IAntiforgery>();
            if (!await antiforgery.IsRequestValidAsync(context))
            {
                var t = context.RequestServices.GetRequiredService<IStringLocalizer<Texts>>();
                await Microsoft.AspNetCore.Http.Results.Problem(
                    title: t["A change through the API needs a personal API token, or the antiforgery token of a page of Samverka."],
                    statusCode: StatusCodes.Status403Forbidden,
                    type: "https://samverka.se/problems/forbidden").ExecuteAsync(context);
                return;
            }
        }
        await next(context);
    });

    /// <summary>The page's own calls send the token in this header.</summary>
    public static IServiceCollection AddApiCookieGuard(this IServiceCollection services) =>
        services.AddAntiforgery(o => o.HeaderName = HeaderName);
}
