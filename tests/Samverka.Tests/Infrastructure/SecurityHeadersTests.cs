using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Samverka.Tests.Support;

namespace Samverka.Tests.Infrastructure;

public class SecurityHeadersTests
{
    [Fact]
    public async Task EveryAnswer_CarriesTheSecurityHeaders_PagesApiFilesAndErrors()
    {
        await using var app = await SamverkaApp.StartAsync(Db.Sqlite);
        var browser = await app.SignedInClientAsync(Users.Coordinator);
        var api = app.ApiClient(Users.Coordinator);
        var anonymous = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var answers = new (string What, HttpResponseMessage Response)[]
        {
            ("page", await browser.GetAsync("/Partnerships")),
            ("sign-in page", await anonymous.GetAsync("/Accounts/Login")),
            ("redirect", await anonymous.GetAsync("/Partnerships")),
            ("missing page", await browser.GetAsync("/Agreements/Details/999999")),
            ("api", await api.GetAsync("/api/me")),
            ("api error", await api.GetAsync("/api/agreements/999999")),
            ("css", await anonymous.GetAsync("/css/site.css")),
            ("health", await anonymous.GetAsync("/health")),
        };
        foreach (var (what, response) in answers)
        {
            var csp = string.Join(",", response.Headers.GetValues("Content-Security-Policy"));
            Assert.Contains("script-src 'self';", csp);
            Assert.Contains("frame-ancestors 'none'", csp);
            Assert.DoesNotContain("unsafe-inline", csp);
            Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
            Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
            Assert.Equal("same-origin", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
            Assert.False(response.Headers.Contains("Strict-Transport-Security"), $"{what}: HSTS over plain HTTP");
        }
    }

    [Fact]
    public async Task Hsts_IsSent_WhenTheRequestWasHttps_BehindAKnownProxy()
    {
        await using var app = await SamverkaApp.StartAsync(Db.Sqlite,
            services: s => s.AddSingleton<IStartupFilter>(new FromLoopback()));
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        var response = await client.GetAsync("/Accounts/Login");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("max-age=31536000", Assert.Single(response.Headers.GetValues("Strict-Transport-Security")), StringComparison.Ordinal);
    }

    [Fact]
    public void Production_LogsNoSqlStatements()
    {
        // appsettings.json is what production runs with; only Development turns the statements on.
        var settings = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(Tools.RepositoryRoot, "src", "Samverka.Web", "appsettings.json"))).RootElement;
        var levels = settings.GetProperty("Logging").GetProperty("LogLevel");
        Assert.True(levels.TryGetProperty("Microsoft.EntityFrameworkCore", out var ef) && ef.GetString() is "Warning" or "Error" or "None", "EF Core logs SQL at Information");
        Assert.False(File.Exists(Path.Combine(Tools.RepositoryRoot, "src", "Samverka.Web", "appsettings.Production.json")));
    }

    /// <summary>The test server has no connection; this one comes from the proxy on the same machine.</summary>
    private sealed class FromLoopback : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                context.Connection.RemoteIpAddress = IPAddress.Loopback;
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
