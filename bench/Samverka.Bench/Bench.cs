using Samverka.Web.Data;
using Samverka.Web.Features;
using Samverka.Web.Infrastructure;

namespace Samverka.Bench;

/// <summary>The app's own data setup, without its web host.</summary>
public static class Bench
{
    /// <summary>
    /// The generated data is synthetic, so its audit key may be public: the generator and the measured app must share
    /// one to keep the chain it writes verifiable.
    /// </summary>
    public const string AuditKey = "YmVuY2htYXJrLWF1ZGl0LWtleS1ub3QtYS1zZWNyZXQtMDAwMDA=";

    public static IServiceProvider Services(string provider, string connection)
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = provider,
            ["ConnectionStrings:Samverka"] = connection,
            ["Samverka:Audit:Key"] = AuditKey,
        }).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(config);
        services.AddLogging();
        services.AddSingleton(TimeProvider.System);
        var environment = new BenchEnvironment();
        services.AddSingleton<IHostEnvironment>(environment);
        services.AddData(config, environment);
        services.AddSharedState();
        services.AddFeatures();
        return services.BuildServiceProvider();
    }

    private sealed class BenchEnvironment : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Production";
        public string ApplicationName { get; set; } = "Samverka.Bench";
        public string ContentRootPath { get; set; } = Directory.GetCurrentDirectory();
        public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } = new Microsoft.Extensions.FileProviders.NullFileProvider();
    }
}
