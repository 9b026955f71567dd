using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Samverka.Web.Data;

/// <summary>Tells the person who started Samverka where it runs and, with demo data, how to sign in.</summary>
public static class StartupBanner
{
    public static void Print(WebApplication app)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        Console.WriteLine();
        foreach (var a in addresses)
        {
            Console.WriteLine($"Samverka is running at {a}");
        }
        if (app.Configuration.GetValue("Samverka:DemoData", false))
        {
            Console.WriteLine($"Demo accounts (password: {DemoData.Password}):");
            foreach (var (email, name, role, token) in DemoData.Accounts)
            {
                Console.WriteLine($"  {email,-34} {role,-20} API token: {token}");
            }
        }
        Console.WriteLine("Press Ctrl+C to stop.");
    }
}
