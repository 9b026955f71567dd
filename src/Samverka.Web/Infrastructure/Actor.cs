using System.Security.Claims;

namespace Samverka.Web.Infrastructure;

/// <summary>Who does a step, and when it was recorded.</summary>
public sealed record Actor(string? UserId, string Name, DateTimeOffset At)
{
    /// <summary>The claim that carries the person's display name (set at sign-in).</summary>
    public const string DisplayNameClaim = "samverka:name";

    public static Actor Of(ClaimsPrincipal user, TimeProvider clock) => new(user.FindFirstValue(ClaimTypes.NameIdentifier), NameOf(user), clock.GetUtcNow());

    public static string NameOf(ClaimsPrincipal user) => user.FindFirstValue(DisplayNameClaim) ?? user.Identity?.Name ?? "?";
}
