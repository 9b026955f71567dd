using Microsoft.AspNetCore.Identity;

namespace Samverka.Web.Features.Accounts;

/// <summary>The one role a user has in Samverka; it decides what the user may see and do (see PartnershipAccess).</summary>
public enum UserRole
{
    /// <summary>IOP-koordinator: reads and edits the partnerships of their board.</summary>
    Coordinator,
    /// <summary>Handläggare: reads and edits the partnerships of their board.</summary>
    CaseOfficer,
    /// <summary>Attesting head or director: reads the board's partnerships and attests.</summary>
    AttestingHead,
    /// <summary>Staff of a non-profit: reads and reports in their own organisation's partnerships only.</summary>
    PartnerUser,
    /// <summary>Sits in one or more steering groups: reads those partnerships.</summary>
    SteeringGroupMember,
    /// <summary>Member of a board (nämndledamot): reads decided items of the board.</summary>
    BoardMember,
    /// <summary>A municipality's administrator: sets up its boards, people and settings; sees no partnership's content by that alone.</summary>
    Administrator,
}

public class AppUser : IdentityUser
{
    public required string DisplayName { get; set; }
    public UserRole Role { get; set; }

    /// <summary>For administration roles and board members: the board they work for.</summary>
    public int? BoardId { get; set; }

    /// <summary>For partner users: their organisation.</summary>
    public int? OrganisationId { get; set; }

    /// <summary>For administrators: the municipality they administer.</summary>
    public int? MunicipalityId { get; set; }
}

/// <summary>A personal API token. Only its SHA-256 hash is stored; the token is shown once when created.</summary>
public class ApiToken
{
    public int Id { get; set; }
    public required string UserId { get; set; }
    public required string Name { get; set; }
    public required string TokenHash { get; set; }

    /// <summary>The first characters, to recognise the token in a list.</summary>
    public required string Prefix { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
    public DateTimeOffset? LastUsedAt { get; set; }
}
