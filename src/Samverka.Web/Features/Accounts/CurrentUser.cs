using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Samverka.Web.Features.Accounts;

public static class SamverkaClaims
{
    public const string Role = "samverka:role";
    public const string Board = "samverka:board";
    public const string Organisation = "samverka:org";
    public const string Municipality = "samverka:municipality";
    public const string DisplayName = Actor.DisplayNameClaim;

    public static string? UserId(this ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier);

    public static UserRole? SamverkaRole(this ClaimsPrincipal user) =>
        Enum.TryParse<UserRole>(user.FindFirstValue(Role), out var r) ? r : null;

    public static int? BoardId(this ClaimsPrincipal user) => int.TryParse(user.FindFirstValue(Board), out var v) ? v : null;

    public static int? OrganisationId(this ClaimsPrincipal user) => int.TryParse(user.FindFirstValue(Organisation), out var v) ? v : null;

    public static int? MunicipalityId(this ClaimsPrincipal user) => int.TryParse(user.FindFirstValue(Municipality), out var v) ? v : null;

    public static string DisplayNameOf(this ClaimsPrincipal user) => Actor.NameOf(user);

    public static bool IsAdministration(this ClaimsPrincipal user) => user.SamverkaRole() is UserRole.Coordinator or UserRole.CaseOfficer;

    /// <summary>
    /// Names and e-mail addresses of the people in a partnership (contact persons, group members) are for those who
    /// work in it; the board (and later the public) sees the organisations, not the people, until a rule says otherwise.
    /// </summary>
    public static bool SeesPersonalData(this ClaimsPrincipal user) => user.SamverkaRole() is not (UserRole.BoardMember or null);
}

/// <summary>Puts the role, board and organisation in the sign-in cookie (and the token principal), so checks need no extra query.</summary>
public sealed class SamverkaClaimsFactory(UserManager<AppUser> users, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<AppUser>(users, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var id = await base.GenerateClaimsAsync(user);
        id.AddClaim(new Claim(SamverkaClaims.Role, user.Role.ToString()));
        id.AddClaim(new Claim(SamverkaClaims.DisplayName, user.DisplayName));
        if (user.BoardId is { } b)
        {
            id.AddClaim(new Claim(SamverkaClaims.Board, b.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }
        if (user.OrganisationId is { } o)
        {
            id.AddClaim(new Claim(SamverkaClaims.Organisation, o.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }
        if (user.MunicipalityId is { } m)
        {
            id.AddClaim(new Claim(SamverkaClaims.Municipality, m.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }
        return id;
    }
}
