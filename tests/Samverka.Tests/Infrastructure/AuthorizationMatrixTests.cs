using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Samverka.Tests.Support;
using Samverka.Web.Features.Accounts;
using Samverka.Web.Features.Agreements;
using Samverka.Web.Features.Meetings;
using Samverka.Web.Features.Registry;
using Samverka.Web.Features.Results;

namespace Samverka.Tests.Infrastructure;

/// <summary>
/// Who may do what, for every endpoint the running app has: every API route and every Razor page handler (GET and
/// POST), asked by every role about their own organisation's partnership and another's. The expected answer is written
/// once, in <see cref="Expected"/>; an endpoint added later that is missing from it fails here until someone decides
/// who may use it. "A" means the request got past authorization (any answer but 401, 403, 404 or a redirect to sign-in
/// or "denied"); "-" means it was refused. A 5xx is a failure whatever the table says.
/// </summary>
public partial class AuthorizationMatrixTests
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
    ];

    private const string Husby = "Folkets Husby";
    private const string Iogt = "IOGT-NTO Spånga";

    /// <summary>
    /// The answer for each endpoint, one character per column in the order of <see cref="Columns"/>:
    /// anonymous, coordinator, case officer, head, board member, own partner, other partner, own steering, other steering.
    /// Token and tokens page rows concern the asker's own tokens (the id asked about is the coordinator's).
    /// </summary>
    private const string Expected = """
        # method and path                                            anon coord officer head board | partner own other | steering own other
        # Razor pages (GET and every handler)
        GET /                                                        - A A A A A A A A
        GET /Accounts/Denied                                         A A A A A A A A A
        GET /Accounts/Login                                          A A A A A A A A A
        GET /Accounts/Logout                                         A A A A A A A A A
        GET /Accounts/Tokens                                         - A A A A A A A A
        GET /Agreements/AddTarget/{id:int}                           - A A - - - - - -
        GET /Agreements/Budget/{id:int}                              - A A - - - - - -
        GET /Agreements/Create                                       - A A - - - - - -
        GET /Agreements/Details/{id:int}                             - A A A A A - A -
        GET /Agreements/Edit/{id:int}                                - A A - - - - - -
        GET /Agreements/Goal/{id:int}                                - A A - - - - - -
        GET /Agreements/Groups/{id:int}                              - A A - - - - - -
        GET /Agreements/Lists/{id:int}                               - A A - - - - - -
        GET /Agreements/Parties/{id:int}                             - A A - - - - - -
        GET /Boards                                                  - A A A A A A A A
        GET /Boards/Details/{id:int}                                 - A A A A A A A A
        GET /Culture                                                 A A A A A A A A A
        GET /Error/{code:int?}                                       A A A A A A A A A
        GET /Meetings/Deviation/{partnershipId:int}                  - A A A - A - A -
        GET /Meetings/Edit/{id:int}                                  - A A A - A - A -
        GET /Meetings/{partnershipId:int}                            - A A A - A - A -
        GET /Organisations                                           - A A A A A A A A
        GET /Organisations/Create                                    - A A A A A A A A
        GET /Organisations/Details/{id:int}                          - A A A - A - - -
        GET /Organisations/Edit/{id:int?}                            - A A - - - - - -
        GET /Partnerships                                            - A A A A A A A A
        GET /Partnerships/Create                                     - A A - - - - - -
        GET /Partnerships/Details/{id:int}                           - A A A A A - A -
        GET /Partnerships/History/{id:int}                           - A A A - A - A -
        GET /Registry/Document/{id:int}                              - A A A - A - A -
        GET /Registry/Document/{id:int}?handler=File                 - A A A - A - A -
        GET /Registry/Register/{partnershipId:int}                   - A A - - - - - -
        GET /Registry/{boardId:int}                                  - A A A A A A A A
        GET /Registry/{boardId:int}?handler=Export                   - A A A - A - A -
        GET /Results/Correct/{id:int}                                - A A - - - - - -
        GET /Results/Fulfilment/{agreementId:int}                    - A A A A A - A -
        GET /Results/Import/{id:int}                                 - A A - - A - - -
        GET /Results/Report/{id:int}                                 - A A A - A - A -
        GET /Results/{partnershipId:int}                             - A A A A A - A -
        POST /Accounts/Login                                         A A A A A A A A A
        POST /Accounts/Logout                                        A A A A A A A A A
        POST /Accounts/Tokens?handler=Create                         - A A A A A A A A
        POST /Accounts/Tokens?handler=Revoke                         - A - - - - - - -
        POST /Agreements/AddTarget/{id:int}                          - A A - - - - - -
        POST /Agreements/Budget/{id:int}                             - A A - - - - - -
        POST /Agreements/Create                                      - A A - - - - - -
        POST /Agreements/Details/{id:int}?handler=Decide             - A A - - - - - -
        POST /Agreements/Details/{id:int}?handler=Extend             - A A - - - - - -
        POST /Agreements/Details/{id:int}?handler=Propose            - A A - - - - - -
        POST /Agreements/Details/{id:int}?handler=Sign               - A A - - - - - -
        POST /Agreements/Details/{id:int}?handler=Terminate          - A A - - - - - -
        POST /Agreements/Details/{id:int}?handler=Withdraw           - A A - - - - - -
        POST /Agreements/Edit/{id:int}                               - A A - - - - - -
        POST /Agreements/Goal/{id:int}                               - A A - - - - - -
        POST /Agreements/Goal/{id:int}?handler=Delete                - A A - - - - - -
        POST /Agreements/Groups/{id:int}                             - A A - - - - - -
        POST /Agreements/Lists/{id:int}                              - A A - - - - - -
        POST /Agreements/Parties/{id:int}                            - A A - - - - - -
        POST /Culture                                                A A A A A A A A A
        POST /Meetings/Deviation/{partnershipId:int}?handler=Decide  - A A - - A - - -
        POST /Meetings/Deviation/{partnershipId:int}?handler=Raise   - A A - - A - - -
        POST /Meetings/Edit/{id:int}                                 - A A - - A - - -
        POST /Meetings/Edit/{id:int}?handler=Approve                 - A A A - A - A -
        POST /Meetings/{partnershipId:int}                           - A A - - A - - -
        POST /Organisations/Edit/{id:int?}                           - A A - - - - - -
        POST /Partnerships/Create                                    - A A - - - - - -
        POST /Registry/Document/{id:int}?handler=Grant               - A A - - - - - -
        POST /Registry/Document/{id:int}?handler=Revoke              - A A - - - - - -
        POST /Registry/Register/{partnershipId:int}                  - A A - - - - - -
        POST /Results/Correct/{id:int}                               - A A - - - - - -
        POST /Results/Fulfilment/{agreementId:int}?handler=Explain   - A A - - A - - -
        POST /Results/Import/{id:int}?handler=Confirm                - A A - - A - - -
        POST /Results/Import/{id:int}?handler=Preview                - A A - - A - - -
        POST /Results/Report/{id:int}?handler=Approve                - A A - - - - - -
        POST /Results/Report/{id:int}?handler=Figure                 - A A - - A - - -
        POST /Results/Report/{id:int}?handler=Remove                 - A A - - A - - -
        POST /Results/Report/{id:int}?handler=Return                 - A A - - - - - -
        POST /Results/Report/{id:int}?handler=Submit                 - A A - - A - - -
        POST /Results/{partnershipId:int}                            - A A - - A - - -
        # The JSON API, the OpenAPI document and the health check
        DELETE /api/registry/{id:int}/grants/{grantId:int}           - A A - - - - - -
        DELETE /api/reports/{id:int}/figures/{figureId:int}          - A A - - A - - -
        DELETE /api/tokens/{id:int}                                  - A - - - - - - -
        GET /api/agreements/                                         - A A A A A A A A
        GET /api/agreements/{id:int}                                 - A A A A A - A -
        GET /api/agreements/{id:int}/docx                            - A A A A A - A -
        GET /api/agreements/{id:int}/figures                         - A A A A A - A -
        GET /api/agreements/{id:int}/fulfilment                      - A A A A A - A -
        GET /api/agreements/{id:int}/template                        - A A A A A - A -
        GET /api/boards/                                             - A A A A A A A A
        GET /api/boards/{boardId:int}/registry                       - A A A A A A A A
        GET /api/boards/{boardId:int}/registry/export                - A A A - A - A -
        GET /api/boards/{id:int}                                     - A A A A A A A A
        GET /api/deviations/{id:int}/                                - A A A - A - A -
        GET /api/me                                                  - A A A A A A A A
        GET /api/meetings/{id:int}/                                  - A A A - A - A -
        GET /api/organisations/                                      - A A A A A A A A
        GET /api/organisations/{id:int}                              - A A A - A - - -
        GET /api/partnerships/                                       - A A A A A A A A
        GET /api/partnerships/{id:int}                               - A A A A A - A -
        GET /api/partnerships/{id:int}/history                       - A A A - A - A -
        GET /api/partnerships/{partnershipId:int}/deviations         - A A A - A - A -
        GET /api/partnerships/{partnershipId:int}/meetings           - A A A - A - A -
        GET /api/partnerships/{partnershipId:int}/reports/           - A A A A A - A -
        GET /api/registry/{id:int}/                                  - A A A - A - A -
        GET /api/registry/{id:int}/file                              - A A A - A - A -
        GET /api/reports/{id:int}/                                   - A A A - A - A -
        GET /api/tokens/                                             - A A A A A A A A
        GET /api/try/favicon.svg                                     A A A A A A A A A
        GET /api/try/scalar.aspnetcore.js                            A A A A A A A A A
        GET /api/try/scalar.js                                       A A A A A A A A A
        GET /api/try/{documentName?}                                 A A A A A A A A A
        GET /health                                                  A A A A A A A A A
        GET /openapi/{documentName}.json                             A A A A A A A A A
        POST /api/agreements/                                        - A A - - - - - -
        POST /api/agreements/{id:int}/decide                         - A A - - - - - -
        POST /api/agreements/{id:int}/explanations                   - A A - - A - - -
        POST /api/agreements/{id:int}/extend                         - A A - - - - - -
        POST /api/agreements/{id:int}/propose                        - A A - - - - - -
        POST /api/agreements/{id:int}/sign                           - A A - - - - - -
        POST /api/agreements/{id:int}/targets                        - A A - - - - - -
        POST /api/agreements/{id:int}/terminate                      - A A - - - - - -
        POST /api/agreements/{id:int}/withdraw                       - A A - - - - - -
        POST /api/deviations/{id:int}/decide                         - A A - - A - - -
        POST /api/meetings/{id:int}/approve                          - A A A - A - A -
        POST /api/organisations/                                     - A A - - - - - -
        POST /api/partnerships/                                      - A A - - - - - -
        POST /api/partnerships/{partnershipId:int}/deviations        - A A - - A - - -
        POST /api/partnerships/{partnershipId:int}/meetings          - A A - - A - - -
        POST /api/partnerships/{partnershipId:int}/registry          - A A - - - - - -
        POST /api/partnerships/{partnershipId:int}/reports/          - A A - - A - - -
        POST /api/registry/{id:int}/grants                           - A A - - - - - -
        POST /api/reports/{id:int}/approve                           - A A - - - - - -
        POST /api/reports/{id:int}/figures                           - A A - - A - - -
        POST /api/reports/{id:int}/figures/{figureId:int}/correct    - A A - - - - - -
        POST /api/reports/{id:int}/import                            - A A - - A - - -
        POST /api/reports/{id:int}/return                            - A A - - - - - -
        POST /api/reports/{id:int}/submit                            - A A - - A - - -
        POST /api/tokens/                                            - A A A A A A A A
        PUT /api/agreements/{id:int}                                 - A A - - - - - -
        PUT /api/meetings/{id:int}/                                  - A A - - A - - -
        PUT /api/organisations/{id:int}                              - A A - - - - - -
        """;

    [Fact]
    public async Task EveryEndpoint_AnswersEveryRole_AsTheTableSays()
    {
        var expected = ParseTable();
        var observed = new Dictionary<string, Dictionary<string, List<(string Probe, char Class, string Status)>>>();
        List<Endpoint>? endpoints = null;
        var users = Columns.SelectMany(c => c.Probes.Select(p => p.User)).Distinct().ToList();
        foreach (var user in users)
        {
            // A fresh database for each user, so that what one user's allowed writes changed cannot change another's answers.
            await using var app = await SamverkaApp.StartAsync(Db.Sqlite, now: June2024);
            var targets = await PrepareTargetsAsync(app);
            endpoints ??= await EndpointsAsync(app);
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
                    var url = Url(endpoint, targets[target]);
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

    private sealed record Endpoint(string Method, string Template, string? Handler, bool IsPage)
    {
        public string Key => $"{Method} {Template}{(Handler is null ? "" : "?handler=" + Handler)}";

        /// <summary>Reads first, then writes, then deletions, so that what an allowed request removed is not missed by the next.</summary>
        public int Order => Method switch { "GET" => 0, "DELETE" => 2, _ => 1 };

        /// <summary>Signing out: the next request signs in again.</summary>
        public bool EndsSession => Template == "/Accounts/Logout" && Method == "POST";
    }

    private sealed record Target(int Partnership, int Agreement, int Organisation, int Board, int Report, int Figure, int Meeting, int Deviation,
        int Registry, string CaseNumber, int Confidential, int Grant, int PageConfidential, int PageGrant, int Token, int PageToken);

    private static async Task<List<Endpoint>> EndpointsAsync(SamverkaApp app)
    {
        var loader = app.Services.GetRequiredService<PageLoader>();
        var found = new List<Endpoint>();
        var pages = new Dictionary<string, string>();
        foreach (var e in app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var template = "/" + e.RoutePattern.RawText!.TrimStart('/');
            if (e.Metadata.GetMetadata<PageActionDescriptor>() is { } page)
            {
                // An Index page answers at two routes (Meetings/Index/{id} and Meetings/{id}); the shorter stands for both.
                if (pages.TryGetValue(page.ViewEnginePath, out var seen) && seen.Length <= template.Length)
                {
                    continue;
                }
                found.RemoveAll(x => x.IsPage && pages.GetValueOrDefault(page.ViewEnginePath) == x.Template);
                pages[page.ViewEnginePath] = template;
                var compiled = await loader.LoadAsync(page, e.Metadata);
                var handlers = compiled.HandlerMethods.Select(h => (Method: h.HttpMethod.ToUpperInvariant(), h.Name)).ToHashSet();
                handlers.Add(("GET", null)); // a page without OnGet still answers GET
                found.AddRange(handlers.Select(h => new Endpoint(h.Method, template, h.Name, IsPage: true)));
                continue;
            }
            var methods = e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.IHttpMethodMetadata>()?.HttpMethods ?? ["GET"];
            found.AddRange(methods.Select(m => new Endpoint(m, template, null, IsPage: false)));
        }
        return [.. found.DistinctBy(e => e.Key).OrderBy(e => e.Key, StringComparer.Ordinal)];
    }

    /// <summary>
    /// Each partnership gets one of everything an endpoint can name (a meeting, a deviation, a report with a figure, a
    /// registered document with a grant), made the way users make them, so that an allowed request finds what it asks
    /// for and a 404 means refused, not missing.
    /// </summary>
    private static async Task<Dictionary<string, Target>> PrepareTargetsAsync(SamverkaApp app)
    {
        var coordinator = app.ApiClient(Users.Coordinator);
        var targets = new Dictionary<string, Target>();
        foreach (var (name, partner, agreementTitle) in new[] { (Husby, Users.FolketsHusby, "Överenskommelse Folkets Husby"), (Iogt, Users.IogtSpanga, (string?)null) })
        {
            var seed = await app.WithDbAsync(db => db.Partnerships.Where(p => p.Organisation.Name == name)
                .Select(p => new { p.Id, p.OrganisationId, p.BoardId, Agreement = p.Agreements.Where(a => agreementTitle == null || a.Title == agreementTitle).OrderByDescending(a => a.StartDate).Select(a => new { a.Id, a.StartDate }).First() })
                .OrderBy(p => p.Id).FirstAsync());
            var partnerApi = app.ApiClient(partner);
            var report = await (await partnerApi.PostJsonAsync($"/api/partnerships/{seed.Id}/reports", new ReportInput(seed.Agreement.Id, seed.Agreement.StartDate, seed.Agreement.StartDate.AddDays(27)))).ReadAsync<ReportView>();
            report = await (await partnerApi.PostJsonAsync($"/api/reports/{report.Id}/figures", new FigureInput
            {
                Kind = FigureKind.Event,
                EventKind = EventKind.Fair,
                From = seed.Agreement.StartDate.AddDays(7),
                Title = "Mässa",
                Total = 10,
                Version = report.Version,
            })).ReadAsync<ReportView>();
            var meeting = await (await coordinator.PostJsonAsync($"/api/partnerships/{seed.Id}/meetings", new NewMeetingInput(GroupKind.SteeringGroup, new DateOnly(2024, 5, 20), true))).ReadAsync<MeetingView>();
            // IOGT-NTO's agreements are known only in outline (seed 002): a budget line gives the deviation its subject.
            var budgetLine = await app.WithDbAsync(async db =>
            {
                if (await db.BudgetLines.FirstOrDefaultAsync(b => b.AgreementId == seed.Agreement.Id) is { } line)
                {
                    return line.Id;
                }
                var added = db.BudgetLines.Add(new BudgetLine { AgreementId = seed.Agreement.Id, CostType = "Lokalhyra", Amount = 1000 });
                await db.SaveChangesAsync();
                return added.Entity.Id;
            });
            var deviation = await (await coordinator.PostJsonAsync($"/api/partnerships/{seed.Id}/deviations",
                new RaiseDeviationInput(DeviationSubject.BudgetLine, budgetLine, "Färre arrangemang", "Lokalen var stängd", null, null))).ReadAsync<DeviationView>();
            var register = (bool confidential) => coordinator.PostJsonAsync($"/api/partnerships/{seed.Id}/registry", new RegisterDocumentInput(
                new DateOnly(2024, 6, 1), Direction.Received, "Företagshälsan AB", "Intyg", DocumentKind.Letter, confidential, confidential ? "OSL 21 kap. 1 §" : null,
                confidential ? "Intyg om hälsa" : null, null, "intyg.pdf", Convert.ToBase64String(TestFiles.Pdf)));
            var document = await (await register(false)).ReadAsync<RegistryEntryView>();
            // Two confidential documents, each shared with the head: one to revoke through the API, one on the page.
            var head = await app.WithDbAsync(db => db.Users.Where(u => u.Email == Users.Head).Select(u => u.Id).SingleAsync());
            var confidential = async () =>
            {
                var entry = await (await register(true)).ReadAsync<RegistryEntryView>();
                var shared = await (await coordinator.PostJsonAsync($"/api/registry/{entry.Id}/grants", new GrantInput(head, "Chefen attesterar"))).ReadAsync<RegistryDocumentView>();
                return (entry.Id, shared.Grants!.Single().Id);
            };
            var (apiConfidential, apiGrant) = await confidential();
            var (pageConfidential, pageGrant) = await confidential();
            // The coordinator's own tokens, one to delete through the API and one to revoke on the page (not the one this test signs in with).
            var token = async () => (await (await coordinator.PostJsonAsync("/api/tokens", new TokenInput("Matris"))).ReadAsync<CreatedToken>()).Id;
            targets[name] = new Target(seed.Id, seed.Agreement.Id, seed.OrganisationId, seed.BoardId, report.Id, report.Figures.Single().Id, meeting.Id, deviation.Id,
                document.Id, document.CaseNumber, apiConfidential, apiGrant, pageConfidential, pageGrant, await token(), await token());
        }
        return targets;
    }

    /// <summary>The endpoint's URL with the target's ids; a route value this does not know fails, so a new route gets its id here.</summary>
    private static string Url(Endpoint e, Target t)
    {
        var url = RouteValue().Replace(e.Template, m =>
        {
            var name = m.Groups["name"].Value;
            var optional = m.Groups["optional"].Success;
            int? id = name switch
            {
                "partnershipId" => t.Partnership,
                "agreementId" => t.Agreement,
                "boardId" => t.Board,
                "figureId" => t.Figure,
                "grantId" => t.Grant,
                "id" => IdFor(e, t),
                _ => null,
            };
            return id?.ToString(CultureInfo.InvariantCulture) ?? (name == "documentName" ? "v1" : optional ? "" : throw new InvalidOperationException($"{e.Key}: which id is {{{name}}}?"));
        });
        url += (e.Template, e.Handler) switch
        {
            ("/Results/Correct/{id:int}", _) => $"?figureId={t.Figure}",
            ("/Agreements/Create", _) => $"?partnershipId={t.Partnership}",
            ("/Registry/{boardId:int}", "Export") or ("/api/boards/{boardId:int}/registry/export", _) => $"?caseNumber={Uri.EscapeDataString(t.CaseNumber)}",
            _ => "",
        };
        if (e.Handler is { } handler)
        {
            url += (url.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "handler=" + handler;
        }
        return url;
    }

    private static int? IdFor(Endpoint e, Target t)
    {
        var template = e.Template;
        var parts = template.Trim('/').Split('/');
        var (area, page) = parts[0] == "api" ? (parts[1], "") : (parts[0], parts[1]);
        return (area, page) switch
        {
            ("agreements" or "Agreements", _) => t.Agreement,
            ("partnerships" or "Partnerships", _) => t.Partnership,
            ("organisations" or "Organisations", _) => t.Organisation,
            ("boards" or "Boards", _) => t.Board,
            ("reports", _) or ("Results", "Report" or "Import" or "Correct") => t.Report,
            // Grants are given on confidential documents.
            ("registry", _) when template.Contains("/grants", StringComparison.Ordinal) => t.Confidential,
            ("Registry", "Document") when e.Handler is "Grant" or "Revoke" => t.PageConfidential,
            ("registry", _) or ("Registry", "Document") => t.Registry,
            ("meetings", _) or ("Meetings", "Edit") => t.Meeting,
            ("deviations", _) => t.Deviation,
            ("tokens", _) => t.Token,
            ("Error", _) => null,
            _ => throw new InvalidOperationException($"{template}: which id is {{id}}?"),
        };
    }

    /// <summary>A form with the antiforgery token and the ids a handler names in its form (which figure, which grant), nothing else.</summary>
    private static HttpRequestMessage PageRequest(Endpoint e, string url, Target t, string antiforgery)
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
    private static HttpRequestMessage ApiRequest(Endpoint e, string url, JsonElement document)
    {
        var request = new HttpRequestMessage(new HttpMethod(e.Method), url);
        var path = ConstraintPattern().Replace(e.Template, "{${name}}").TrimEnd('/');
        if (e.Method is "GET" or "DELETE" || !document.GetProperty("paths").TryGetProperty(path, out var item) && !document.GetProperty("paths").TryGetProperty(path + "/", out item))
        {
            return request;
        }
        if (!item.GetProperty(e.Method.ToLowerInvariant()).TryGetProperty("requestBody", out var body))
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
        return WebUtility.HtmlDecode(AntiforgeryPattern().Match(html).Groups[1].Value);
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

    private static string Observed(List<Endpoint> endpoints, Dictionary<string, Dictionary<string, List<(string Probe, char Class, string Status)>>> observed)
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

    [GeneratedRegex(@"\{(?<name>\w+)(:\w+)*(?<optional>\?)?\}")]
    private static partial Regex RouteValue();

    [GeneratedRegex(@"\{(?<name>\w+)(:\w+)*\??\}")]
    private static partial Regex ConstraintPattern();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryPattern();
}
