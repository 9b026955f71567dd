using Microsoft.EntityFrameworkCore;

namespace Samverka.Web.Data;

public static class DatabasePreparation
{
    /// <summary>
    /// Applies migrations (unless "Database:Migrate" is false, e.g. when a deploy step migrates before several instances start)
    /// and loads the demo data when "Samverka:DemoData" is true and the database has none yet.
    /// </summary>
    public static async Task PrepareDatabaseAsync(this IServiceProvider services, IConfiguration configuration)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        if (configuration.GetValue("Database:Migrate", true))
        {
            await db.Database.MigrateAsync();
        }
        if (configuration.GetValue("Samverka:DemoData", false))
        {
            await DemoData.SeedAsync(scope.ServiceProvider);
        }
    }
}
