using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Samverka.Tests.Support;

namespace Samverka.Tests.Infrastructure;

/// <summary>
/// Who may do what, for every endpoint the running app has: every API route and every Razor page handler (GET and
/// POST), asked by every role about their own organisation's partnership and another's. The expected answer is written
/// once, in <see cref="Expected"/>; an endpoint added later that is missing from it fails here until someone decides
/// who may use it. "A" means the request got past authorization (any answer but 401, 403, 404 or a redirect to sign-in
/// or "denied"); "-" means it was refused. A 5xx is a failure whatever the table says.
/// </summary>
public class AuthorizationMatrixTests
{
    private static readonly DateTimeOffset June2024 = new(2024, 6, 15, 10, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// Who asks, as the table's columns. Each column is one or more (user, partnership) probes that must answer alike:
    /// the administration and the board ask about both partnerships; a partner about its own and the other one; the
    /// steering-group member (on Folkets Husby's steering group) about that one and IOGT-NTO's.
    /// </summary>
    private static readonly (string Column, (string? User, string Target)[] Probes)[] Columns =
    [
        ("anonymous", [(null, Husby), (null, Iogt)]),
        ("coordinator", [(Users.Coordinator, Husby), (Users.Coordinator, Iogt)]),
        ("case officer", [(Users.CaseOfficer, Husby), (Users.CaseOfficer, Iogt)]),
        ("head", [(Users.Head, Husby), (Users.Head, Iogt)]),
        ("board member", [(Users.BoardMember, Husby), (Users.BoardMember, Iogt)]),
        ("own partner", [(Users.FolketsHusby, Husby), (Users.IogtSpanga, Iogt)]),
        ("other partner", [(Users.IogtSpanga, Husby), (Users.FolketsHusby, Iogt)]),
        ("own steering", [(Users.SteeringMember, Husby)]),
        ("other steering", [(Users.SteeringMember, Iogt)]),
        ("administrator", [(Users.Administrator, Husby), (Users.Administrator, Iogt)]),
    ];

    private const string Husby = AppEndpoints.Husby;
    private const string Iogt = AppEndpoints.Iogt;

    /// <summary>
    /// The answer for each endpoint, one character per column in the order of <see cref="Columns"/>:
    /// anonymous, coordinator, case officer, head, board member, own partner, other partner, own steering, other steering,
    /// administrator (of the municipality: its settings and people, not the partnerships' content).
    /// Token and tokens page rows concern the asker's own tokens (the id asked about is the coordinator's).
    /// </summary>
    private const string Expected = """
        # method and path                                            anon coord officer head board | partner own other | steering own other
        # Razor pages (GET and every handler)
        GET /                                                        - A A A A A A A A A
        GET /Accounts/Denied                                         A A A A A A A A A A
        GET /Accounts/Login                                          A A A A A A A A A A
        GET /Accounts/Logout                                         A A A A A A A A A A
        GET /Accounts/SetPassword                                    A A A A A A A A A A
        GET /Accounts/Tokens                                         - A A A A A A A A A
        GET /Agreements/AddTarget/{id:int}                           - A A - - - - - - -
        GET /Agreements/Budget/{id:int}                              - A A - - - - - - -
        GET /Agreements/Create                                       - A A - - - - - - -
        GET /Agreements/Details/{id:int}                             - A A A A A - A - -
        GET /Agreements/{id:int}/Categories                          - A A A A A - A - -
        GET /Agreements/Edit/{id:int}                                - A A - - - - - - -
        GET /Agreements/Goal/{id:int}                                - A A - - - - - - -
        GET /Agreements/Groups/{id:int}                              - A A - - - - - - -
        GET /Agreements/Lists/{id:int}                               - A A - - - - - - -
        GET /Agreements/Parties/{id:int}                             - A A - - - - - - -
        GET /Boards                                                  - A A A A A A A A A
        GET /Boards/Details/{id:int}                                 - A A A A A A A A A
        GET /Culture                                                 A A A A A A A A A A
        GET /Error/{code:int?}                                       A A A A A A A A A A
        GET /Meetings/Deviation/{partnershipId:int}                  - A A A - A - A - -
        GET /Meetings/Edit/{id:int}                                  - A A A - A - A - -
        GET /Meetings/{partnershipId:int}                            - A A A - A - A - -
        GET /Municipalities                                          - A A A A A A A A A
        GET /Municipalities/Details/{id:int}                         - A A A A A A A A A
        GET /Municipalities/{id:int}/Categories                      - A A A A A A A A A
        GET /Organisations                                           - A A A A A A A A A
        GET /Organisations/Create                                    - A A A A A A A A A
        GET /Organisations/Details/{id:int}                          - A A A - A - - - -
        GET /Organisations/Edit/{id:int?}                            - A A - - - - - - -
        GET /Partnerships                                            - A A A A A A A A A
        GET /Partnerships/Create                                     - A A - - - - - - -
        GET /Partnerships/Details/{id:int}                           - A A A A A - A - -
        GET /Partnerships/History/{id:int}                           - A A A - A - A - -
        GET /Registry/Document/{id:int}                              - A A A - A - A - -
        GET /Registry/Document/{id:int}?handler=File                 - A A A - A - A - -
        GET /Registry/Register/{partnershipId:int}                   - A A - - - - - - -
        GET /Registry/{boardId:int}                                  - A A A A A A A A A
        GET /Registry/{boardId:int}?handler=Export                   - A A A - A - A - -
        GET /Results/Correct/{id:int}                                - A A - - - - - - -
        GET /Results/Fulfilment/{agreementId:int}                    - A A A A A - A - -
        GET /Results/Import/{id:int}                                 - A A - - A - - - -
        GET /Results/Report/{id:int}                                 - A A A - A - A - -
        GET /Results/{partnershipId:int}                             - A A A A A - A - -
        POST /Accounts/Login                                         A A A A A A A A A A
        POST /Accounts/Logout                                        A A A A A A A A A A
        POST /Accounts/SetPassword                                   A A A A A A A A A A
        POST /Accounts/Tokens?handler=Create                         - A A A A A A A A A
        POST /Accounts/Tokens?handler=Revoke                         - A - - - - - - - -
        POST /Agreements/AddTarget/{id:int}                          - A A - - - - - - -
        POST /Agreements/Budget/{id:int}                             - A A - - - - - - -
        POST /Agreements/Create                                      - A A - - - - - - -
        POST /Agreements/Details/{id:int}?handler=Decide             - A A - - - - - - -
        POST /Agreements/Details/{id:int}?handler=Extend             - A A - - - - - - -
        POST /Agreements/Details/{id:int}?handler=Propose            - A A - - - - - - -
        POST /Agreements/Details/{id:int}?handler=Sign               - A A - - - - - - -
        POST /Agreements/Details/{id:int}?handler=Terminate          - A A - - - - - - -
        POST /Agreements/Details/{id:int}?handler=Withdraw           - A A - - - - - - -
        POST /Agreements/Edit/{id:int}                               - A A - - - - - - -
        POST /Agreements/Goal/{id:int}                               - A A - - - - - - -
        POST /Agreements/Goal/{id:int}?handler=Delete                - A A - - - - - - -
        POST /Agreements/Groups/{id:int}                             - A A - - - - - - -
        POST /Agreements/Lists/{id:int}                              - A A - - - - - - -
        POST /Agreements/{id:int}/Categories                         - A A - - - - - - -
        POST /Agreements/Parties/{id:int}                            - A A - - - - - - -
        POST /Boards/Details/{id:int}                                - A - - - - - - - -
        POST /Municipalities/{id:int}/Categories                     - A - - - - - - - A
        POST /Culture                                                A A A A A A A A A A
        POST /Meetings/Deviation/{partnershipId:int}?handler=Decide  - A A - - A - - - -
        POST /Meetings/Deviation/{partnershipId:int}?handler=Raise   - A A - - A - - - -
        POST /Meetings/Edit/{id:int}                                 - A A - - A - - - -
        POST /Meetings/Edit/{id:int}?handler=Approve                 - A A A - A - A - -
        POST /Meetings/{partnershipId:int}                           - A A - - A - - - -
        POST /Organisations/Edit/{id:int?}                           - A A - - - - - - -
        POST /Partnerships/Create                                    - A A - - - - - - -
        POST /Registry/Document/{id:int}?handler=Grant               - A A - - - - - - -
        POST /Registry/Document/{id:int}?handler=Revoke              - A A - - - - - - -
        POST /Registry/Register/{partnershipId:int}                  - A A - - - - - - -
        POST /Results/Correct/{id:int}                               - A A - - - - - - -
        POST /Results/Fulfilment/{agreementId:int}?handler=Explain   - A A - - A - - - -
        POST /Results/Import/{id:int}?handler=Confirm                - A A - - A - - - -
        POST /Results/Import/{id:int}?handler=Preview                - A A - - A - - - -
        POST /Results/Report/{id:int}?handler=Approve                - A A - - - - - - -
        POST /Results/Report/{id:int}?handler=Figure                 - A A - - A - - - -
        POST /Results/Report/{id:int}?handler=Remove                 - A A - - A - - - -
        POST /Results/Report/{id:int}?handler=Return                 - A A - - - - - - -
        POST /Results/Report/{id:int}?handler=Submit                 - A A - - A - - - -
        POST /Results/{partnershipId:int}                            - A A - - A - - - -
        # The JSON API, the OpenAPI document and the health check
        DELETE /api/registry/{id:int}/grants/{grantId:int}           - A A - - - - - - -
        DELETE /api/reports/{id:int}/figures/{figureId:int}          - A A - - A - - - -
        DELETE /api/tokens/{id:int}                                  - A - - - - - - - -
        GET /api/agreements/                                         - A A A A A A A A A
        GET /api/agreements/{id:int}                                 - A A A A A - A - -
        GET /api/agreements/{id:int}/docx                            - A A A A A - A - -
        GET /api/agreements/{id:int}/categories/                     - A A A A A - A - -
        GET /api/agreements/{id:int}/figures                         - A A A A A - A - -
        GET /api/agreements/{id:int}/fulfilment                      - A A A A A - A - -
        GET /api/agreements/{id:int}/template                        - A A A A A - A - -
        GET /api/boards/                                             - A A A A A A A A A
        GET /api/boards/{boardId:int}/registry                       - A A A A A A A A A
        GET /api/boards/{boardId:int}/registry/export                - A A A - A - A - -
        GET /api/boards/{id:int}                                     - A A A A A A A A A
        GET /api/boards/{id:int}/case-number-format                  - A A A A A A A A A
        GET /api/deviations/{id:int}/                                - A A A - A - A - -
        GET /api/municipalities/                                     - A A A A A A A A A
        GET /api/municipalities/{id:int}                             - A A A A A A A A A
        GET /api/municipalities/{id:int}/categories/                 - A A A A A A A A A
        GET /api/me                                                  - A A A A A A A A A
        GET /api/meetings/{id:int}/                                  - A A A - A - A - -
        GET /api/organisations/                                      - A A A A A A A A A
        GET /api/organisations/{id:int}                              - A A A - A - - - -
        GET /api/partnerships/                                       - A A A A A A A A A
        GET /api/partnerships/{id:int}                               - A A A A A - A - -
        GET /api/partnerships/{id:int}/history                       - A A A - A - A - -
        GET /api/partnerships/{partnershipId:int}/deviations         - A A A - A - A - -
        GET /api/partnerships/{partnershipId:int}/meetings           - A A A - A - A - -
        GET /api/partnerships/{partnershipId:int}/reports/           - A A A A A - A - -
        GET /api/registry/{id:int}/                                  - A A A - A - A - -
        GET /api/registry/{id:int}/file                              - A A A - A - A - -
        GET /api/reports/{id:int}/                                   - A A A - A - A - -
        GET /api/tokens/                                             - A A A A A A A A A
        GET /api/try/favicon.svg                                     A A A A A A A A A A
        GET /api/try/scalar.aspnetcore.js                            A A A A A A A A A A
        GET /api/try/scalar.js                                       A A A A A A A A A A
        GET /api/try/{documentName?}                                 A A A A A A A A A A
        GET /health                                                  A A A A A A A A A A
        GET /openapi/{documentName}.json                             A A A A A A A A A A
        POST /api/agreements/                                        - A A - - - - - - -
        POST /api/agreements/{id:int}/decide                         - A A - - - - - - -
        POST /api/agreements/{id:int}/explanations                   - A A - - A - - - -
        POST /api/agreements/{id:int}/extend                         - A A - - - - - - -
        POST /api/agreements/{id:int}/propose                        - A A - - - - - - -
        POST /api/agreements/{id:int}/sign                           - A A - - - - - - -
        POST /api/agreements/{id:int}/targets                        - A A - - - - - - -
        POST /api/agreements/{id:int}/terminate                      - A A - - - - - - -
        POST /api/agreements/{id:int}/withdraw                       - A A - - - - - - -
        POST /api/deviations/{id:int}/decide                         - A A - - A - - - -
        POST /api/meetings/{id:int}/approve                          - A A A - A - A - -
        POST /api/organisations/                                     - A A - - - - - - -
        POST /api/partnerships/                                      - A A - - - - - - -
        POST /api/partnerships/{partnershipId:int}/deviations        - A A - - A - - - -
        POST /api/partnerships/{partnershipId:int}/meetings          - A A - - A - - - -
        POST /api/partnerships/{partnershipId:int}/registry          - A A - - - - - - -
        POST /api/partnerships/{partnershipId:int}/reports/          - A A - - A - - - -
        POST /api/registry/{id:int}/grants                           - A A - - - - - - -
        POST /api/reports/{id:int}/approve                           - A A - - - - - - -
        POST /api/reports/{id:int}/figures                           - A A - - A - - - -
        POST /api/reports/{id:int}/figures/{figureId:int}/correct    - A A - - - - - - -
        POST /api/reports/{id:int}/import                            - A A - - A - - - -
        POST /api/reports/{id:int}/return                            - A A - - - - - - -
        POST /api/reports/{id:int}/submit                            - A A - - A - - - -
        POST /api/tokens/                                            - A A A A A A A A A
        PUT /api/agreements/{id:int}                                 - A A - - - - - - -
        PUT /api/agreements/{id:int}/categories/                     - A A - - - - - - -
        PUT /api/boards/{id:int}/case-number-format                  - A - - - - - - - -
        PUT /api/municipalities/{id:int}/categories/                 - A - - - - - - - A
        PUT /api/meetings/{id:int}/                                  - A A - - A - - - -
        PUT /api/organisations/{id:int}                              - A A - - - - - - -
        """;

    [Fact]
    public async Task EveryEndpoint_AnswersEveryRole_AsTheTableSays()
    {
        var expected = ParseTable();
        var observed = new Dictionary<string, Dictionary<string, List<(string Probe, char Class, string Status)>>>();
        List<AppEndpoint>? endpoints = null;
        var users = Columns.SelectMany(c => c.Probes.Select(p => p.User)).Distinct().ToList();
        foreach (var user in users)
        {
            // A fresh database for each user, so that what one user's allowed writes changed cannot change another's answers.
            await using var app = await SamverkaApp.StartAsync(Db.Sqlite, now: June2024);
            var targets = await AppEndpoints.PrepareTargetsAsync(app);
            endpoints ??= await AppEndpoints.AllAsync(app);
            var document = JsonDocument.Parse(await app.CreateClient().GetStringAsync("/openapi/v1.json")).RootElement;
            var api = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
            HttpClient pages;
            string antiforgery;
            if (user is null)
            {
                pages = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
                antiforgery = await AntiforgeryAsync(pages, "/Accounts/Login");
            }
            else
            {
                api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Http.TokenOf(user));
                pages = await app.SignedInClientAsync(user);
                antiforgery = await AntiforgeryAsync(pages, "/Accounts/Tokens");
            }
            var probes = Columns.SelectMany(c => c.Probes.Where(p => p.User == user).Select(p => (c.Column, p.Target))).ToList();
            foreach (var endpoint in endpoints.OrderBy(e => e.Order))
            {
                foreach (var (column, target) in probes)
                {
                    var url = AppEndpoints.Url(endpoint, targets[target]);
                    var response = endpoint.IsPage
                        ? await pages.SendAsync(PageRequest(endpoint, url, targets[target], antiforgery))
                        : await api.SendAsync(ApiRequest(endpoint, url, document));
                    var status = (int)response.StatusCode;
                    var location = response.Headers.Location?.OriginalString ?? "";
                    // Signing out ends on the sign-in page: that is its answer, not a refusal.
                    var denied = status is 401 or 403 or 404
                        || (status is 302 or 303 && !endpoint.EndsSession
                            && (location.Contains("/Accounts/Login", StringComparison.Ordinal) || location.Contains("/Accounts/Denied", StringComparison.Ordinal)));
                    var cls = status >= 500 || status == 405 ? '!' : denied ? '-' : 'A';
                    if (endpoint.EndsSession && user is not null)
                    {
                        pages = await app.SignedInClientAsync(user);
                        antiforgery = await AntiforgeryAsync(pages, "/Accounts/Tokens");
                    }
                    var byColumn = observed.TryGetValue(endpoint.Key, out var c) ? c : observed[endpoint.Key] = [];
                    (byColumn.TryGetValue(column, out var list) ? list : byColumn[column] = []).Add(($"{user ?? "anonymous"} on {target}", cls, $"{status} {url}" + (status == 400 ? " " + string.Concat((await response.Content.ReadAsStringAsync()).Take(300)) : "")));
                }
            }
        }

        var failures = new List<string>();
        foreach (var endpoint in endpoints!)
        {
            if (!expected.TryGetValue(endpoint.Key, out var row))
            {
                failures.Add($"{endpoint.Key}: not in the table; decide who may use it and add it");
                continue;
            }
            for (var i = 0; i < Columns.Length; i++)
            {
                foreach (var (probe, cls, status) in observed[endpoint.Key][Columns[i].Column])
                {
                    if (cls != row[i])
                    {
                        failures.Add($"{endpoint.Key}: {probe} ({Columns[i].Column}) expected '{row[i]}', got {status}");
                    }
                }
            }
        }
        failures.AddRange(expected.Keys.Except(endpoints.Select(e => e.Key)).Select(k => $"{k}: in the table but the app has no such endpoint"));
        Assert.True(failures.Count == 0, $"{failures.Count} answers differ from the table:\n{string.Join("\n", failures)}\n\nWhat the app answered, as a table:\n{Observed(endpoints, observed)}");
    }

