using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;
using Samverka.Web.Data;

namespace Samverka.Web.Features.Audit;

/// <summary>
/// The partnership a changed record belongs to, as the record declares it (<see cref="IPartnershipScoped"/>,
/// <see cref="IMaybePartnershipScoped"/>, <see cref="IPartOf{TParent}"/>): its own partnership id, or its parent's,
/// up the chain of declared parents. A parent is taken from the change tracker when it is tracked (it may be removed in
/// the same save), otherwise read from the database, once per parent for one save. Null for the registers.
/// </summary>
internal sealed class PartnershipLocator(AppDbContext db)
{
    private static readonly MethodInfo ColumnMethod = typeof(PartnershipLocator).GetMethod(nameof(ColumnAsync), BindingFlags.NonPublic | BindingFlags.Static)!;

    private readonly Dictionary<(IEntityType Type, int Key), int?> stored = [];
    private Dictionary<(IEntityType Type, int Key), EntityEntry>? tracked;

    /// <param name="entry">The changed record.</param>
    /// <param name="original">The values the record had before this save: where a removed or moved record was.</param>
    public async Task<int?> OfAsync(EntityEntry entry, bool original)
    {
        if (entry.Entity is IPartnershipScoped or IMaybePartnershipScoped)
        {
            return entry.Metadata.FindProperty(nameof(IPartnershipScoped.PartnershipId)) is { } property
                ? ValueOf(entry, property, original) as int?
                : (entry.Entity as IPartnershipScoped)?.PartnershipId; // the partnership itself: its id is the scope
        }
        return ParentKey(entry.Metadata) is { } fk && ValueOf(entry, fk.Properties[0], original) is int parentId
            ? await OfParentAsync(fk.PrincipalEntityType, parentId, original)
            : null;
    }

    private async Task<int?> OfParentAsync(IEntityType type, int id, bool original)
    {
        tracked ??= TrackedByKey();
        if (tracked.TryGetValue((type, id), out var parent))
        {
            return await OfAsync(parent, original && parent.State != EntityState.Added);
        }
        if (stored.TryGetValue((type, id), out var known))
        {
            return known;
        }
        int? found;
        if (typeof(IPartnershipScoped).IsAssignableFrom(type.ClrType) || typeof(IMaybePartnershipScoped).IsAssignableFrom(type.ClrType))
        {
            found = type.FindProperty(nameof(IPartnershipScoped.PartnershipId)) is null
                ? id // the partnership itself
                : await ColumnOfRowAsync(type, id, nameof(IPartnershipScoped.PartnershipId));
        }
        else if (ParentKey(type) is { } fk)
        {
            found = await ColumnOfRowAsync(type, id, fk.Properties[0].Name) is { } grandparentId
                ? await OfParentAsync(fk.PrincipalEntityType, grandparentId, original)
                : null;
        }
        else
        {
            found = null;
        }
        stored[(type, id)] = found;
        return found;
    }

    /// <summary>Every tracked record with a one-column int key, removed ones included (a DbSet's Local view leaves those out).</summary>
    private Dictionary<(IEntityType Type, int Key), EntityEntry> TrackedByKey()
    {
        var byKey = new Dictionary<(IEntityType Type, int Key), EntityEntry>();
        foreach (var e in db.ChangeTracker.Entries())
        {
            if (e.Metadata.FindPrimaryKey() is { Properties: [var key] } && e.Property(key.Name).CurrentValue is int id)
            {
                byKey[(e.Metadata, id)] = e;
            }
        }
        return byKey;
    }

    /// <summary>The foreign key to the parent that the type declares with <see cref="IPartOf{TParent}"/>; null when it declares none.</summary>
    private static IForeignKey? ParentKey(IEntityType type)
    {
        var declared = type.ClrType.GetInterfaces().SingleOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IPartOf<>));
        if (declared is null)
        {
            return null;
        }
        var parent = declared.GetGenericArguments()[0];
        var keys = type.GetForeignKeys().Where(fk => fk.PrincipalEntityType.ClrType == parent).ToList();
        // Every key in Samverka is one int column; that keeps the lookups below plain.
        if (keys is not [{ Properties: [var column] } fk] || !fk.PrincipalKey.IsPrimaryKey() || (Nullable.GetUnderlyingType(column.ClrType) ?? column.ClrType) != typeof(int))
        {
            throw new InvalidOperationException($"{type.ClrType.Name} is part of {parent.Name}: it needs exactly one foreign key to its primary key, one int column (it has {keys.Count} foreign keys to it).");
        }
        return fk;
    }

    private static object? ValueOf(EntityEntry entry, IProperty property, bool original) =>
        original ? entry.Property(property.Name).OriginalValue : entry.Property(property.Name).CurrentValue;

    private Task<int?> ColumnOfRowAsync(IEntityType type, int id, string column) =>
        (Task<int?>)ColumnMethod.MakeGenericMethod(type.ClrType).Invoke(null, [db, type.FindPrimaryKey()!.Properties[0].Name, id, column])!;

    /// <summary>One int column of one row by its key, untracked (generic because a query needs the entity's type).</summary>
    private static Task<int?> ColumnAsync<TEntity>(AppDbContext db, string keyName, int id, string column) where TEntity : class =>
        db.Set<TEntity>().AsNoTracking().Where(e => EF.Property<int>(e, keyName) == id).Select(e => EF.Property<int?>(e, column)).FirstOrDefaultAsync();
}
