using System.Net;
using Microsoft.EntityFrameworkCore;
using Samverka.Tests.Support;

namespace Samverka.Tests.Infrastructure;

/// <summary>Two instances on one database, as behind a load balancer: a sign-in on one is valid on the other, through the keys in the database.</summary>
public class ScaleOutTests
{
    [Theory, ClassData(typeof(BothDatabases))]
    public async Task SignInOnOneInstance_IsValidOnAnother(Db db)
    {
        await using var first = await SamverkaApp.StartAsync(db);
        var cookie = await CookieOf(first);
        Assert.True(await first.WithDbAsync(ctx => ctx.DataProtectionKeys.AnyAsync()), "no data-protection key in the database");
        await using (var second = new SamverkaApp(db, first.ConnectionString))
        {
            var response = await GetWithCookieAsync(second, cookie);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("Demo IOP-koordinator (Järva)", await response.Content.ReadAsStringAsync());
        }

        // The second instance can only have read the keys from the database: with the rows gone, a third instance on the
        // same machine (same user profile, same disk, same database otherwise) cannot read the cookie.
        await first.WithDbAsync(ctx => ctx.DataProtectionKeys.ExecuteDeleteAsync());
        await using var third = new SamverkaApp(db, first.ConnectionString);
        var refused = await GetWithCookieAsync(third, cookie);
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.StartsWith("/Accounts/Login", refused.Headers.Location!.PathAndQuery);
    }

    private static async Task<HttpResponseMessage> GetWithCookieAsync(SamverkaApp app, string cookie)
    {
        var client = app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Add("Cookie", cookie);
        return await client.GetAsync("/Partnerships");
    }

    /// <summary>Signs in on the instance and returns the authentication cookie as a Cookie header value.</summary>
    private static async Task<string> CookieOf(SamverkaApp app)
    {
        var client = app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        var page = await client.GetAsync("/Accounts/Login");
        var antiforgeryCookie = string.Join("; ", page.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));
        var html = await page.Content.ReadAsStringAsync();
        var token = Http.AntiforgeryTokenIn(html);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/Accounts/Login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Input.Email"] = Users.Coordinator,
                ["Input.Password"] = Samverka.Web.Data.DemoData.Password,
                ["__RequestVerificationToken"] = token,
            }),
        };
        request.Headers.Add("Cookie", antiforgeryCookie);
        var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return string.Join("; ", response.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).Where(c => c.StartsWith("samverka=", StringComparison.Ordinal)));
    }
}
