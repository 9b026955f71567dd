using System.Diagnostics;

namespace Samverka.Tests.Support;

/// <summary>The repository the tests run in, and running the command-line tools the suite checks the app with.</summary>
public static class Tools
{
    public static string RepositoryRoot { get; } = FindRoot();

    public sealed record Result(int ExitCode, string Output, string Errors);

    /// <summary>Runs a program to its end (bounded: a hung tool fails the test instead of the suite).</summary>
    public static async Task<Result> RunAsync(string program, IEnumerable<string> arguments, IDictionary<string, string>? environment = null, int timeoutSeconds = 180)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = RepositoryRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in arguments)
        {
            start.ArgumentList.Add(a);
        }
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(timeoutSeconds));
        var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var errors = process.StandardError.ReadToEndAsync(timeout.Token);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{program} {string.Join(' ', arguments)} did not finish within {timeoutSeconds} s");
        }
        return new Result(process.ExitCode, await output, await errors);
    }

    /// <summary>The dotnet host that runs the tests, so that local tools (.config/dotnet-tools.json) resolve with it.</summary>
    public static string Dotnet => Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";

    /// <summary>A tool the suite needs but cannot install itself: skipped on a developer's machine, a failure under CI (test.sh installs it).</summary>
    public static void Require(bool present, string what)
    {
        if (present)
        {
            return;
        }
        if (Environment.GetEnvironmentVariable("CI") == "true")
        {
            Assert.Fail($"{what} is missing: run the tests through ./test.sh, which installs it.");
        }
        Assert.Skip($"{what} is missing; ./test.sh installs it.");
    }

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Samverka.slnx")))
        {
            dir = dir.Parent;
        }
        return dir?.FullName ?? throw new InvalidOperationException("Samverka.slnx not found above " + AppContext.BaseDirectory);
    }
}
