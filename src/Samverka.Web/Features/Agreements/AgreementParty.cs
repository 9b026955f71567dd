using Samverka.Web.Data;
namespace Samverka.Web.Features.Agreements;

public enum PartyRole { NonProfit, PublicBody }

public class AgreementParty : IPartOf<Agreement>
{
    public int Id { get; set; }
    public int AgreementId { get; set; }
    public int OrganisationId { get; set; }
    public Organisations.Organisation Organisation { get; set; } = null!;
    public PartyRole Role { get; set; }
    public int SortOrder { get; set; }

    /// <summary>As written in the agreement; the organisation's name may change later.</summary>
    public required string OrganisationName { get; set; }
    public string? OrganisationNumber { get; set; }
    public string? Address { get; set; }
    public string? ContactName { get; set; }
    public string? ContactEmail { get; set; }
    public string? DecisionLevel { get; set; }
    public string? SignatoryName { get; set; }
    public string? SignatoryTitle { get; set; }
    public DateOnly? SignedOn { get; set; }

    /// <summary>This party's part of the annual grant, where the agreement divides it between several non-profit parties; null when it does not.</summary>
    public decimal? GrantShare { get; set; }
}
