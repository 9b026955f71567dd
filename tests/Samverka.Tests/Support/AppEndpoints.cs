using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Samverka.Web.Features.Accounts;
using Samverka.Web.Features.Agreements;
using Samverka.Web.Features.Meetings;
using Samverka.Web.Features.Registry;
using Samverka.Web.Features.Results;

namespace Samverka.Tests.Support;

/// <summary>One endpoint of the running app: an API route and method, or a Razor page and one of its handlers.</summary>
public sealed record AppEndpoint(string Method, string Template, string? Handler, bool IsPage)
{
    public string Key => $"{Method} {Template}{(Handler is null ? "" : "?handler=" + Handler)}";

    /// <summary>Reads first, then writes, then deletions, so that what an allowed request removed is not missed by the next.</summary>
    public int Order => Method switch { "GET" => 0, "DELETE" => 2, _ => 1 };

    /// <summary>Signing out: the next request signs in again.</summary>
    public bool EndsSession => Template == "/Accounts/Logout" && Method == "POST";
}

/// <summary>The ids of one partnership's things, for filling in routes.</summary>
public sealed record EndpointTarget(int Partnership, int Agreement, int Organisation, int Board, int Report, int Figure, int Meeting, int Deviation,
    int Registry, string CaseNumber, int Confidential, int Grant, int PageConfidential, int PageGrant, int Token, int PageToken, int Municipality);

/// <summary>
/// The endpoints of the running app (every API route, every Razor page handler), taken from its routing, and the ids to
/// call them with: the tests that must cover every endpoint, including ones added later, start here.
/// </summary>
public static partial class AppEndpoints
{
    public const string Husby = "Folkets Husby";
    public const string Iogt = "IOGT-NTO Spånga";

    public static async Task<List<AppEndpoint>> AllAsync(SamverkaApp app)
    {
        var loader = app.Services.GetRequiredService<PageLoader>();
        var found = new List<AppEndpoint>();
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
                found.AddRange(handlers.Select(h => new AppEndpoint(h.Method, template, h.Name, IsPage: true)));
                continue;
            }
            var methods = e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.IHttpMethodMetadata>()?.HttpMethods ?? ["GET"];
            found.AddRange(methods.Select(m => new AppEndpoint(m, template, null, IsPage: false)));
        }
        return [.. found.DistinctBy(e => e.Key).OrderBy(e => e.Key, StringComparer.Ordinal)];
    }

    /// <summary>
    /// Each partnership gets one of everything an endpoint can name (a meeting, a deviation, a report with a figure, a
    /// registered document with a grant), made the way users make them, so that an allowed request finds what it asks
    /// for and a 404 means refused, not missing.
    /// </summary>
    public static async Task<Dictionary<string, EndpointTarget>> PrepareTargetsAsync(SamverkaApp app)
    {
        var coordinator = app.ApiClient(Users.Coordinator);
        var targets = new Dictionary<string, EndpointTarget>();
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
                EventKind = "Fair",
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
            targets[name] = new EndpointTarget(seed.Id, seed.Agreement.Id, seed.OrganisationId, seed.BoardId, report.Id, report.Figures.Single().Id, meeting.Id, deviation.Id,
                document.Id, document.CaseNumber, apiConfidential, apiGrant, pageConfidential, pageGrant, await token(), await token(),
                await app.WithDbAsync(db => db.Boards.Where(b => b.Id == seed.BoardId).Select(b => b.MunicipalityId).SingleAsync()));
        }
        return targets;
    }

    /// <summary>A draft copy of an agreement, every section filled, for 2027: what only a draft allows (editing its sections) can then be tried.</summary>
    public static async Task<int> DraftCopyAsync(SamverkaApp app, int agreementId)
    {
        var coordinator = app.ApiClient(Users.Coordinator);
        var signed = await (await coordinator.GetAsync($"/api/agreements/{agreementId}")).ReadAsync<AgreementDocument>();
        var draft = await (await coordinator.PostJsonAsync("/api/agreements", signed with
        {
            Id = null,
            Version = null,
            Title = signed.Title + " 2027",
            StartDate = new DateOnly(2027, 1, 1),
            EndDate = new DateOnly(2027, 12, 31),
            LatestExtensionDate = null,
        })).ReadAsync<AgreementDocument>();
        return draft.Id!.Value;
    }

    /// <summary>The endpoint's URL with the target's ids; a route value this does not know fails, so a new route gets its id here.</summary>
    public static string Url(AppEndpoint e, EndpointTarget t)
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

    private static int? IdFor(AppEndpoint e, EndpointTarget t)
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
            ("municipalities" or "Municipalities", _) => t.Municipality,
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

    [GeneratedRegex(@"\{(?<name>\w+)(:\w+)*(?<optional>\?)?\}")]
    private static partial Regex RouteValue();
}
