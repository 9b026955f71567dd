using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Samverka.Tests.Support;
using Samverka.Web.Features.Accounts;
using Samverka.Web.Features.Municipalities;

namespace Samverka.Tests.Features.Accounts;

/// <summary>Issue 19, item 1: a database started without demo data gets its first administrator by a command, with no default password.</summary>
public class FirstAdministratorTests
{
    [Theory, ClassData(typeof(BothDatabases))]
    public async Task CreateAdmin_PrintsAOneTimeLink_ThatSetsThePassword_AndTheAdministratorKeepsTheMunicipalitysLists(Db db)
    {
        await using var app = await SamverkaApp.StartAsync(db, demoData: false);
        Assert.Equal(0, await app.WithDbAsync(ctx => ctx.Users.CountAsync()));

        // Without a municipality to administer, the command says what to give and creates nothing.
        var (none, why) = await AdminCommand.CreateAsync(app.Services, new("anna@malmo.example", "Anna Admin", null, null, false, "https://samverka.malmo.example"));
        Assert.Null(none);
        Assert.Contains("--municipality", why);
        var (_, badNumber) = await AdminCommand.CreateAsync(app.Services, new("anna@malmo.example", "Anna Admin", "Malmö stad", "212000-1125", false, "https://samverka.malmo.example"));
        Assert.Contains("not a valid organisation number", badNumber);
        Assert.Equal((0, 0), (await app.WithDbAsync(ctx => ctx.Users.CountAsync()), await app.WithDbAsync(ctx => ctx.Municipalities.CountAsync())));

        var (link, problem) = await AdminCommand.CreateAsync(app.Services, new("anna@malmo.example", "Anna Admin", "Malmö stad", "212000-1124", false, "https://samverka.malmo.example"));
        Assert.Null(problem);
        Assert.StartsWith("https://samverka.malmo.example/Accounts/SetPassword?email=", link);
        var malmo = await app.WithDbAsync(ctx => ctx.Municipalities.AsNoTracking().SingleAsync());
        Assert.Equal(("Malmö stad", "212000-1124", MunicipalityKind.Municipality), (malmo.Name, malmo.OrganisationNumber, malmo.Kind));
        // No password until its owner sets one: nobody can sign in with a default.
        Assert.Null(await app.WithDbAsync(ctx => ctx.Users.Select(u => u.PasswordHash).SingleAsync()));
        var (_, again) = await AdminCommand.CreateAsync(app.Services, new("anna@malmo.example", "Anna Admin", "Malmö stad", null, false, "https://samverka.malmo.example"));
        Assert.Contains("exists already", again);

        var path = new Uri(link!).PathAndQuery;
        var browser = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var mismatch = await browser.PostFormAsync(path, new() { ["Password"] = "Malmo-admin-2026", ["Repeated"] = "Malmo-admin-2027" });
        Assert.Contains("De två lösenorden är inte lika.", WebUtility.HtmlDecode(await mismatch.Content.ReadAsStringAsync()));
        var set = await browser.PostFormAsync(path, new() { ["Password"] = "Malmo-admin-2026", ["Repeated"] = "Malmo-admin-2026" });
        Assert.Equal(HttpStatusCode.Redirect, set.StatusCode);
        // The link works once.
        var spent = await browser.PostFormAsync(path, new() { ["Password"] = "Someone-else-2026", ["Repeated"] = "Someone-else-2026" });
        Assert.Contains("Länken gäller inte", WebUtility.HtmlDecode(await spent.Content.ReadAsStringAsync()));

        var admin = await app.SignedInClientAsync("anna@malmo.example", "Malmo-admin-2026");
        var lists = WebUtility.HtmlDecode(await admin.GetStringAsync($"/Municipalities/{malmo.Id}/Categories"));
        Assert.Contains("name=\"Rows[0].Name\"", lists);
    }
}
