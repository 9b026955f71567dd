using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Samverka.Web.Data;
using Samverka.Web.Features.Municipalities;

namespace Samverka.Web.Features.Accounts;

/// <summary>
/// `dotnet Samverka.Web.dll create-admin --email a@kommun.se --name "Anna Admin" --municipality "Malmö stad"`: the first
/// administrator of a database started without demo data. The account has no password: the command prints a one-time
/// link (valid a day) where its owner sets one. There is no default password anywhere.
/// </summary>
public static class AdminCommand
{
    public const string Verb = "create-admin";

    public sealed record Request(string? Email, string? Name, string? Municipality, string? OrganisationNumber, bool Region, string BaseUrl);

    public static Request Parse(string[] args, string baseUrl)
    {
        string? Value(string option) => args.SkipWhile(a => a != option).Skip(1).FirstOrDefault() is { } v && !v.StartsWith("--", StringComparison.Ordinal) ? v : null;
        return new(Value("--email"), Value("--name"), Value("--municipality"), Value("--organisation-number"), args.Contains("--region"), (Value("--url") ?? baseUrl).TrimEnd('/'));
    }

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, string baseUrl, TextWriter output)
    {
        var (link, problem) = await CreateAsync(services, Parse(args, baseUrl));
        await output.WriteLineAsync(problem ?? $"The administrator is created. Open this link within a day to set the password (it works once):{Environment.NewLine}{link}");
        return problem is null ? 0 : 1;
    }

    /// <summary>Creates the administrator (and its municipality when named and new); the link to set the password, or why not.</summary>
    public static async Task<(string? Link, string? Problem)> CreateAsync(IServiceProvider services, Request request)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        if (string.IsNullOrWhiteSpace(request.Email) || string.IsNullOrWhiteSpace(request.Name))
        {
            return (null, "Give the administrator's e-mail and name: create-admin --email a@kommun.se --name \"Anna Admin\" [--municipality \"Malmö stad\" --organisation-number 212000-1124 --region] [--url https://samverka.kommun.se]");
        }
        if (await users.FindByEmailAsync(request.Email.Trim()) is not null)
        {
            return (null, $"An account for {request.Email.Trim()} exists already; nothing was changed.");
        }
        var existing = await db.Municipalities.ToListAsync();
        Municipality? municipality;
        if (request.Municipality is { } name && !string.IsNullOrWhiteSpace(name))
        {
            municipality = existing.FirstOrDefault(m => string.Equals(m.Name, name.Trim(), StringComparison.OrdinalIgnoreCase));
            if (municipality is null)
            {
                string? number = null;
                if (!string.IsNullOrWhiteSpace(request.OrganisationNumber))
                {
                    if (Organisations.OrganisationNumber.TryParse(request.OrganisationNumber, out var parsed) != Organisations.OrganisationNumber.Problem.None)
                    {
                        return (null, $"{request.OrganisationNumber} is not a valid organisation number; nothing was changed.");
                    }
                    number = parsed!.Value.Value;
                }
                municipality = new Municipality { Name = name.Trim(), Kind = request.Region ? MunicipalityKind.Region : MunicipalityKind.Municipality, OrganisationNumber = number };
                db.Municipalities.Add(municipality);
                await db.SaveChangesAsync();
            }
        }
        else if (existing.Count == 1)
        {
            municipality = existing[0];
        }
        else
        {
            return (null, existing.Count == 0
                ? "Name the municipality or region the administrator administers: --municipality \"Malmö stad\"."
                : $"Name which municipality the administrator administers: {string.Join(", ", existing.Select(m => m.Name))}.");
        }
        var user = new AppUser { UserName = request.Email.Trim(), Email = request.Email.Trim(), EmailConfirmed = true, DisplayName = request.Name.Trim(), Role = UserRole.Administrator, MunicipalityId = municipality.Id };
        var created = await users.CreateAsync(user);
        if (!created.Succeeded)
        {
            return (null, string.Join(" ", created.Errors.Select(e => e.Description)));
        }
        return ($"{request.BaseUrl}/Accounts/SetPassword?email={Uri.EscapeDataString(user.Email)}&token={Uri.EscapeDataString(await users.GeneratePasswordResetTokenAsync(user))}", null);
    }
}
