using Samverka.Web.Data;
using Samverka.Web.Features;
using Samverka.Web.Infrastructure;

namespace Samverka.Bench;

/// <summary>The app's own data setup, without its web host.</summary>
public static class Bench
{
    public static IServiceProvider Services(string provider, string connection)
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = provider,
            ["ConnectionStrings:Samverka"] = connection,
        }).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(config);
        services.AddLogging();
        services.AddSingleton(TimeProvider.System);
        services.AddData(config, new BenchEnvironment());
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
