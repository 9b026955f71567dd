using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;

namespace Samverka.Web.Data;

/// <summary>
/// Tells the person who started Samverka where it runs and, with demo data, how to sign in; and warns, in red, when
/// the demo accounts (whose passwords and tokens are published in this repository) exist outside Development.
/// </summary>
public static class StartupBanner
{
    public const string DemoAccountsWarning =
        "WARNING: the demo accounts exist in this database. Their passwords and API tokens are public: anyone can sign in. Remove them before real use.";

    private const string Red = "\u001b[1;31m";
    private const string Reset = "\u001b[0m";

    public static async Task<bool> DemoAccountsPresentAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var emails = DemoData.Accounts.Select(a => a.Email.ToUpperInvariant()).ToList();
        return await db.Users.AnyAsync(u => u.NormalizedEmail != null && emails.Contains(u.NormalizedEmail));
    }

    public static IEnumerable<string> Lines(IEnumerable<string> addresses, bool demoAccountsPresent, IHostEnvironment environment, bool color)
    {
        yield return "";
        foreach (var a in addresses)
        {
            yield return $"Samverka is running at {a}";
        }
        if (demoAccountsPresent)
        {
            yield return $"Demo accounts (password: {DemoData.Password}):";
            foreach (var (email, _, role, token) in DemoData.Accounts)
            {
                yield return $"  {email,-34} {role,-20} API token: {token}";
            }
            if (!environment.IsDevelopment())
            {
                yield return color ? Red + DemoAccountsWarning + Reset : DemoAccountsWarning;
            }
        }
        yield return "Press Ctrl+C to stop.";
    }

    public static void Print(WebApplication app, bool demoAccountsPresent)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var color = !Console.IsOutputRedirected && Environment.GetEnvironmentVariable("NO_COLOR") is null;
        foreach (var line in Lines(addresses, demoAccountsPresent, app.Environment, color))
        {
            Console.WriteLine(line);
        }
    }
}
