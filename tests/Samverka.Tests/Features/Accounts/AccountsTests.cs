using System.Net;
using System.Net.Http.Headers;
using Samverka.Tests.Support;
using Samverka.Web.Features.Accounts;

namespace Samverka.Tests.Features.Accounts;

public class AccountsTests
{
    [Theory, ClassData(typeof(BothDatabases))]
    public async Task Token_CreatedUsedAndRevoked(Db db)
    {
        await using var app = await SamverkaApp.StartAsync(db);
        var created = await (await app.ApiClient(Users.FolketsHusby).PostJsonAsync("/api/tokens", new TokenInput("Rapportskript"))).ReadAsync<CreatedToken>();
        Assert.StartsWith("svk_", created.Token);

        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", created.Token);
        var me = await (await client.GetAsync("/api/me")).ReadAsync<MeView>();
        Assert.Equal(UserRole.PartnerUser, me.Role);

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/tokens/{created.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/me")).StatusCode);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task Token_OfSomeoneElse_CannotBeRevoked(Db db)
    {
        await using var app = await SamverkaApp.StartAsync(db);
        var created = await (await app.ApiClient(Users.FolketsHusby).PostJsonAsync("/api/tokens", new TokenInput("Mitt"))).ReadAsync<CreatedToken>();
        Assert.Equal(HttpStatusCode.NotFound, (await app.ApiClient(Users.IogtSpanga).DeleteAsync($"/api/tokens/{created.Id}")).StatusCode);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task SignIn_WrongPassword_SaysSoInSwedish(Db db)
    {
        await using var app = await SamverkaApp.StartAsync(db);
        var client = app.CreateClient(new() { AllowAutoRedirect = false });
        var response = await client.PostFormAsync("/Accounts/Login", new() { ["Input.Email"] = Users.Coordinator, ["Input.Password"] = "fel-lösenord" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("E-postadressen eller lösenordet är fel.", await response.Content.ReadAsStringAsync());
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task Language_SwitchesToEnglishAndBack(Db db)
    {
        await using var app = await SamverkaApp.StartAsync(db);
        var client = await app.SignedInClientAsync(Users.Coordinator);
        Assert.Contains("<h1>Portfölj</h1>", await client.GetStringAsync("/Partnerships"));
        // The switch is a form in the layout that posts to /Culture.
        var switched = await client.PostAsync("/Culture", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["culture"] = "en-GB",
            ["returnUrl"] = "/Partnerships",
            ["__RequestVerificationToken"] = await TokenFrom(client, "/Partnerships"),
        }));
        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        var english = await client.GetStringAsync("/Partnerships");
        Assert.Contains("<h1>Portfolio</h1>", english);
        Assert.Contains("<html lang=\"en\">", english);
    }

    private static async Task<string> TokenFrom(HttpClient client, string url)
    {
        var html = await client.GetStringAsync(url);
        var m = System.Text.RegularExpressions.Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"");
        return WebUtility.HtmlDecode(m.Groups[1].Value);
    }
}
