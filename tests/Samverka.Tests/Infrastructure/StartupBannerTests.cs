using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Samverka.Tests.Support;
using Samverka.Web.Data;

namespace Samverka.Tests.Infrastructure;

public class StartupBannerTests
{
    private sealed class Env(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;
        public string ApplicationName { get; set; } = "Samverka.Web";
        public string ContentRootPath { get; set; } = "/";
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }

    [Theory]
    [InlineData("Development", true, false)]
    [InlineData("Production", true, true)]
    [InlineData("Staging", true, true)]
    [InlineData("Production", false, false)]
    public void DemoAccounts_AreListed_AndOutsideDevelopmentWarnedOfInRed(string environment, bool present, bool warned)
    {
        var lines = StartupBanner.Lines(["http://127.0.0.1:5000"], present, new Env(environment), color: true).ToList();
        Assert.Contains("Samverka is running at http://127.0.0.1:5000", lines);
        Assert.Equal(present, lines.Any(l => l.Contains(DemoData.Accounts[0].Token, StringComparison.Ordinal)));
        var warning = lines.SingleOrDefault(l => l.Contains(StartupBanner.DemoAccountsWarning, StringComparison.Ordinal));
        Assert.Equal(warned, warning is not null);
        if (warning is not null)
        {
            Assert.StartsWith("\u001b[1;31m", warning, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task DemoAccounts_ExistOnlyWhenTheDemoDataWasAskedFor(bool demoData)
    {
        await using var app = await SamverkaApp.StartAsync(Db.Sqlite, demoData: demoData);
        Assert.Equal(demoData, await StartupBanner.DemoAccountsPresentAsync(app.Services));
    }
}
