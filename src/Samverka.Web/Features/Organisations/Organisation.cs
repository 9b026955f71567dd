using Samverka.Web.Data;

namespace Samverka.Web.Features.Organisations;

public enum OrganisationKind
{
    /// <summary>Idéburen organisation: the civil-society party.</summary>
    NonProfit,
    /// <summary>A municipal administration or other public body.</summary>
    PublicBody,
}

public class Organisation : VersionedEntity
{
    public required string Name { get; set; }
    public OrganisationKind Kind { get; set; }

    /// <summary>Normalised "NNNNNN-NNNN"; null when not known.</summary>
    public string? OrganisationNumber { get; set; }
    public string? Address { get; set; }
    public string? ContactName { get; set; }
    public string? ContactEmail { get; set; }

    /// <summary>Beslutandenivå, e.g. "Styrelse" or "Stadsdelsnämnd".</summary>
    public string? DecisionMakingBody { get; set; }

    /// <summary>For a public body: the board it serves.</summary>
    public int? BoardId { get; set; }

    public List<OrganisationFormerName> FormerNames { get; set; } = [];

    /// <summary>Renames the organisation and keeps the old name in its history.</summary>
    public void Rename(string newName, DateOnly? changedOn)
    {
        if (string.Equals(newName.Trim(), Name, StringComparison.Ordinal))
        {
            return;
        }
        FormerNames.Add(new OrganisationFormerName { Name = Name, UsedUntil = changedOn });
        Name = newName.Trim();
    }
}

/// <summary>A name the organisation went by earlier (Spånga Blåbandsförening is now IOGT-NTO Spånga).</summary>
public class OrganisationFormerName
{
    public int Id { get; set; }
    public int OrganisationId { get; set; }
    public required string Name { get; set; }

    /// <summary>Last day the name was used; null when the sources do not say.</summary>
    public DateOnly? UsedUntil { get; set; }
}
