using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Samverka.Tests.Support;

namespace Samverka.Tests.Infrastructure;

/// <summary>
/// Bad input for every operation that takes a JSON body, generated from the OpenAPI document, so that an endpoint added
/// later is covered without a line here: a missing body, null, the wrong JSON type, broken JSON, NUL characters and a
/// 1 MB string in every text field, and a word where a number belongs. Each must answer 4xx ProblemDetails and save nothing.
/// </summary>
public class GeneratedBadInputTests
{
    private static readonly DateTimeOffset June2024 = new(2024, 6, 15, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task EveryJsonOperation_AnswersBadInputWithProblemDetails_AndSavesNothing()
    {
        await using var app = await SamverkaApp.StartAsync(Db.Sqlite, now: June2024);
        var api = app.ApiClient(Users.Coordinator);
        var doc = JsonDocument.Parse(await app.CreateClient().GetStringAsync("/openapi/v1.json")).RootElement;
        var ids = await IdsAsync(app);
        var audit = await app.WithDbAsync(db => db.AuditEntries.CountAsync());
        var failures = new List<string>();
        var tried = 0;
        var badRequests = 0;

        foreach (var path in doc.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject().Where(o => o.Name is "post" or "put" or "patch"))
            {
                if (!operation.Value.TryGetProperty("requestBody", out var body) || !body.GetProperty("content").TryGetProperty("application/json", out var json))
                {
                    continue;
                }
                var url = Fill(path.Name, ids);
                var schema = Resolve(doc, json.GetProperty("schema"));
                foreach (var (what, content) in Bodies(doc, schema))
                {
                    tried++;
                    var request = new HttpRequestMessage(new HttpMethod(operation.Name.ToUpperInvariant()), url);
                    if (content is not null)
                    {
                        request.Content = new StringContent(content, Encoding.UTF8, "application/json");
                    }
                    var response = await api.SendAsync(request);
                    var status = (int)response.StatusCode;
                    var type = response.Content.Headers.ContentType?.MediaType;
                    badRequests += status == 400 ? 1 : 0;
                    if (status is < 400 or >= 500 || type != "application/problem+json")
                    {
                        failures.Add($"{operation.Name.ToUpperInvariant()} {url} with {what}: {status} {type}");
                    }
                    // Title, detail and every field's message in Swedish, the request's default (issue 20, item 9).
                    var problem = await response.Content.ReadAsStringAsync();
                    failures.AddRange(Language.Problems(Readable(problem), swedish: true).Select(p => $"{operation.Name.ToUpperInvariant()} {url} with {what}: {p}"));
                }
            }
        }
        Assert.True(tried > 100, $"only {tried} requests: the document lists too few JSON operations");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        // Most reach binding and the checks behind it: a route that found nothing (404) would prove little.
        Assert.True(badRequests > tried * 3 / 4, $"{badRequests} of {tried} answered 400");
        Assert.Equal(audit, await app.WithDbAsync(db => db.AuditEntries.CountAsync()));
    }

    /// <summary>The texts of a ProblemDetails a reader sees: its string values (not the field names, which are the API's).</summary>
    private static string Readable(string json)
    {
        try
        {
            var texts = new List<string>();
            void Walk(JsonElement e)
            {
                switch (e.ValueKind)
                {
                    case JsonValueKind.Object: foreach (var p in e.EnumerateObject().Where(p => p.Name is not ("type" or "traceId" or "instance"))) { Walk(p.Value); } break;
                    case JsonValueKind.Array: foreach (var x in e.EnumerateArray()) { Walk(x); } break;
                    case JsonValueKind.String: texts.Add(e.GetString()!); break;
                }
            }
            Walk(JsonDocument.Parse(json).RootElement);
            return string.Join(" | ", texts);
        }
        catch (JsonException)
        {
            return json;
        }
    }

    private static IEnumerable<(string What, string? Content)> Bodies(JsonElement doc, JsonElement schema)
    {
        yield return ("no body", null);
        yield return ("null", "null");
        yield return ("an array", "[]");
        yield return ("a number", "42");
        yield return ("broken JSON", "{\"a\": ");
        var properties = schema.TryGetProperty("properties", out var p) ? p.EnumerateObject().ToList() : [];
        var strings = properties.Where(x => IsType(doc, x.Value, "string") && !x.Value.TryGetProperty("format", out _)).Select(x => x.Name).ToList();
        if (strings.Count > 0)
        {
            yield return ("NUL characters", Object(strings, _ => "\u0000\u0001 text"));
            yield return ("a 1 MB string", Object(strings, _ => new string('x', 1024 * 1024)));
        }
        var numbers = properties.Where(x => IsType(doc, x.Value, "integer") || IsType(doc, x.Value, "number")).Select(x => x.Name).ToList();
        if (numbers.Count > 0)
        {
            yield return ("a word for a number", Object(numbers, _ => "tolv"));
        }
    }

    private static string Object(List<string> names, Func<string, string> value)
    {
        var o = new JsonObject();
        foreach (var name in names)
        {
            o[name] = value(name);
        }
        // A version that is not the current one: if anything got through the checks, it still could not be saved.
        o["version"] ??= Guid.NewGuid().ToString();
        return o.ToJsonString();
    }

    private static bool IsType(JsonElement doc, JsonElement schema, string type) => OpenApi.HasType(OpenApi.Resolve(doc, schema), type);

    private static JsonElement Resolve(JsonElement doc, JsonElement schema) => OpenApi.Resolve(doc, schema);

    /// <summary>Route values that exist, so that the request reaches binding and the checks behind it rather than a 404.</summary>
    private static string Fill(string path, Dictionary<string, int> ids) =>
        System.Text.RegularExpressions.Regex.Replace(path, @"\{(\w+)\}", m =>
        {
            var before = path[..m.Index].TrimEnd('/');
            var resource = before[(before.LastIndexOf('/') + 1)..];
            return (ids.TryGetValue($"{resource}/{m.Groups[1].Value}", out var id) ? id : ids.GetValueOrDefault(resource, 1)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        });

    private static Task<Dictionary<string, int>> IdsAsync(SamverkaApp app) => app.WithDbAsync(async db =>
    {
        var seed = await db.Agreements.SingleAsync(a => a.Title == "Överenskommelse Folkets Husby");
        return new Dictionary<string, int>
        {
            ["agreements"] = seed.Id,
            ["partnerships"] = seed.PartnershipId,
            ["organisations"] = await db.Organisations.Where(o => o.Name == "Folkets Husby").Select(o => o.Id).SingleAsync(),
            ["reports"] = await db.ResultReports.Select(r => r.Id).FirstOrDefaultAsync(),
            ["figures"] = await db.Figures.Select(f => f.Id).FirstOrDefaultAsync(),
            ["meetings"] = await db.Meetings.Where(m => m.PartnershipId == seed.PartnershipId).Select(m => m.Id).FirstOrDefaultAsync(),
            ["deviations"] = await db.Deviations.Select(d => d.Id).FirstOrDefaultAsync(),
            ["registry"] = await db.RegistryDocuments.Select(d => d.Id).FirstOrDefaultAsync(),
            ["boards"] = await db.Boards.Select(b => b.Id).FirstOrDefaultAsync(),
            ["tokens"] = await db.ApiTokens.Select(t => t.Id).FirstOrDefaultAsync(),
        };
    });
}
