using System.Data.Common;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Samverka.Web.Data;

namespace Samverka.Web.Features.Benchmark;

/// <summary>TechEmpower's Fortunes table: the baseline the benchmark compares every page with.</summary>
public class Fortune
{
    public int Id { get; set; }
    public required string Message { get; set; }
}

public sealed class FortuneConfiguration : IEntityTypeConfiguration<Fortune>
{
    public void Configure(EntityTypeBuilder<Fortune> b)
    {
        b.ToTable("Fortunes");
        b.Property(f => f.Message).HasMaxLength(2048);
    }
}

/// <summary>
/// The platform's limit on this machine and database: what TechEmpower's Fortunes test does (raw ADO.NET read of a small
/// table, one row added, sorted, HTML-encoded into a page), mapped only when "Samverka:Benchmark" is true.
/// </summary>
public static class FortunesEndpoint
{
    public static void MapFortunes(this WebApplication app)
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
        app.MapGet("/bench/fortunes", async () =>
        {
            await using DbConnection connection = dataSource is not null ? dataSource.CreateConnection() : new Microsoft.Data.Sqlite.SqliteConnection(connectionString);
            await connection.OpenAsync();
            var fortunes = new List<(int Id, string Message)>(16);
            await using (DbCommand command = connection.CreateCommand())
            {
                command.CommandText = "SELECT \"Id\", \"Message\" FROM \"Fortunes\"";
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

    /// <summary>TechEmpower's twelve fortunes, written once by the generator.</summary>
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
