using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Samverka.Tests.Support;

namespace Samverka.Tests.Browser;

/// <summary>Browser journeys run one at a time, after nothing else competes for the two cores.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class BrowserCollection
{
    public const string Name = "Browser";
}

/// <summary>
/// The app on a real socket (127.0.0.1, a free port) and Debian's Chromium driven by Playwright.
/// Never downloads a browser: the test script installs the chromium package.
/// </summary>
public sealed class BrowserHost : IAsyncDisposable
{
    public const string Chromium = "/usr/bin/chromium";
    private static readonly string[] WcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

    private BrowserHost(SamverkaApp app, IPlaywright playwright, IBrowser browser, string baseUrl)
    {
        App = app;
        Playwright = playwright;
        Browser = browser;
        BaseUrl = baseUrl;
    }

    public SamverkaApp App { get; }
    public IPlaywright Playwright { get; }
    public IBrowser Browser { get; }
    public string BaseUrl { get; }

    public static async Task<BrowserHost> StartAsync(Db db = Db.Sqlite)
    {
        if (!File.Exists(Chromium))
        {
            if (Environment.GetEnvironmentVariable("CI") == "true")
            {
                Assert.Fail("Chromium is not installed at /usr/bin/chromium: run the tests through ./test.sh.");
            }
            Assert.Skip("Chromium is not installed at /usr/bin/chromium; ./test.sh installs it.");
        }
        var app = await SamverkaApp.StartAsync(db);
        var address = app.ServeOverKestrel();
        var playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        return new BrowserHost(app, playwright, browser, address);
    }

    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseUrl, Locale = "sv-SE", AcceptDownloads = true });
        // Two cores shared with the rest of the suite: give slow moments room instead of failing on them.
        context.SetDefaultTimeout(60_000);
        context.SetDefaultNavigationTimeout(60_000);
        Assertions.SetDefaultExpectTimeout(30_000);
        var page = await context.NewPageAsync();
        // The Content-Security-Policy allows no inline script or style: whatever the browser refused is a defect.
        var refused = CspViolations.GetOrCreateValue(page);
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                lock (refused)
                {
                    refused.Add($"{page.Url}: {message.Text}");
                }
            }
        };
        return page;
    }

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<IPage, List<string>> CspViolations = new();

    /// <summary>Signs in through the sign-in page, with the keyboard's Enter, and waits for the portfolio.</summary>
    public static async Task SignInAsync(IPage page, string email)
    {
        await page.GotoAsync("/Accounts/Login");
        await AssertAccessibleAsync(page);
        await page.GetByLabel("E-post").FillAsync(email);
        await page.GetByLabel("Lösenord").FillAsync(Samverka.Web.Data.DemoData.Password);
        await page.GetByLabel("Lösenord").PressAsync("Enter");
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Partnerships$"));
    }

    /// <summary>Fails with the list of WCAG 2.1 A/AA violations on the page as it is now.</summary>
    public static async Task AssertAccessibleAsync(IPage page)
    {
        if (CspViolations.TryGetValue(page, out var refused))
        {
            lock (refused)
            {
                Assert.True(refused.Count == 0, string.Join("\n", refused));
            }
        }
        var result = await page.RunAxe(new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = [.. WcagTags] } });
        Assert.NotEmpty(result.Passes); // axe really looked at the page
        if (Environment.GetEnvironmentVariable("SAMVERKA_SCREENSHOTS") is { Length: > 0 } dir)
        {
            // For a person to look at what the journey saw: SAMVERKA_SCREENSHOTS=/tmp/shots ./test.sh
            Directory.CreateDirectory(dir);
            await page.ScreenshotAsync(new() { Path = Path.Combine(dir, $"{DateTime.UtcNow:HHmmssfff}-{new Uri(page.Url).AbsolutePath.Trim('/').Replace('/', '-')}.png"), FullPage = true });
        }
        var violations = result.Violations.Select(v => $"{v.Id} ({v.Impact}): {v.Help} – {string.Join(", ", v.Nodes.Take(3).Select(n => string.Join(" ", n.Target)))}").ToList();
        Assert.True(violations.Count == 0, $"Accessibility violations on {page.Url}:\n" + string.Join("\n", violations));
    }

    public async ValueTask DisposeAsync()
    {
        await Browser.DisposeAsync();
        Playwright.Dispose();
        await App.DisposeAsync();
    }
}
