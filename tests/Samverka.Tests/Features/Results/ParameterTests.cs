using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Samverka.Tests.Support;

namespace Samverka.Tests.Features.Results;

/// <summary>Issue 20, item 8: a year outside the agreement or an unoffered format is answered with the reason, never a 500 or a silent XLSX.</summary>
public class ParameterTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(10000)]
    [InlineData(2031)]
    public async Task AYearOutsideTheAgreement_IsRefusedWithTheReason_OnThePageAndInTheApi(int year)
    {
        await using var app = await SamverkaApp.StartAsync(Db.Sqlite);
        var id = await app.WithDbAsync(db => db.Agreements.Where(a => a.Title == "Överenskommelse Folkets Husby").Select(a => a.Id).SingleAsync());
        // Written as Swedish writes numbers: a minus sign (U+2212), not a hyphen.
        var expected = $"Året {year.ToString(System.Globalization.CultureInfo.GetCultureInfo("sv-SE"))} finns inte i den här överenskommelsen: den löper 2024–2024. Välj ett år inom den, eller hela överenskommelsen.";
        var api = app.ApiClient(Users.Coordinator);
        foreach (var url in new[] { $"/api/agreements/{id}/fulfilment?year={year}", $"/api/agreements/{id}/figures?year={year}" })
        {
            var answer = await api.GetAsync(url);
            Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
            Assert.Equal("application/problem+json", answer.Content.Headers.ContentType?.MediaType);
            Assert.Equal(expected, JsonDocument.Parse(await answer.Content.ReadAsStringAsync()).RootElement.GetProperty("title").GetString());
        }
        var page = await (await app.SignedInClientAsync(Users.Coordinator)).GetAsync($"/Results/Fulfilment/{id}?year={year}");
        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        var html = WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync());
        Assert.Contains(expected, html, StringComparison.Ordinal);
        Assert.Contains("Måluppfyllelse hela överenskommelsen", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AYearWithinTheAgreement_IsAnswered()
    {
        await using var app = await SamverkaApp.StartAsync(Db.Sqlite);
        var id = await app.WithDbAsync(db => db.Agreements.Where(a => a.Title == "Överenskommelse Folkets Husby").Select(a => a.Id).SingleAsync());
        var api = app.ApiClient(Users.Coordinator);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync($"/api/agreements/{id}/fulfilment?year=2024")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await app.SignedInClientAsync(Users.Coordinator)).GetAsync($"/Results/Fulfilment/{id}?year=2024")).StatusCode);
    }

    [Theory]
    [InlineData("pdf")]
    [InlineData("docx")]
    [InlineData("")]
    public async Task AnUnofferedExportFormat_IsRefused_NamingTheFormatsOffered(string format)
    {
        await using var app = await SamverkaApp.StartAsync(Db.Sqlite);
        var id = await app.WithDbAsync(db => db.Agreements.Where(a => a.Title == "Överenskommelse Folkets Husby").Select(a => a.Id).SingleAsync());
        var api = app.ApiClient(Users.Coordinator);
        var answer = await api.GetAsync($"/api/agreements/{id}/figures?format={format}");
        if (format.Length == 0)
        {
            // An empty parameter is no format asked for: the default.
            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
            return;
        }
        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.Equal($"Formatet {format} erbjuds inte: välj xlsx eller csv.", JsonDocument.Parse(await answer.Content.ReadAsStringAsync()).RootElement.GetProperty("title").GetString());
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync($"/api/agreements/{id}/figures?format=csv")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync($"/api/agreements/{id}/figures?format=XLSX")).StatusCode);
    }
}
