using Samverka.Web.Data;
using Samverka.Web.Features.Agreements;
using Samverka.Web.Features.Boards;
using Samverka.Web.Features.Organisations;

namespace Samverka.Web.Features.Partnerships;

/// <summary>An IOP between one board and one non-profit, run through one or more consecutive agreements.</summary>
public class Partnership : VersionedEntity, IPartnershipScoped
{
    public required string Name { get; set; }
    public int BoardId { get; set; }
    public Board Board { get; set; } = null!;
    public int OrganisationId { get; set; }
    public Organisation Organisation { get; set; } = null!;

    /// <summary>Diarienummer of the partnership's case, e.g. "JÄRVA 2023/549".</summary>
    public string? CaseNumber { get; set; }
    public string? Description { get; set; }

    public List<Agreement> Agreements { get; set; } = [];
    public List<PartnershipMember> Members { get; set; } = [];

    /// <summary>A partnership is its own scope.</summary>
    int IPartnershipScoped.PartnershipId => Id;
}

/// <summary>A user who sits in the partnership's steering group and therefore may read it.</summary>
public class PartnershipMember : IPartnershipScoped
{
    public int PartnershipId { get; set; }
    public required string UserId { get; set; }
    public bool IsAdjunct { get; set; }
}
