namespace Samverka.Web.Data;

// How a record says which partnership it belongs to. The audit trail files each change under that partnership (its
// history page, and the stamp its cached read views are checked against, ADR 7): a new entity is placed by implementing
// one of these, never by code in the audit trail.

/// <summary>A record that carries the id of the partnership it belongs to.</summary>
public interface IPartnershipScoped
{
    int PartnershipId { get; }
}

/// <summary>A record that belongs to a partnership or to none (a registry document of the board's own).</summary>
public interface IMaybePartnershipScoped
{
    int? PartnershipId { get; }
}

/// <summary>
/// A record that is part of a <typeparamref name="TParent"/> and so belongs to the parent's partnership (a goal of an
/// agreement, a target of a goal). The parent is the one its foreign key to <typeparamref name="TParent"/> names.
/// </summary>
public interface IPartOf<TParent> where TParent : class;
