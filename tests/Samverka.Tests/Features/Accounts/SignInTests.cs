using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Samverka.Tests.Support;
using Samverka.Web.Data;
using Samverka.Web.Features.Accounts;

namespace Samverka.Tests.Features.Accounts;

/// <summary>Password guessing is slowed per account and per address, nobody can lock an owner out, and nothing tells which addresses have accounts.</summary>
public class SignInTests
{
    private static readonly DateTimeOffset Now = new(2024, 6, 1, 8, 0, 0, TimeSpan.Zero);

    private sealed class CountingHasher : PasswordHasher<AppUser>
    {
        public int Verifications;

        public override PasswordVerificationResult VerifyHashedPassword(AppUser user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref Verifications);
            return base.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }

    private static Task<HttpResponseMessage> SignInAsync(HttpClient client, string email, string password) =>
        client.PostFormAsync("/Accounts/Login", new() { ["Input.Email"] = email, ["Input.Password"] = password });

    private static HttpClient Browser(SamverkaApp app) =>
        app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    [Fact]
    public async Task UnknownEmail_AndWrongPassword_GetTheSameAnswer_AfterTheSameWork()
    {
        var hasher = new CountingHasher();
        await using var app = await SamverkaApp.StartAsync(Db.Sqlite, services: s => s.Replace(ServiceDescriptor.Scoped<IPasswordHasher<AppUser>>(_ => hasher)));
        var client = Browser(app);

        var wrong = await SignInAsync(client, Users.Coordinator, "fel-lösenord-123");
        var afterWrong = hasher.Verifications;
        var unknown = await SignInAsync(client, "ingen@jarva.example", "fel-lösenord-123");

        Assert.Equal(wrong.StatusCode, unknown.StatusCode);
        Assert.Equal(Errors(await wrong.Content.ReadAsStringAsync()), Errors(await unknown.Content.ReadAsStringAsync()));
        Assert.Equal("E-postadressen eller lösenordet är fel.", Errors(await unknown.Content.ReadAsStringAsync()));
        // One password check each: an unknown address is not answered faster.
        Assert.Equal(1, afterWrong);
        Assert.Equal(2, hasher.Verifications);
    }

    [Fact]
    public async Task FailuresForOneAccount_AreThrottled_WithRetryAfter_AndNeverLockTheOwnerOut()
    {
        await using var app = await SamverkaApp.StartAsync(Db.Sqlite, now: Now);
        var attacker = Browser(app);
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await SignInAsync(attacker, Users.Coordinator, $"gissning-{i}-abc")).StatusCode);
        }
        var throttled = await SignInAsync(attacker, Users.Coordinator, DemoData.Password);
        Assert.Equal(HttpStatusCode.TooManyRequests, throttled.StatusCode);
        var retryAfter = throttled.Headers.RetryAfter!.Delta!.Value;
        Assert.InRange(retryAfter, TimeSpan.FromMinutes(14), TimeSpan.FromMinutes(15));
        Assert.Contains("För många misslyckade försök. Försök igen om 15 minuter.", Errors(await throttled.Content.ReadAsStringAsync()));

        // Another account from the same address is not held up by it.
        Assert.Equal(HttpStatusCode.Redirect, (await SignInAsync(Browser(app), Users.CaseOfficer, DemoData.Password)).StatusCode);

        // When the window has passed, the owner signs in: the account was never locked.
        app.Clock!.Advance(TimeSpan.FromMinutes(15));
        Assert.Equal(HttpStatusCode.Redirect, (await SignInAsync(Browser(app), Users.Coordinator, DemoData.Password)).StatusCode);
        Assert.Null(await app.WithDbAsync(db => db.Users.Where(u => u.Email == Users.Coordinator).Select(u => u.LockoutEnd).SingleAsync()));
    }

    [Fact]
    public async Task FailuresFromOneAddress_AcrossAccounts_AreThrottled()
    {
        await using var app = await SamverkaApp.StartAsync(Db.Sqlite, now: Now);
        var client = Browser(app);
        for (var i = 0; i < 20; i++)
        {
            await SignInAsync(client, $"person{i}@jarva.example", "gissning-abc-123");
        }
        Assert.Equal(HttpStatusCode.TooManyRequests, (await SignInAsync(client, Users.Head, DemoData.Password)).StatusCode);
    }

    [Fact]
    public async Task GuessingAnAccountsPassword_DoesNotStopItsApiTokens()
    {
        await using var app = await SamverkaApp.StartAsync(Db.Sqlite, now: Now);
        var attacker = Browser(app);
        for (var i = 0; i < 12; i++)
        {
            await SignInAsync(attacker, Users.CaseOfficer, $"gissning-{i}-abc");
        }
        Assert.Equal(HttpStatusCode.TooManyRequests, (await SignInAsync(attacker, Users.CaseOfficer, "gissning-abc")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.ApiClient(Users.CaseOfficer).GetAsync("/api/me")).StatusCode);
        Assert.Equal(0, await app.WithDbAsync(db => db.Users.Where(u => u.Email == Users.CaseOfficer).Select(u => u.AccessFailedCount).SingleAsync()));
    }

    [Fact]
    public async Task AnAccountAnAdministratorLocked_CannotSignIn_AndSaysNothingMore()
    {
        await using var app = await SamverkaApp.StartAsync(Db.Sqlite, now: Now);
        await app.WithDbAsync(async db =>
        {
            var user = await db.Users.SingleAsync(u => u.Email == Users.CaseOfficer);
            user.LockoutEnabled = true;
            user.LockoutEnd = new DateTimeOffset(2100, 1, 1, 0, 0, 0, TimeSpan.Zero);
            await db.SaveChangesAsync();
        });
        var response = await SignInAsync(Browser(app), Users.CaseOfficer, DemoData.Password);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("E-postadressen eller lösenordet är fel.", Errors(await response.Content.ReadAsStringAsync()));
    }

    private static string Errors(string html) =>
        string.Join(" ", System.Text.RegularExpressions.Regex.Matches(WebUtility.HtmlDecode(html), "<li>([^<]+)</li>").Select(m => m.Groups[1].Value));
}
