using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Samverka.Tests.Support;

namespace Samverka.Tests.Features.Accounts;

/// <summary>Another site's form post carries the browser's cookie; it must not be able to change anything through /api.</summary>
public class ApiCookieTests
{
    [Fact]
    public async Task AChangeThroughTheApi_WithOnlyTheCookie_IsRefused_AndNothingIsSaved()
    {
        await using var app = await SamverkaApp.StartAsync(Db.Sqlite);
        var browser = await app.SignedInClientAsync(Users.Coordinator);
        var before = await app.WithDbAsync(db => db.ApiTokens.CountAsync());

        // What a cross-site form would send: the cookie, a body, no token of any kind.
        var forged = await browser.PostAsync("/api/tokens", new FormUrlEncodedContent(new Dictionary<string, string> { ["name"] = "Stulen" }));
        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        var problem = JsonDocument.Parse(await forged.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("https://samverka.se/problems/forbidden", problem.GetProperty("type").GetString());
        Assert.StartsWith("En ändring genom API:et kräver en personlig API-nyckel", problem.GetProperty("title").GetString(), StringComparison.Ordinal);
        var json = await browser.PostJsonAsync("/api/tokens", new { name = "Stulen" });
        Assert.Equal(HttpStatusCode.Forbidden, json.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await browser.DeleteAsync("/api/tokens/1")).StatusCode);
        Assert.Equal(before, await app.WithDbAsync(db => db.ApiTokens.CountAsync()));

        // Reading with the cookie is as before.
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/api/me")).StatusCode);
    }

    [Fact]
    public async Task AChangeThroughTheApi_WithTheCookieAndThePagesAntiforgeryToken_OrWithAPersonalToken_IsTaken()
    {
        await using var app = await SamverkaApp.StartAsync(Db.Sqlite);
        var browser = await app.SignedInClientAsync(Users.Coordinator);
        var page = await browser.GetStringAsync("/Accounts/Tokens");
        var token = Http.AntiforgeryTokenIn(page);
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/tokens") { Content = System.Net.Http.Json.JsonContent.Create(new { name = "Från sidan" }) };
        request.Headers.Add("RequestVerificationToken", token);
        Assert.Equal(HttpStatusCode.Created, (await browser.SendAsync(request)).StatusCode);

        Assert.Equal(HttpStatusCode.Created, (await app.ApiClient(Users.Coordinator).PostJsonAsync("/api/tokens", new { name = "Integration" })).StatusCode);
    }
}
