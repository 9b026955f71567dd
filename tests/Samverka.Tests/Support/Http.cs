using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Samverka.Web.Data;

namespace Samverka.Tests.Support;

public static partial class Http
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public static string TokenOf(string email) => DemoData.Accounts.Single(a => a.Email == email).Token;

    /// <summary>An API client that authenticates with the demo user's personal token.</summary>
    public static HttpClient ApiClient(this WebApplicationFactory<Program> app, string email)
    {
        var client = Client(app, cookies: false);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TokenOf(email));
        return client;
    }

    /// <summary>A browser-like client signed in through the sign-in page (cookie + antiforgery).</summary>
    public static async Task<HttpClient> SignedInClientAsync(this WebApplicationFactory<Program> app, string email, string password = DemoData.Password)
    {
        var client = Client(app, cookies: true);
        var response = await client.PostFormAsync("/Accounts/Login", new() { ["Input.Email"] = email, ["Input.Password"] = password });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    /// <summary>
    /// A client that does not follow redirects, in memory or, when the app serves over Kestrel, over the socket (the
    /// factory's own client there follows redirects whatever it is told).
    /// </summary>
    private static HttpClient Client(WebApplicationFactory<Program> app, bool cookies) => app is SamverkaApp { OverKestrel: true }
        ? new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = cookies }) { BaseAddress = app.ClientOptions.BaseAddress }
        : app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = cookies });

    /// <summary>Posts a form the way the browser does: fetch the page first for its antiforgery token.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string url, Dictionary<string, string> fields, string? handler = null)
    {
        var page = await client.GetStringAsync(url);
        var token = AntiforgeryTokenIn(page);
        Assert.True(token.Length > 0, $"No antiforgery token on {url}");
        var all = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = token };
        var target = handler is null ? url : url + (url.Contains('?') ? "&" : "?") + "handler=" + handler;
        return await client.PostAsync(target, new FormUrlEncodedContent(all));
    }

    public static async Task<T> ReadAsync<T>(this HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {body}");
        return JsonSerializer.Deserialize<T>(body, Json)!;
    }

    public static Task<HttpResponseMessage> PostJsonAsync<T>(this HttpClient client, string url, T body) => client.PostAsJsonAsync(url, body, Json);

    public static Task<HttpResponseMessage> PutJsonAsync<T>(this HttpClient client, string url, T body) => client.PutAsJsonAsync(url, body, Json);

    /// <summary>The antiforgery token a page's forms carry, decoded; empty when it has none.</summary>
    public static string AntiforgeryTokenIn(string html) => WebUtility.HtmlDecode(AntiforgeryPattern().Match(html).Groups[1].Value);

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryPattern();
}
