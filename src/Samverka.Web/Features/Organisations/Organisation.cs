using Samverka.Web.Data;

namespace Samverka.Web.Features.Organisations;

public enum OrganisationKind
{
    /// <summary>Idéburen organisation: the civil-society party.</summary>
    NonProfit,
    /// <summary>A municipal administration or other public body.</summary>
    PublicBody,
}

/// <summary>
/// Juridisk form of a non-profit party: what the state-aid assessment looks at (an economic association or a company may
/// be an undertaking; a non-profit association usually is not). Null when not known.
/// </summary>
public enum LegalForm
{
    /// <summary>Ideell förening.</summary>
    NonProfitAssociation,
    /// <summary>Ekonomisk förening.</summary>
    EconomicAssociation,
    /// <summary>Stiftelse.</summary>
    Foundation,
    /// <summary>Registrerat trossamfund.</summary>
    RegisteredReligiousCommunity,
    /// <summary>Aktiebolag med särskild vinstutdelningsbegränsning (SVB).</summary>
    RestrictedProfitCompany,
    /// <summary>Another form the register does not list.</summary>
    Other,
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

    /// <summary>For a non-profit: its legal form, when known.</summary>
    public LegalForm? LegalForm { get; set; }

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
public static class LegalForms
{
    /// <summary>The form's name (an English key; Swedish in sv.json).</summary>
    public static string Name(LegalForm form) => form switch
    {
        LegalForm.NonProfitAssociation => "Non-profit association",
        LegalForm.EconomicAssociation => "Economic association",
        LegalForm.Foundation => "Foundation",
        LegalForm.RegisteredReligiousCommunity => "Registered religious community",
        LegalForm.RestrictedProfitCompany => "Limited company with restricted profit distribution",
        _ => "Other legal form",
    };
}

public class OrganisationFormerName
{
    public int Id { get; set; }
    public int OrganisationId { get; set; }
    public required string Name { get; set; }

    /// <summary>Last day the name was used; null when the sources do not say.</summary>
    public DateOnly? UsedUntil { get; set; }
}
