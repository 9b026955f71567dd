namespace Samverka.Tests.Support;

/// <summary>Runs a theory once on SQLite and once on PostgreSQL.</summary>
public sealed class BothDatabases : TheoryData<Db>
{
    public BothDatabases()
    {
        Add(Db.Sqlite);
        Add(Db.Postgres);
    }
}
