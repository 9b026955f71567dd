using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using Samverka.Web.Data;

namespace Samverka.Tests.Support;

/// <summary>The real app on a given database; <see cref="StartAsync"/> gives each test a fresh copy of the demo database.</summary>
public sealed class SamverkaApp(Db db, string connectionString, bool demoData = false, DateTimeOffset? now = null) : WebApplicationFactory<Program>
{
    public Db Db { get; } = db;
    public string ConnectionString { get; } = connectionString;
    private bool ownsDatabase;

    /// <summary>The app's clock when the test pinned it ("now"); a test may move it.</summary>
    public FakeTimeProvider? Clock { get; } = now is { } start ? new FakeTimeProvider(start.ToUniversalTime()) : null;

    /// <summary>The audit chain's key in tests (a real one comes from outside the database and the repository).</summary>
    public const string TestAuditKey = "dGVzdC1hdWRpdC1rZXktdGhhdC1pcy1ub3QtYS1zZWNyZXQtMTIzNDU2Nzg=";

    /// <summary>Attached files go to a folder of the test's own, removed with it.</summary>
    public string FileStorePath { get; } = Path.Combine(Path.GetTempPath(), $"samverka-files-{Guid.NewGuid():N}");

    /// <summary>Services a test adds or replaces (e.g. an event handler that fails), after the app's own.</summary>
    public Action<IServiceCollection>? ExtraServices { get; init; }

    /// <summary>Settings a test gives the app (e.g. how often the outbox is drained).</summary>
    public Dictionary<string, string> Settings { get; init; } = [];

    /// <summary>A fresh migrated database with the demo data, and the app on it. "now" pins the clock (e.g. to 2024 when the seed agreement ran).</summary>
    public static async Task<SamverkaApp> StartAsync(Db db, DateTimeOffset? now = null, bool demoData = true, Action<IServiceCollection>? services = null, Dictionary<string, string>? settings = null)
    {
        var cs = await TestDatabase.CreateAsync(db, demoData);
        return new SamverkaApp(db, cs, demoData: false, now) { ownsDatabase = true, ExtraServices = services, Settings = settings ?? [] };
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", Db.ToString());
        builder.UseSetting("ConnectionStrings:Samverka", ConnectionString);
        builder.UseSetting("Samverka:DemoData", demoData ? "true" : "false");
        builder.UseSetting("Samverka:FileStore:Path", FileStorePath);
        builder.UseSetting("Samverka:Audit:Key", TestAuditKey);
        builder.UseStaticWebAssets();
        // Quiet enough that a failure stands out: the in-memory server cannot apply body limits (Kestrel does), and
        // tests pick "any first row" on purpose.
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore.Routing.EndpointRoutingMiddleware", "Error");
        builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore.Mvc.Filters.RequestSizeLimitFilter", "Error");
        builder.UseSetting("Logging:LogLevel:Microsoft.EntityFrameworkCore.Query", "Error");
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
        if (ExtraServices is { } extra)
        {
            builder.ConfigureTestServices(extra);
        }
        if (Clock is { } clock)
        {
            builder.ConfigureServices(s => s.Replace(ServiceDescriptor.Singleton<TimeProvider>(clock)));
        }
    }

    /// <summary>
    /// Serves the app over a real socket on a free port (Kestrel, with its body limits and connection handling, which
    /// the in-memory server lacks); the clients this factory creates then talk to it. Returns the base address.
    /// </summary>
    public bool OverKestrel { get; private set; }

    public string ServeOverKestrel()
    {
        UseKestrel(0);
        StartServer();
        var address = Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>().Features
            .Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()!.Addresses.First()
            .Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("localhost", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/');
        ClientOptions.BaseAddress = new Uri(address);
        OverKestrel = true;
        return address;
    }

    /// <summary>A database context on the test's database, for arranging and checking state directly.</summary>
    public async Task WithDbAsync(Func<AppDbContext, Task> work)
    {
        await using var scope = Services.CreateAsyncScope();
        await work(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    public async Task<T> WithDbAsync<T>(Func<AppDbContext, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    /// <summary>
    /// Back to mid-2024, before Folkets Husby's yearly report (seed 003) existed: that report covers all of 2024 for
    /// every target, and report periods for a target do not overlap, so a test recording 2024 figures starts here.
    /// </summary>
    public Task WithoutTheYearlyReport2024Async() => WithDbAsync(async db =>
    {
        var reports = await db.ResultReports.Where(r => r.Agreement.Title == "Överenskommelse Folkets Husby" && r.PeriodStart.Year == 2024).ToListAsync();
        db.ResultReports.RemoveRange(reports);
        await db.SaveChangesAsync();
    });

    /// <summary>A partner user of another organisation than the demo's (e.g. the second association of a partnership), signed in by an API token.</summary>
    public async Task<HttpClient> PartnerApiClientAsync(int organisationId)
    {
        var token = $"svk_test_{Guid.NewGuid():N}";
        await using (var scope = Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Samverka.Web.Features.Accounts.AppUser>>();
            var email = $"partner-{organisationId}-{Guid.NewGuid():N}@example.org";
            var user = new Samverka.Web.Features.Accounts.AppUser
            {
                UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Partner " + organisationId,
                Role = Samverka.Web.Features.Accounts.UserRole.PartnerUser, OrganisationId = organisationId,
            };
            Assert.True((await users.CreateAsync(user, DemoData.Password)).Succeeded);
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            db.ApiTokens.Add(Samverka.Web.Features.Accounts.ApiTokens.Create(user.Id, "Test", token, DateTimeOffset.UtcNow));
            await db.SaveChangesAsync();
        }
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (Directory.Exists(FileStorePath))
        {
            Directory.Delete(FileStorePath, recursive: true);
        }
        if (ownsDatabase)
        {
            await TestDatabase.DropAsync(Db, ConnectionString);
        }
    }
}
