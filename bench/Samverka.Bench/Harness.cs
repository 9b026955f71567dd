using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Samverka.Web.Data;
using Samverka.Web.Features.Results;

namespace Samverka.Bench;

public sealed record Measurement(string Name, string Path, double RequestsPerSecond, double P50Ms, double P99Ms, long Errors, double? BaselineRps)
{
    public string Ratio => BaselineRps is > 0 ? $"{RequestsPerSecond / BaselineRps.Value:0.00}×" : "–";
}

public sealed record HarnessOptions(string AppDll, string Provider, string ConnectionString, int Seconds, int Connections, int Port);

/// <summary>
/// Runs the app in Release on 127.0.0.1 pinned to core 0 and wrk pinned to core 1; each page is warmed up, then measured
/// right after the Fortunes baseline (baseline, page, baseline, page…), signed in as the benchmark's coordinator.
/// </summary>
public static partial class Harness
{
    public static async Task<List<Measurement>> RunAsync(HarnessOptions o, Action<string> progress)
    {
        var url = $"http://127.0.0.1:{o.Port}";
        var start = new ProcessStartInfo("taskset", $"-c 0 dotnet \"{o.AppDll}\" --urls {url}")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(o.AppDll)!,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Database__Provider"] = o.Provider;
        start.Environment["ConnectionStrings__Samverka"] = o.ConnectionString;
        start.Environment["Samverka__Benchmark"] = "true";
        start.Environment["Samverka__DemoData"] = "false";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        using var app = Process.Start(start) ?? throw new InvalidOperationException("Could not start the app.");
        app.OutputDataReceived += (_, _) => { };
        app.ErrorDataReceived += (_, _) => { };
        app.BeginOutputReadLine();
        app.BeginErrorReadLine();
        try
        {
            using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() }) { BaseAddress = new Uri(url) };
            await WaitUntilUpAsync(http);
            var cookie = await SignInAsync(http);
            var ids = await IdsAsync(http, cookie);
            var pages = new (string Name, string Path)[]
            {
                ("Portfolio of a board", $"/Partnerships?boardId={ids.Board}"),
                ("Agreement page", $"/Agreements/Details/{ids.Agreement}"),
                ("Goal fulfilment page", $"/Results/Fulfilment/{ids.Agreement}?year=2024"),
                ("Agreement list (API)", "/api/agreements"),
                ("Agreement DOCX", $"/api/agreements/{ids.Agreement}/docx"),
            };
            var results = new List<Measurement>();
            foreach (var (name, path) in pages)
            {
                progress($"  {name}: warming up");
                var warmUp = Math.Min(2, o.Seconds);
                await WrkAsync(url + "/bench/fortunes", null, warmUp, o.Connections);
                await WrkAsync(url + path, cookie, warmUp, o.Connections);
                progress($"  {name}: measuring against the baseline");
                var baseline = await WrkAsync(url + "/bench/fortunes", null, o.Seconds, o.Connections);
                var page = await WrkAsync(url + path, cookie, o.Seconds, o.Connections);
                results.Add(new Measurement(name, path, page.Rps, page.P50, page.P99, page.Errors, baseline.Rps));
                results.Add(new Measurement($"Baseline before {name}", "/bench/fortunes", baseline.Rps, baseline.P50, baseline.P99, baseline.Errors, null));
            }
            return results;
        }
        finally
        {
            app.Kill(entireProcessTree: true);
            await app.WaitForExitAsync();
        }
    }

    /// <summary>Goal fulfilment for every partnership of the first board, computed in-process.</summary>
    public static async Task<TimeSpan> FulfilmentForABoardAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var board = await db.Boards.OrderBy(b => b.Id).Select(b => b.Id).FirstAsync();
        var agreements = db.Agreements.Where(a => a.Partnership.BoardId == board);
        var today = new DateOnly(2025, 6, 1);
        await Fulfilment.ForAgreementsAsync(db, agreements, 2024, today); // warm up
        var clock = Stopwatch.StartNew();
        var views = await Fulfilment.ForAgreementsAsync(db, agreements, 2024, today);
        if (views.Count == 0)
        {
            throw new InvalidOperationException("The board has no agreements.");
        }
        return clock.Elapsed;
    }

    private static async Task WaitUntilUpAsync(HttpClient http)
    {
        for (var i = 0; i < 120; i++)
        {
            try
            {
                if ((await http.GetAsync("/health")).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            await Task.Delay(500);
        }
        throw new TimeoutException("The app did not answer /health within a minute.");
    }

    private static async Task<string> SignInAsync(HttpClient http)
    {
        var page = await http.GetStringAsync("/Accounts/Login");
        var token = WebUtility.HtmlDecode(TokenPattern().Match(page).Groups[1].Value);
        var response = await http.PostAsync("/Accounts/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = Generator.Email, ["Input.Password"] = Generator.Password, ["__RequestVerificationToken"] = token,
        }));
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException("The benchmark user could not sign in.");
        }
        return string.Join("; ", response.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).Where(c => c.StartsWith("samverka=", StringComparison.Ordinal)));
    }

    private static async Task<(int Board, int Agreement)> IdsAsync(HttpClient http, string cookie)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/me");
        request.Headers.Add("Cookie", cookie);
        var me = System.Text.Json.JsonDocument.Parse(await (await http.SendAsync(request)).Content.ReadAsStringAsync()).RootElement;
        var board = me.GetProperty("boardId").GetInt32();
        using var list = new HttpRequestMessage(HttpMethod.Get, "/api/agreements");
        list.Headers.Add("Cookie", cookie);
        var agreements = System.Text.Json.JsonDocument.Parse(await (await http.SendAsync(list)).Content.ReadAsStringAsync()).RootElement;
        return (board, agreements[0].GetProperty("id").GetInt32());
    }

    private sealed record WrkResult(double Rps, double P50, double P99, long Errors);

    private static async Task<WrkResult> WrkAsync(string url, string? cookie, int seconds, int connections)
    {
        var args = $"-c 1 wrk -t1 -c{connections} -d{seconds}s --latency" + (cookie is null ? "" : $" -H \"Cookie: {cookie}\"") + $" \"{url}\"";
        var info = new ProcessStartInfo("taskset", args) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var wrk = Process.Start(info) ?? throw new InvalidOperationException("Could not start wrk.");
        var output = await wrk.StandardOutput.ReadToEndAsync();
        await wrk.WaitForExitAsync();
        double Latency(string percentile)
        {
            var m = Regex.Match(output, $@"^\s+{percentile}%\s+([\d.]+)(us|ms|s)", RegexOptions.Multiline);
            if (!m.Success)
            {
                return double.NaN;
            }
            var v = double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
            return m.Groups[2].Value switch { "us" => v / 1000, "s" => v * 1000, _ => v };
        }
        var rps = Regex.Match(output, @"Requests/sec:\s+([\d.]+)") is { Success: true } r ? double.Parse(r.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
        var non2xx = Regex.Match(output, @"Non-2xx or 3xx responses:\s+(\d+)") is { Success: true } n ? long.Parse(n.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
        var socket = Regex.Matches(output, @"(connect|read|write|timeout) (\d+)").Sum(x => long.Parse(x.Groups[2].Value, CultureInfo.InvariantCulture));
        return new WrkResult(rps, Latency("50"), Latency("99"), non2xx + socket);
    }

    public static string Report(string provider, DataSize size, TimeSpan generated, TimeSpan fulfilment, int partnershipsOfBoard, IReadOnlyList<Measurement> results, int seconds)
    {
        var sb = new StringBuilder();
        sb.AppendLine(CultureInfo.InvariantCulture, $"# Samverka benchmark {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC – {provider}, size {size.Name}");
        sb.AppendLine();
        sb.AppendLine(CultureInfo.InvariantCulture, $"{Environment.ProcessorCount} cores; app pinned to core 0, wrk to core 1; {seconds} s per measurement after warm-up; data generated in {generated:mm\\:ss}.");
        sb.AppendLine();
        sb.AppendLine("| measurement | requests/s | vs baseline | p50 ms | p99 ms | errors |");
        sb.AppendLine("|---|---:|---:|---:|---:|---:|");
        foreach (var m in results)
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"| {m.Name} | {m.RequestsPerSecond:0} | {m.Ratio} | {m.P50Ms:0.0} | {m.P99Ms:0.0} | {m.Errors} |");
        }
        sb.AppendLine();
        sb.AppendLine(CultureInfo.InvariantCulture, $"Goal fulfilment for all {partnershipsOfBoard} partnerships of one board: {fulfilment.TotalMilliseconds:0} ms.");
        return sb.ToString();
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