    /// <summary>A form with the antiforgery token and the ids a handler names in its form (which figure, which grant), nothing else.</summary>
    private static HttpRequestMessage PageRequest(AppEndpoint e, string url, EndpointTarget t, string antiforgery)
    {
        if (e.Method == "GET")
        {
            return new HttpRequestMessage(HttpMethod.Get, url);
        }
        var fields = new Dictionary<string, string> { ["__RequestVerificationToken"] = antiforgery };
        var (name, value) = e.Handler switch
        {
            "Revoke" when e.Template == "/Accounts/Tokens" => ("tokenId", t.PageToken),
            "Revoke" => ("GrantId", t.PageGrant),
            "Decide" when e.Template.StartsWith("/Meetings/Deviation", StringComparison.Ordinal) => ("Id", t.Deviation),
            "Remove" => ("FigureId", t.Figure),
            _ => ("", 0),
        };
        if (name.Length > 0)
        {
            fields[name] = value.ToString(CultureInfo.InvariantCulture);
        }
        return new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(fields) };
    }

    /// <summary>A body of the right shape (so that binding passes and the request reaches the checks) that cannot be saved: its version is nobody's.</summary>
    private static HttpRequestMessage ApiRequest(AppEndpoint e, string url, JsonElement document)
    {
        var request = new HttpRequestMessage(new HttpMethod(e.Method), url);
        if (e.Method is "GET" or "DELETE" || OpenApi.Operation(document, e.Template, e.Method) is not { } operation || !operation.TryGetProperty("requestBody", out var body))
        {
            return request;
        }
        var content = body.GetProperty("content");
        if (content.TryGetProperty("application/json", out var json))
        {
            var value = Example(document, json.GetProperty("schema"), 0) as JsonObject ?? [];
            value["version"] = Guid.NewGuid().ToString();
            request.Content = new StringContent(value.ToJsonString(), Encoding.UTF8, "application/json");
        }
        else
        {
            // A form with one field and no file: the endpoint must refuse before it looks at what was sent.
            request.Content = new MultipartFormDataContent { { new StringContent("x"), "note" } };
        }
        return request;
    }

    private static JsonNode? Example(JsonElement document, JsonElement schema, int depth)
    {
        schema = OpenApi.Resolve(document, schema);
        if (schema.TryGetProperty("enum", out var values))
        {
            return JsonValue.Create(values.EnumerateArray().First(v => v.ValueKind != JsonValueKind.Null).ToString());
        }
        var type = OpenApi.TypeOf(schema);
        var format = schema.TryGetProperty("format", out var f) ? f.GetString() : null;
        return type switch
        {
            "string" => format switch
            {
                "date" => "2024-06-01",
                "date-time" => "2024-06-01T10:00:00Z",
                "uuid" => Guid.NewGuid().ToString(),
                _ => "x",
            },
            "integer" or "number" => 1,
            "boolean" => false,
            "array" => new JsonArray(),
            _ when depth > 3 || !schema.TryGetProperty("properties", out _) => new JsonObject(),
            _ => new JsonObject(schema.GetProperty("properties").EnumerateObject().Select(p => KeyValuePair.Create(p.Name, Example(document, p.Value, depth + 1)))),
        };
    }

    private static async Task<string> AntiforgeryAsync(HttpClient client, string page)
    {
        var html = await client.GetStringAsync(page);
        return Http.AntiforgeryTokenIn(html);
    }

    private static Dictionary<string, string> ParseTable()
    {
        var rows = new Dictionary<string, string>();
        foreach (var line in Expected.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')))
        {
            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            Assert.True(parts.Length == 2 + Columns.Length, $"A table row needs a method, a path and {Columns.Length} answers: {line}");
            rows.Add($"{parts[0]} {parts[1]}", string.Concat(parts[2..]));
        }
        return rows;
    }

    private static string Observed(List<AppEndpoint> endpoints, Dictionary<string, Dictionary<string, List<(string Probe, char Class, string Status)>>> observed)
    {
        var width = endpoints.Max(e => e.Key.Length) + 2;
        var text = new StringBuilder();
        foreach (var e in endpoints)
        {
            var answers = Columns.Select(c => observed[e.Key][c.Column].Select(x => x.Class).Distinct().ToList() is [var one] ? one : '?');
            text.Append(e.Key.PadRight(width)).AppendJoin(' ', answers).Append('\n');
        }
        return text.ToString();
    }
}
