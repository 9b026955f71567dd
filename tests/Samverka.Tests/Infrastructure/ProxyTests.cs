using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Samverka.Tests.Support;

namespace Samverka.Tests.Infrastructure;

/// <summary>Behind a TLS-terminating proxy the sign-in cookie is Secure; a client that is not a known proxy cannot claim HTTPS.</summary>
public class ProxyTests
{
    [Theory]
    [InlineData("10.1.2.3", true)]
    [InlineData("192.0.2.9", false)]
    public async Task SignInCookie_IsSecure_OnlyWhenAKnownProxySaysTheRequestWasHttps(string from, bool secure)
    {
        await using var app = await SamverkaApp.StartAsync(Db.Sqlite,
            services: s => s.AddSingleton<IStartupFilter>(new ConnectionFrom(IPAddress.Parse(from))),
            settings: new() { ["Samverka:Proxy:KnownNetworks:0"] = "10.0.0.0/8" });
        var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        client.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.7");

        var page = await client.GetAsync("/Accounts/Login");
        var antiforgeryCookie = page.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).ToList();
        var token = Http.AntiforgeryTokenIn(await page.Content.ReadAsStringAsync());
        var post = new HttpRequestMessage(HttpMethod.Post, "/Accounts/Login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Input.Email"] = Users.Coordinator,
                ["Input.Password"] = Samverka.Web.Data.DemoData.Password,
                ["__RequestVerificationToken"] = token,
            }),
        };
        post.Headers.Add("Cookie", string.Join("; ", antiforgeryCookie));
        var response = await client.SendAsync(post);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var signIn = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("samverka=", StringComparison.Ordinal));
        Assert.Equal(secure, signIn.Contains("; secure", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Makes every request come from the given address, before the app's own pipeline (as a proxy's connection would).</summary>
    private sealed class ConnectionFrom(IPAddress address) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                context.Connection.RemoteIpAddress = address;
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
