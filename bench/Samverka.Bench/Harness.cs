using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Samverka.Web.Data;
using Samverka.Web.Features.Results;

namespace Samverka.Bench;

/// <summary>One page: its maximum rate, and its latency when paced at 80 % of that rate (the load a page should stand).</summary>
public sealed record Measurement(string Name, string Path, double RequestsPerSecond, double P50Ms, double P99Ms, long Errors, double? BaselineRps,
    double? PacedRps = null, double? PacedP99Ms = null, long PacedErrors = 0, bool IsReference = false)
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
        start.Environment["Samverka__Audit__Key"] = Bench.AuditKey;
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
            var pages = new (string Name, string Path, bool Reference)[]
            {
                ("Portfolio of a board", $"/Partnerships?boardId={ids.Board}", false),
                ("Agreement page", $"/Agreements/Details/{ids.Agreement}", false),
                ("Goal fulfilment page", $"/Results/Fulfilment/{ids.Agreement}?year=2024", false),
                ("Agreement list (API)", "/api/agreements", false),
                ("Agreement DOCX", $"/api/agreements/{ids.Agreement}/docx", false),
                // Not targets: what a page costs before it does anything of its own.
                ("Reference: signed-in page, layout only", "/Accounts/Denied", true),
                ("Reference: one query by key (API)", "/api/me", true),
            };
            // Everything is warmed up once before anything is measured, so the first page is not measured while the JIT
            // is still compiling; each measurement then has a short warm-up of its own.
            var warmUp = Math.Max(1, o.Seconds / 2);
            progress("  warming up every page");
            await WrkAsync(url + "/bench/fortunes", null, warmUp, o.Connections);
            foreach (var (_, path, _) in pages)
            {
                await WrkAsync(url + path, cookie, warmUp, o.Connections);
            }
            var results = new List<Measurement>();
            foreach (var (name, path, reference) in pages)
            {
                progress($"  {name}: measuring against the baseline");
                await WrkAsync(url + "/bench/fortunes", null, 1, o.Connections);
                var baseline = await WrkAsync(url + "/bench/fortunes", null, o.Seconds, o.Connections);
                await WrkAsync(url + path, cookie, 1, o.Connections);
                var page = await WrkAsync(url + path, cookie, o.Seconds, o.Connections);
                progress($"  {name}: {page.Rps:0} req/s (baseline {baseline.Rps:0}); now paced at 80 %");
                var paced = await PacedAsync(url + path, cookie, o.Seconds, o.Connections, 0.8 * page.Rps);
                results.Add(new Measurement(name, path, page.Rps, page.P50, page.P99, page.Errors, baseline.Rps, paced.Rps, paced.P99, paced.Errors, reference));
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

    /// <summary>Goal fulfilment for every partnership of the first board, computed in-process: the median of ten runs.</summary>
    public static async Task<TimeSpan> FulfilmentForABoardAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var board = await db.Boards.OrderBy(b => b.Id).Select(b => b.Id).FirstAsync();
        var agreements = db.Agreements.Where(a => a.Partnership.BoardId == board);
        var today = new DateOnly(2025, 6, 1);
        // Three runs to warm up (JIT, query cache), then the median of ten, as a user asking twice would see it.
        var times = new List<TimeSpan>();
        for (var run = 0; run < 13; run++)
        {
            var clock = Stopwatch.StartNew();
            var views = await Fulfilment.ForAgreementsAsync(db, agreements, 2024, today, GoalFulfilment.DefaultPartlyMetFromPercent);
            if (views.Count == 0)
            {
                throw new InvalidOperationException("The board has no agreements.");
            }
            if (run >= 3)
            {
                times.Add(clock.Elapsed);
            }
        }
        return times.Order().ElementAt(times.Count / 2);
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
            ["Input.Email"] = Generator.Email,
            ["Input.Password"] = Generator.Password,
            ["__RequestVerificationToken"] = token,
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

    /// <summary>
    /// Debian has wrk, not wrk2, so the pace comes from a script: each connection waits between requests so that all of
    /// them together send the target rate. The wait is corrected once by the latency of a first paced run, and drawn
    /// at random around its mean so the connections do not fall into step.
    /// </summary>
    private static async Task<WrkResult> PacedAsync(string url, string? cookie, int seconds, int connections, double rate)
    {
        var wait = 1000.0 * connections / rate;
        var first = await WrkAsync(url, cookie, Math.Max(2, seconds / 2), connections, wait);
        var latency = double.IsNaN(first.P50) ? 0 : first.P50;
        return await WrkAsync(url, cookie, seconds, connections, Math.Max(0.1, wait - latency));
    }

    private static async Task<WrkResult> WrkAsync(string url, string? cookie, int seconds, int connections, double? waitMs = null)
    {
        string? script = null;
        if (waitMs is { } w)
        {
            script = Path.Combine(Path.GetTempPath(), $"samverka-pace-{Guid.NewGuid():N}.lua");
            await File.WriteAllTextAsync(script, string.Create(CultureInfo.InvariantCulture,
                $"math.randomseed(42)\nfunction delay()\n  return {w:0.###} * (0.5 + math.random())\nend\n"));
        }
        var args = $"-c 1 wrk -t1 -c{connections} -d{seconds}s --latency" + (cookie is null ? "" : $" -H \"Cookie: {cookie}\"")
            + (script is null ? "" : $" -s \"{script}\"") + $" \"{url}\"";
        var info = new ProcessStartInfo("taskset", args) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var wrk = Process.Start(info) ?? throw new InvalidOperationException("Could not start wrk.");
        var output = await wrk.StandardOutput.ReadToEndAsync();
        await wrk.WaitForExitAsync();
        if (script is not null)
        {
            File.Delete(script);
        }
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

    /// <summary>What the database holds, for the results file.</summary>
    public static async Task<string> CountsAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var (boards, partnerships, agreements) = (await db.Boards.CountAsync(), await db.Partnerships.CountAsync(), await db.Agreements.CountAsync());
        var (targets, figures, meetings, audit) = (await db.ExpectedResults.CountAsync(), await db.Figures.CountAsync(), await db.Meetings.CountAsync(), await db.AuditEntries.CountAsync());
        return string.Create(CultureInfo.InvariantCulture,
            $"{boards:N0} boards, {partnerships:N0} partnerships, {agreements:N0} agreements, {targets:N0} targets, {figures:N0} figures, {meetings:N0} meetings, {audit:N0} audit entries");
    }

    public static string Report(string provider, DataSize size, TimeSpan generated, string counts, TimeSpan fulfilment, int partnershipsOfBoard, IReadOnlyList<Measurement> results, int seconds)
    {
        var sb = new StringBuilder();
        sb.AppendLine(CultureInfo.InvariantCulture, $"# Samverka benchmark {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC – {provider}, size {size.Name}");
        sb.AppendLine();
        sb.AppendLine(CultureInfo.InvariantCulture, $"{Environment.ProcessorCount} cores; app pinned to core 0, wrk to core 1; {seconds} s per measurement after warm-up.");
        sb.AppendLine();
        sb.AppendLine(CultureInfo.InvariantCulture, $"Data: {counts}; generated in {generated:mm\\:ss}.");
        sb.AppendLine();
        sb.AppendLine("| measurement | requests/s (max) | vs baseline | p50 ms | p99 ms | errors | requests/s at 80 % | p99 ms at 80 % | errors at 80 % |");
        sb.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var m in results)
        {
            var paced = m.PacedRps is { } r ? string.Create(CultureInfo.InvariantCulture, $"{r:0} | {m.PacedP99Ms:0.0} | {m.PacedErrors}") : "– | – | –";
            sb.AppendLine(CultureInfo.InvariantCulture, $"| {m.Name} | {m.RequestsPerSecond:0} | {m.Ratio} | {m.P50Ms:0.0} | {m.P99Ms:0.0} | {m.Errors} | {paced} |");
        }
        sb.AppendLine();
        sb.AppendLine(CultureInfo.InvariantCulture, $"Goal fulfilment for all {partnershipsOfBoard} partnerships of one board: {fulfilment.TotalMilliseconds:0} ms (median of ten runs after three to warm up).");
        sb.AppendLine();
        sb.AppendLine("## Targets");
        sb.AppendLine();
        foreach (var (target, met) in Targets(results, fulfilment))
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"- {(met ? "met" : "**not met**")}: {target}");
        }
        var layout = results.FirstOrDefault(m => m.IsReference && m.Path == "/Accounts/Denied");
        var oneQuery = results.FirstOrDefault(m => m.IsReference && m.Path == "/api/me");
        if (layout is not null && oneQuery is not null)
        {
            var pages = results.Where(m => m.BaselineRps is not null && !m.IsReference).ToList();
            sb.AppendLine();
            sb.AppendLine("## What limits the 0.5× target");
            sb.AppendLine();
            var low = pages.Min(m => m.RequestsPerSecond / oneQuery.RequestsPerSecond);
            var high = pages.Max(m => m.RequestsPerSecond / oneQuery.RequestsPerSecond);
            sb.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"A signed-in page that renders only the layout runs at {layout.Ratio} of the baseline, and an API call that reads one row by key through EF Core at {oneQuery.Ratio}. "));
            sb.AppendLine("The baseline is raw ADO.NET without sign-in, antiforgery or Razor; every measured page signs in and runs at least one EF Core query, pages render the layout too, ");
            sb.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"so a page cannot be faster than these references. Measured against the one-query reference, the pages run at {low:0.00}–{high:0.00}× of it."));
        }
        return sb.ToString();
    }

    /// <summary>The issue's targets, each with whether this run met it.</summary>
    public static IEnumerable<(string Target, bool Met)> Targets(IReadOnlyList<Measurement> results, TimeSpan fulfilment)
    {
        var pages = results.Where(m => m.BaselineRps is not null && !m.IsReference).ToList();
        foreach (var m in pages)
        {
            var ratio = m.RequestsPerSecond / m.BaselineRps!.Value;
            yield return (string.Create(CultureInfo.InvariantCulture, $"{m.Name} at least 0.5× the baseline ({ratio:0.00}×)"), ratio >= 0.5);
            var limit = m.Path.EndsWith("/docx", StringComparison.Ordinal) ? 300 : 50;
            yield return (string.Create(CultureInfo.InvariantCulture, $"{m.Name} p99 at most {limit} ms at 80 % of its maximum rate ({m.PacedP99Ms:0.0} ms at {m.PacedRps:0} req/s)"), m.PacedP99Ms <= limit);
        }
        yield return (string.Create(CultureInfo.InvariantCulture, $"goal fulfilment for a whole board under 100 ms ({fulfilment.TotalMilliseconds:0} ms)"), fulfilment.TotalMilliseconds < 100);
        var errors = results.Sum(m => m.Errors + m.PacedErrors);
        yield return ($"zero errors ({errors})", errors == 0);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
