using System.Data.Common;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.EntityFrameworkCore;
using Samverka.Web.Data;

namespace Samverka.Web.Features.Benchmark;

/// <summary>
/// The platform's limit on this machine and database: what TechEmpower's Fortunes test does (raw ADO.NET read of a small
/// table, one row added, sorted, HTML-encoded into a page), mapped only when "Samverka:Benchmark" is true. The table is
/// the benchmark's own, not part of the app's model or migrations: created and filled here, on the app's database, when
/// the benchmark asks for the endpoint.
/// </summary>
public static class FortunesEndpoint
{
    public const string Table = "BenchmarkFortunes";

    public static async Task MapFortunesAsync(this WebApplication app)
    {
        if (!app.Configuration.GetValue("Samverka:Benchmark", false))
        {
            return;
        }
        // Its own connection from the provider's pool, not a DbContext's: the baseline is what the platform can do at all.
        var provider = app.Configuration.GetValue("Database:Provider", DatabaseProvider.Sqlite);
        string connectionString;
        using (var scope = app.Services.CreateScope())
        {
            connectionString = scope.ServiceProvider.GetRequiredService<AppDbContext>().Database.GetConnectionString()!;
        }
        var dataSource = provider == DatabaseProvider.Postgres ? Npgsql.NpgsqlDataSource.Create(connectionString) : null;
        DbConnection Connect() => dataSource is not null ? dataSource.CreateConnection() : new Microsoft.Data.Sqlite.SqliteConnection(connectionString);
        await using (var connection = Connect())
        {
            await CreateTableAsync(connection, provider);
        }
        app.MapGet("/bench/fortunes", async () =>
        {
            await using var connection = Connect();
            await connection.OpenAsync();
            var fortunes = new List<(int Id, string Message)>(16);
            await using (DbCommand command = connection.CreateCommand())
            {
                command.CommandText = $"SELECT \"Id\", \"Message\" FROM \"{Table}\"";
                await using var reader = await command.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                {
                    fortunes.Add((reader.GetInt32(0), reader.GetString(1)));
                }
            }
            fortunes.Add((0, "Additional fortune added at request time."));
            fortunes.Sort((a, b) => string.CompareOrdinal(a.Message, b.Message));
            var html = new StringBuilder("<!DOCTYPE html><html><head><title>Fortunes</title></head><body><table><tr><th>id</th><th>message</th></tr>");
            foreach (var (id, message) in fortunes)
            {
                html.Append("<tr><td>").Append(id).Append("</td><td>").Append(HtmlEncoder.Default.Encode(message)).Append("</td></tr>");
            }
            html.Append("</table></body></html>");
            return TypedResults.Content(html.ToString(), "text/html; charset=utf-8");
        }).AllowAnonymous().ExcludeFromDescription();
    }

    /// <summary>Creates the table when missing and adds the fortunes it lacks: safe to run at every start.</summary>
    private static async Task CreateTableAsync(DbConnection connection, DatabaseProvider provider)
    {
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = provider == DatabaseProvider.Postgres
            ? $"CREATE TABLE IF NOT EXISTS \"{Table}\" (\"Id\" integer NOT NULL PRIMARY KEY, \"Message\" varchar(2048) NOT NULL)"
            : $"CREATE TABLE IF NOT EXISTS \"{Table}\" (\"Id\" INTEGER NOT NULL PRIMARY KEY, \"Message\" TEXT NOT NULL)";
        await command.ExecuteNonQueryAsync();
        command.CommandText = $"INSERT INTO \"{Table}\" (\"Id\", \"Message\") VALUES (@id, @message) ON CONFLICT (\"Id\") DO NOTHING";
        var id = command.CreateParameter();
        id.ParameterName = "id";
        var message = command.CreateParameter();
        message.ParameterName = "message";
        command.Parameters.Add(id);
        command.Parameters.Add(message);
        for (var i = 0; i < Messages.Length; i++)
        {
            id.Value = i + 1;
            message.Value = Messages[i];
            await command.ExecuteNonQueryAsync();
        }
    }

    /// <summary>TechEmpower's twelve fortunes.</summary>
    public static readonly string[] Messages =
    [
        "fortune: No such file or directory", "A computer scientist is someone who fixes things that aren't broken.",
        "After enough decimal places, nobody gives a damn.", "A bad random number generator: 1, 1, 1, 1, 1, 4.33e+67, 1, 1, 1",
        "A computer program does what you tell it to do, not what you want it to do.", "Emacs is a nice operating system, but I prefer UNIX. — Tom Christaensen",
        "Any program that runs right is obsolete.", "A list is only as strong as its weakest link. — Donald Knuth", "Feature: A bug with seniority.",
        "Computers make very fast, very accurate mistakes.", "<script>alert(\"This should not be displayed in a browser alert box.\");</script>",
        "フレームワークのベンチマーク",
    ];
}
