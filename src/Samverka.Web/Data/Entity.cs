namespace Samverka.Web.Data;

/// <summary>
/// A record people edit. <see cref="Version"/> is the optimistic-concurrency token: the save fails
/// when someone else saved in between, on SQLite and PostgreSQL alike (neither needs rowversion support).
/// </summary>
public abstract class VersionedEntity : Aggregate
{
    public int Id { get; set; }
    public Guid Version { get; set; } = Guid.NewGuid();

    /// <summary>Marks the record as changed, e.g. when only a child collection was edited.</summary>
    public void Touch() => Version = Guid.NewGuid();
}
