using System.Text.Json;
using Samverka.Tests.Support;

namespace Samverka.Tests.Infrastructure;

/// <summary>The OpenAPI document is complete enough for a client generator: ids, sign-in, every error with its schema.</summary>
public class ApiDocumentTests
{
    private static readonly string[] Methods = ["get", "put", "post", "delete", "patch"];

    [Fact]
    public async Task OpenApiDocument_DescribesTheApi()
    {
        await using var app = await SamverkaApp.StartAsync(Db.Sqlite);
        var json = JsonDocument.Parse(await app.CreateClient().GetStringAsync("/openapi/v1.json")).RootElement;
        var paths = json.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        foreach (var expected in new[] { "/api/agreements", "/api/agreements/{id}", "/api/agreements/{id}/propose", "/api/agreements/{id}/decide",
            "/api/agreements/{id}/sign", "/api/agreements/{id}/extend", "/api/agreements/{id}/terminate", "/api/agreements/{id}/docx",
            "/api/partnerships", "/api/organisations", "/api/tokens", "/api/partnerships/{partnershipId}/reports", "/api/reports/{id}",
            "/api/reports/{id}/figures", "/api/reports/{id}/submit", "/api/reports/{id}/approve", "/api/reports/{id}/return",
            "/api/reports/{id}/figures/{figureId}/correct", "/api/reports/{id}/import", "/api/agreements/{id}/fulfilment",
            "/api/agreements/{id}/template", "/api/agreements/{id}/figures", "/api/agreements/{id}/targets" })
        {
            Assert.Contains(expected, paths);
        }
    }

    [Fact]
    public async Task EveryOperation_HasAStableUniqueIdAndASummary()
    {
        var operations = Operations(await DocumentAsync());
        var ids = operations.Select(o => o.Operation.GetProperty("operationId").GetString()).ToList();
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.All(operations, o => Assert.False(string.IsNullOrWhiteSpace(o.Operation.GetProperty("summary").GetString()), $"{o.Method} {o.Path} has no summary"));
        // Derived from method and route, so a client's method names stay put while the route does.
        var byRoute = operations.ToDictionary(o => $"{o.Method} {o.Path}", o => o.Operation.GetProperty("operationId").GetString());
        Assert.Equal("getAgreements", byRoute["get /api/agreements"]);
        Assert.Equal("getAgreementsByIdFulfilment", byRoute["get /api/agreements/{id}/fulfilment"]);
        Assert.Equal("deleteReportsByIdFiguresByFigureId", byRoute["delete /api/reports/{id}/figures/{figureId}"]);
        Assert.Equal("postPartnershipsByPartnershipIdReports", byRoute["post /api/partnerships/{partnershipId}/reports"]);
    }

    [Fact]
    public async Task EveryApiOperation_AcceptsTheBearerTokenOrTheCookie()
    {
        var doc = await DocumentAsync();
        var schemes = doc.GetProperty("components").GetProperty("securitySchemes");
        Assert.Equal(("http", "bearer"), (schemes.GetProperty("bearer").GetProperty("type").GetString(), schemes.GetProperty("bearer").GetProperty("scheme").GetString()));
        Assert.Equal(("apiKey", "cookie", "samverka"), (schemes.GetProperty("cookie").GetProperty("type").GetString(),
            schemes.GetProperty("cookie").GetProperty("in").GetString(), schemes.GetProperty("cookie").GetProperty("name").GetString()));
        foreach (var (method, path, op) in Operations(doc))
        {
            var alternatives = op.GetProperty("security").EnumerateArray().Select(r => string.Join('+', r.EnumerateObject().Select(p => p.Name))).ToList();
            Assert.True(alternatives.SequenceEqual(["bearer", "cookie"]), $"{method} {path}: security {string.Join(", ", alternatives)}");
        }
    }

