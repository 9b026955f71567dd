using Microsoft.Data.Sqlite;
using Npgsql;

namespace Samverka.Tests.Support;

public enum Db { Sqlite, Postgres }

/// <summary>
/// A fresh database per test, copied from a template that was migrated and loaded with the demo data once per run
/// (hashing the demo passwords and running every migration for each test would take most of the suite's time).
/// SQLite copies a file; PostgreSQL uses CREATE DATABASE … TEMPLATE.
/// </summary>
public static class TestDatabase
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static string? sqliteTemplate;
    private static bool postgresTemplateReady;
    private static readonly string Root = Path.Combine(Path.GetTempPath(), $"samverka-tests-{Environment.ProcessId}");
    private const string PostgresTemplate = "samverka_template";

    public static string? PostgresServer => Environment.GetEnvironmentVariable("SAMVERKA_TEST_POSTGRES");

    /// <summary>PostgreSQL tests skip on a developer machine without the test server; under CI they fail instead.</summary>
    public static void RequireProvider(Db db)
    {
        if (db == Db.Postgres && string.IsNullOrEmpty(PostgresServer))
        {
            if (Environment.GetEnvironmentVariable("CI") == "true")
            {
                Assert.Fail("SAMVERKA_TEST_POSTGRES is not set: run the tests through ./test.sh, which starts PostgreSQL.");
            }
            Assert.Skip("No PostgreSQL test server (SAMVERKA_TEST_POSTGRES); ./test.sh starts one.");
        }
    }

    public static async Task<string> CreateAsync(Db db, bool demoData = true)
    {
        RequireProvider(db);
        return db == Db.Sqlite ? await CreateSqliteAsync(demoData) : await CreatePostgresAsync(demoData);
    }

    public static async Task DropAsync(Db db, string connectionString)
    {
        if (db == Db.Sqlite)
        {
            SqliteConnection.ClearAllPools();
            var file = new SqliteConnectionStringBuilder(connectionString).DataSource;
            foreach (var f in new[] { file, file + "-wal", file + "-shm" })
            {
                File.Delete(f);
            }
            return;
        }
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database!;
        NpgsqlConnection.ClearAllPools();
        await using var conn = new NpgsqlConnection(PostgresServer);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", conn);
        await cmd.ExecuteNonQueryAsync();
    }

    private static async Task<string> CreateSqliteAsync(bool demoData)
    {
        Directory.CreateDirectory(Root);
        var file = Path.Combine(Root, $"{Guid.NewGuid():N}.db");
        if (!demoData)
        {
            return $"Data Source={file}";
        }
        await Gate.WaitAsync();
        try
        {
            if (sqliteTemplate is null)
            {
                var template = Path.Combine(Root, "template.db");
                await PrepareTemplateAsync(Db.Sqlite, $"Data Source={template}");
                SqliteConnection.ClearAllPools();
                sqliteTemplate = template;
            }
        }
        finally
        {
            Gate.Release();
        }
        File.Copy(sqliteTemplate, file);
        return $"Data Source={file}";
    }

    private static async Task<string> CreatePostgresAsync(bool demoData)
    {
        var name = $"t_{Guid.NewGuid():N}";
        if (demoData)
        {
            await Gate.WaitAsync();
            try
            {
                if (!postgresTemplateReady)
                {
                    await ExecuteAsync($"DROP DATABASE IF EXISTS {PostgresTemplate} WITH (FORCE)");
                    await ExecuteAsync($"CREATE DATABASE {PostgresTemplate}");
                    await PrepareTemplateAsync(Db.Postgres, ConnectionTo(PostgresTemplate));
                    NpgsqlConnection.ClearAllPools();
                    postgresTemplateReady = true;
                }
            }
            finally
            {
                Gate.Release();
            }
        }
        await ExecuteAsync(demoData ? $"CREATE DATABASE {name} TEMPLATE {PostgresTemplate}" : $"CREATE DATABASE {name}");
        return ConnectionTo(name);
    }

    private static string ConnectionTo(string database) =>
        new NpgsqlConnectionStringBuilder(PostgresServer) { Database = database }.ConnectionString;

    /// <summary>Runs the real start-up path (migrations, demo data) once against the template.</summary>
    private static async Task PrepareTemplateAsync(Db db, string connectionString)
    {
        await using var app = new SamverkaApp(db, connectionString, demoData: true);
        using var client = app.CreateClient();
        (await client.GetAsync("/health")).EnsureSuccessStatusCode();
    }

    private static async Task ExecuteAsync(string sql)
    {
        await using var conn = new NpgsqlConnection(PostgresServer);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        await cmd.ExecuteNonQueryAsync();
    }
}
