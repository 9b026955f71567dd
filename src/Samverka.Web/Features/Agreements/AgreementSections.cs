using Samverka.Web.Data;
namespace Samverka.Web.Features.Agreements;

public class Invoicing
{
    /// <summary>How often, in words ("en gång per år").</summary>
    public string? Frequency { get; set; }
    public int? InvoicesPerYear { get; set; }
    public DateOnly? LatestInvoiceDate { get; set; }
    public int? PaymentTermsDays { get; set; }
    public string? InvoiceAddress { get; set; }
    public string? InvoiceReference { get; set; }
}

public class TargetGroup
{
    public string? Description { get; set; }
    public int? AgeFrom { get; set; }
    public int? AgeTo { get; set; }
    public string? Area { get; set; }
    public string? Need { get; set; }
}

/// <summary>The standing terms of the agreement, as text.</summary>
public class StandingTerms
{
    public string? FollowUp { get; set; }
    public string? Documentation { get; set; }
    public string? Renegotiation { get; set; }
    public string? Termination { get; set; }
    public string? ForceMajeure { get; set; }
    public string? Confidentiality { get; set; }
    public string? FinalReport { get; set; }
    public string? Signatures { get; set; }
}

/// <summary>A figure that supports the societal challenge, as a footnote in the document.</summary>
public class ChallengeFigure : IPartOf<Agreement>
{
    public int Id { get; set; }
    public int AgreementId { get; set; }
    public int FootnoteNumber { get; set; }
    public required string Text { get; set; }
    public decimal? Value { get; set; }
    public string? Unit { get; set; }
    public int? Year { get; set; }
    public string? Area { get; set; }
    /// <summary>Where the figure comes from; null when the agreement does not say.</summary>
    public string? Source { get; set; }
}

public class CooperatingOrganisation : IPartOf<Agreement>
{
    public int Id { get; set; }
    public int AgreementId { get; set; }
    public required string Name { get; set; }
    public string? Description { get; set; }
}

public enum GroupKind { SteeringGroup, WorkingGroup }

public class GroupMember : IPartOf<Agreement>
{
    public int Id { get; set; }
    public int AgreementId { get; set; }
    public GroupKind Group { get; set; }
    public int SortOrder { get; set; }
    public required string OrganisationName { get; set; }
    public required string Role { get; set; }

    /// <summary>Resource share in full-time equivalents (1,5 resurs = 1.5).</summary>
    public decimal? Fte { get; set; }

    /// <summary>Adjungerad: takes part without a vote.</summary>
    public bool IsAdjunct { get; set; }
    public string? PersonName { get; set; }
}

public class BudgetLine : IPartOf<Agreement>
{
    public int Id { get; set; }
    public int AgreementId { get; set; }
    public int SortOrder { get; set; }
    public required string CostType { get; set; }
    public decimal Amount { get; set; }
}

public class InKindContribution : IPartOf<Agreement>
{
    public int Id { get; set; }
    public int AgreementId { get; set; }
    public required string PartyName { get; set; }
    public required string Description { get; set; }
}

/// <summary>
/// A bilaga: a document that is part of the agreement, registered in the partnership's case (its file, its date and
/// case number live there); the agreement names it and its place in the list.
/// </summary>
public class AgreementAttachment : IPartOf<Agreement>
{
    public int Id { get; set; }
    public int AgreementId { get; set; }
    public int SortOrder { get; set; }
    /// <summary>As the agreement names it: "Bilaga 1 Verksamhetsplan".</summary>
    public required string Title { get; set; }
    public int RegistryDocumentId { get; set; }
    public Registry.RegistryDocument? Document { get; set; }
}
