using System.Diagnostics;
using Samverka.Web.Data;

namespace Samverka.Bench;

/// <summary>The benchmark's command line. An explicit class: top-level statements would make a second public Program beside the app's.</summary>
public static class BenchProgram
{
    public static async Task Main(string[] args)
    {
        // dotnet run --project bench/Samverka.Bench -c Release -- [--size S|M|L] [--provider Sqlite|Postgres] [--connection "..."] [--seconds 10] [--seed 42]
        var options = Args.Parse(args);
        var size = DataSize.Parse(options.GetValueOrDefault("size", "S"));
        var provider = options.GetValueOrDefault("provider", "Sqlite");
        var root = Args.RepositoryRoot();
        var connection = options.GetValueOrDefault("connection", $"Data Source={Path.Combine(root, "bench", "data", $"bench-{size.Name}.db")}");
        var seconds = int.Parse(options.GetValueOrDefault("seconds", "10"), System.Globalization.CultureInfo.InvariantCulture);
        var seed = int.Parse(options.GetValueOrDefault("seed", "42"), System.Globalization.CultureInfo.InvariantCulture);
        if (provider.Equals("Sqlite", StringComparison.OrdinalIgnoreCase))
        {
            Directory.CreateDirectory(Path.Combine(root, "bench", "data"));
        }

        Console.WriteLine($"Samverka benchmark: size {size.Name}, {provider}, seed {seed}");
        var services = Bench.Services(provider, connection);
        await services.PrepareDatabaseAsync(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Database:Migrate"] = "true" }).Build());
        Console.WriteLine("Generating data …");
        if (size == DataSize.L && !provider.Equals("Postgres", StringComparison.OrdinalIgnoreCase))
        {
            Console.WriteLine("Size L runs on PostgreSQL only.");
            Environment.Exit(2);
        }
        var generated = await Generator.FillAsync(services, size, seed, Console.WriteLine);
        // A later run reuses the data; the results file still says how long generating it took.
        var note = Path.Combine(root, "bench", "data", $"{provider.ToLowerInvariant()}-{size.Name}.generated");
        if (generated > TimeSpan.Zero)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(note)!);
            await File.WriteAllTextAsync(note, generated.TotalSeconds.ToString("0", System.Globalization.CultureInfo.InvariantCulture));
        }
        else if (File.Exists(note))
        {
            generated = TimeSpan.FromSeconds(double.Parse(await File.ReadAllTextAsync(note), System.Globalization.CultureInfo.InvariantCulture));
        }
        Console.WriteLine($"Generated in {generated:mm\\:ss}.");
        if (options.GetValueOrDefault("generate-only") == "true")
        {
            return;
        }

        var counts = await Harness.CountsAsync(services);
        Console.WriteLine($"Data: {counts}");
        var fulfilment = await Harness.FulfilmentForABoardAsync(services);
        var perBoard = size.Partnerships / size.Boards;
        Console.WriteLine($"Goal fulfilment for a board's {perBoard} partnerships: {fulfilment.TotalMilliseconds:0} ms");

        var dll = options.GetValueOrDefault("app", Path.Combine(root, "src", "Samverka.Web", "bin", "Release", "net10.0", "Samverka.Web.dll"));
        if (!File.Exists(dll))
        {
            Console.WriteLine("Building the app in Release …");
            using var build = Process.Start("dotnet", $"build \"{Path.Combine(root, "src", "Samverka.Web")}\" -c Release -v quiet -nologo");
            await build!.WaitForExitAsync();
        }
        Console.WriteLine("Measuring …");
        var results = await Harness.RunAsync(new HarnessOptions(dll, provider, connection, seconds, 16, Args.FreePort()), Console.WriteLine);
        var report = Harness.Report(provider, size, generated, counts, fulfilment, perBoard, results, seconds);
        var file = Path.Combine(root, "bench", "results", $"{DateTime.UtcNow:yyyy-MM-dd-HHmm}-{provider.ToLowerInvariant()}-{size.Name}.md");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        await File.WriteAllTextAsync(file, report);
        Console.WriteLine();
        Console.WriteLine(report);
        Console.WriteLine($"Written to {file}");

    }
}

internal static class Args
{
    public static Dictionary<string, string> Parse(string[] args)
    {
        var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            result[args[i].TrimStart('-')] = args[i + 1];
        }
        return result;
    }

    public static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Samverka.slnx")))
        {
            dir = dir.Parent;
        }
        return dir?.FullName ?? Directory.GetCurrentDirectory();
    }

    public static int FreePort()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}

