using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Samverka.Tests.Support;

namespace Samverka.Tests.Infrastructure;

/// <summary>Issue 20, item 9: the API answers in the request's language (the culture cookie, then Accept-Language), values filled in.</summary>
public class LanguageTests
{
    private static async Task<string> MentorWhyAsync(HttpClient api, int agreement, Action<HttpRequestMessage>? choose = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, $"/api/agreements/{agreement}/fulfilment?year=2024");
        choose?.Invoke(request);
        var view = JsonDocument.Parse(await (await api.SendAsync(request)).Content.ReadAsStringAsync()).RootElement;
        var target = view.GetProperty("goals").EnumerateArray().SelectMany(g => g.GetProperty("targets").EnumerateArray())
            .Single(t => t.GetProperty("description").GetString()!.StartsWith("50 ungdomar", StringComparison.Ordinal));
        Assert.Equal(JsonValueKind.String, target.GetProperty("why").ValueKind);
        return target.GetProperty("why").GetString()!;
    }

    [Fact]
    public async Task TheFulfilmentsWhy_IsTheText_InTheRequestsLanguage()
    {
        await using var app = await SamverkaApp.StartAsync(Db.Sqlite);
        var agreement = await app.WithDbAsync(db => db.Agreements.Where(a => a.Title == "Överenskommelse Folkets Husby").Select(a => a.Id).SingleAsync());
        var api = app.ApiClient(Users.Coordinator);

        Assert.Equal("47 av 50; delvis uppfyllt från 75 % av målvärdet.", await MentorWhyAsync(api, agreement));
        Assert.Equal("47 of 50; partly met from 75 % of the target.", await MentorWhyAsync(api, agreement, r => r.Headers.AcceptLanguage.ParseAdd("en-US,en;q=0.8")));
        Assert.Equal("47 of 50; partly met from 75 % of the target.", await MentorWhyAsync(api, agreement, r => r.Headers.AcceptLanguage.ParseAdd("fr-FR, en;q=0.5")));
        // The cookie is the user's own choice and comes before the client's header.
        Assert.Equal("47 av 50; delvis uppfyllt från 75 % av målvärdet.", await MentorWhyAsync(api, agreement, r =>
        {
            r.Headers.AcceptLanguage.ParseAdd("en-GB");
            r.Headers.Add("Cookie", ".AspNetCore.Culture=c%3Dsv-SE%7Cuic%3Dsv-SE");
        }));
    }

    [Fact]
    public async Task AProblem_IsInTheRequestsLanguage_TitleAndFieldMessages()
    {
        await using var app = await SamverkaApp.StartAsync(Db.Sqlite);
        var api = app.ApiClient(Users.Coordinator);
        async Task<string> ProblemAsync(string? language)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/api/partnerships") { Content = JsonContent.Create(new { name = "", boardId = "x" }) };
            if (language is not null)
            {
                request.Headers.AcceptLanguage.ParseAdd(language);
            }
            var response = await api.SendAsync(request);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            return await response.Content.ReadAsStringAsync();
        }
        var swedish = await ProblemAsync(null);
        Assert.Empty(Language.Problems(swedish, swedish: true));
        var english = await ProblemAsync("en");
        Assert.DoesNotContain("å", english, StringComparison.Ordinal);
        Assert.NotEqual(swedish, english);
    }

    /// <summary>Pages follow the user's choice only: a browser's English language list does not switch Samverka.</summary>
    [Fact]
    public async Task APage_StaysSwedish_WhatEverTheBrowsersLanguageList()
    {
        await using var app = await SamverkaApp.StartAsync(Db.Sqlite);
        var client = await app.SignedInClientAsync(Users.Coordinator);
        var request = new HttpRequestMessage(HttpMethod.Get, "/Partnerships");
        request.Headers.AcceptLanguage.ParseAdd("en-US,en;q=0.9");
        Assert.Contains("lang=\"sv", await (await client.SendAsync(request)).Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