    [Fact]
    public async Task EveryErrorAnOperationCanGive_IsDeclaredAsProblemDetails()
    {
        var doc = await DocumentAsync();
        foreach (var (method, path, op) in Operations(doc))
        {
            var responses = op.GetProperty("responses");
            var codes = responses.EnumerateObject().Select(r => r.Name).ToHashSet();
            var expected = new List<string> { "401", "403", "500" };
            if (method is "post" or "put" or "delete")
            {
                expected.Add("409");
            }
            if (path.Contains('{', StringComparison.Ordinal))
            {
                expected.Add("404");
            }
            if (op.TryGetProperty("requestBody", out _) || (op.TryGetProperty("parameters", out var ps) && ps.EnumerateArray().Any(p => p.GetProperty("in").GetString() != "path")))
            {
                expected.Add("400");
            }
            Assert.True(expected.All(codes.Contains), $"{method} {path} declares {string.Join(", ", codes)}; expected at least {string.Join(", ", expected)}");
            Assert.Contains(codes, c => c.StartsWith('2'));
            foreach (var error in responses.EnumerateObject().Where(r => r.Name[0] is '4' or '5'))
            {
                var schema = error.Value.GetProperty("content").GetProperty("application/problem+json").GetProperty("schema").GetProperty("$ref").GetString();
                Assert.True(schema is "#/components/schemas/ProblemDetails" or "#/components/schemas/HttpValidationProblemDetails", $"{method} {path} {error.Name}: {schema}");
            }
        }
        var problem = doc.GetProperty("components").GetProperty("schemas").GetProperty("ProblemDetails").GetProperty("properties");
        foreach (var p in (string[])["type", "title", "status", "detail", "traceId"])
        {
            Assert.True(problem.TryGetProperty(p, out _), p);
        }
    }

    [Fact]
    public async Task OpenApiDocument_PassesRedoclysRecommendedRules()
    {
        var redocly = Environment.GetEnvironmentVariable("SAMVERKA_REDOCLY");
        Tools.Require(!string.IsNullOrEmpty(redocly) && File.Exists(redocly), "Redocly CLI (SAMVERKA_REDOCLY, installed by tools/redocly.sh)");
        var file = Path.Combine(Directory.CreateTempSubdirectory("samverka-openapi-").FullName, "v1.json");
        try
        {
            await using (var app = await SamverkaApp.StartAsync(Db.Sqlite))
            {
                await File.WriteAllTextAsync(file, await app.CreateClient().GetStringAsync("/openapi/v1.json"));
            }
            var lint = await Tools.RunAsync(redocly!, ["lint", file, "--config", Path.Combine(Tools.RepositoryRoot, "tools", "redocly.yaml"), "--format", "json"],
                new Dictionary<string, string> { ["REDOCLY_TELEMETRY"] = "off", ["REDOCLY_SUPPRESS_UPDATE_NOTICE"] = "true" });
            JsonElement report;
            try
            {
                report = JsonDocument.Parse(lint.Output).RootElement;
            }
            catch (JsonException)
            {
                Assert.Fail($"Redocly did not report (exit {lint.ExitCode}):\n{lint.Output}\n{lint.Errors}");
                return;
            }
            var problems = report.GetProperty("problems").EnumerateArray()
                .Select(p => $"{p.GetProperty("severity").GetString()} {p.GetProperty("ruleId").GetString()}: {p.GetProperty("message").GetString()} at "
                    + string.Join(", ", p.GetProperty("location").EnumerateArray().Select(l => l.GetProperty("pointer").GetString())))
                .ToList();
            // Warnings fail too: tools/redocly.yaml turns off a rule that does not fit, with the reason.
            Assert.True(problems.Count == 0 && lint.ExitCode == 0, $"Redocly (tools/redocly.yaml) finds {problems.Count} problem(s) in /openapi/v1.json:\n" + string.Join('\n', problems));
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(file)!, recursive: true);
        }
    }

    private static async Task<JsonElement> DocumentAsync()
    {
        await using var app = await SamverkaApp.StartAsync(Db.Sqlite);
        return JsonDocument.Parse(await app.CreateClient().GetStringAsync("/openapi/v1.json")).RootElement.Clone();
    }

    private static List<(string Method, string Path, JsonElement Operation)> Operations(JsonElement doc) =>
        [.. doc.GetProperty("paths").EnumerateObject().SelectMany(p => p.Value.EnumerateObject()
            .Where(m => Methods.Contains(m.Name))
            .Select(m => (m.Name, p.Name, m.Value)))];
}
