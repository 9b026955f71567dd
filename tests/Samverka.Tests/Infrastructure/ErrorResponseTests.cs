using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Samverka.Tests.Support;
using Samverka.Web.Data;
using Samverka.Web.Features.Accounts;
using Samverka.Web.Features.Organisations;
using Samverka.Web.Features.Partnerships;

namespace Samverka.Tests.Infrastructure;

/// <summary>An API client always gets a ProblemDetails it can act on; a person in the browser always gets a page in their language.</summary>
public class ErrorResponseTests
{
    private const string Secret = "connection string Host=secret-db-host";

    [Fact]
    public async Task PageNotFound_IsAnHtmlPageInSwedish_WithALinkHome()
    {
        await using var app = await SamverkaApp.StartAsync(Db.Sqlite);
        var browser = await app.SignedInClientAsync(Users.Coordinator);
        foreach (var url in new[] { "/finns-inte", "/Agreements/Details/999999" })
        {
            var response = await browser.GetAsync(url);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
            var html = await response.Content.ReadAsStringAsync();
            Assert.Contains("<h1>Sidan finns inte</h1>", html);
            Assert.Contains("<html lang=\"sv\">", html);
            Assert.Contains("<a href=\"/\">Startsidan</a>", html);
        }
    }

    [Fact]
    public async Task PageNotFound_FollowsTheChosenLanguage()
    {
        await using var app = await SamverkaApp.StartAsync(Db.Sqlite);
        var browser = await app.SignedInClientAsync(Users.Coordinator);
        var response = await browser.GetAsync("/finns-inte?culture=en-GB");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("<h1>Page not found</h1>", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ApiNotFound_IsProblemDetailsWithAStableType_EvenForABrowser()
    {
        await using var app = await SamverkaApp.StartAsync(Db.Sqlite);
        var api = app.ApiClient(Users.Coordinator);
        foreach (var accept in new[] { "application/json", "text/html" })
        {
            foreach (var url in new[] { "/api/agreements/999999", "/api/finns-inte" })
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, url);
                request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(accept));
                var problem = await ProblemAsync(await api.SendAsync(request), HttpStatusCode.NotFound);
                Assert.Equal("https://samverka.se/problems/not-found", problem.GetProperty("type").GetString());
                Assert.Equal("Här finns inget, eller så har du inte åtkomst till det.", problem.GetProperty("title").GetString());
            }
        }
    }

    [Fact]
    public async Task ApiWithoutSignIn_Is401ProblemDetails()
    {
        await using var app = await SamverkaApp.StartAsync(Db.Sqlite);
        var anonymous = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var problem = await ProblemAsync(await anonymous.GetAsync("/api/agreements"), HttpStatusCode.Unauthorized);
        Assert.Equal("https://samverka.se/problems/unauthorized", problem.GetProperty("type").GetString());

        anonymous.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "svk_revoked_or_made_up");
        problem = await ProblemAsync(await anonymous.GetAsync("/api/agreements"), HttpStatusCode.Unauthorized);
        Assert.Equal("Logga in, eller skicka en giltig personlig API-nyckel.", problem.GetProperty("title").GetString());
    }

    [Fact]
    public async Task ApiForbidden_KeepsTheEndpointsOwnTitle_AndGetsTheType()
    {
        await using var app = await SamverkaApp.StartAsync(Db.Sqlite);
        var response = await app.ApiClient(Users.FolketsHusby).PostJsonAsync("/api/organisations",
            new OrganisationInput("Ny förening", OrganisationKind.NonProfit, null, null, null, null, null, null));
        var problem = await ProblemAsync(response, HttpStatusCode.Forbidden);
        Assert.Equal("https://samverka.se/problems/forbidden", problem.GetProperty("type").GetString());
        Assert.Equal("Bara förvaltningen kan ändra i organisationsregistret.", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task ApiException_Is500ProblemDetails_WithNothingInternal()
    {
        await using var app = await SamverkaApp.StartAsync(Db.Sqlite);
        await using var failing = app.WithWebHostBuilder(b => b.ConfigureTestServices(s =>
            s.AddScoped<PartnershipAccess>(_ => throw new InvalidOperationException(Secret))));
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/agreements");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));
        var response = await failing.ApiClient(Users.Coordinator).SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        var problem = await ProblemAsync(response, HttpStatusCode.InternalServerError);
        Assert.Equal("https://samverka.se/problems/server-error", problem.GetProperty("type").GetString());
        Assert.Equal("Något gick fel", problem.GetProperty("title").GetString());
        Assert.DoesNotContain("secret", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("InvalidOperationException", body, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PageException_IsTheErrorPage_NotJson()
    {
        await using var app = await SamverkaApp.StartAsync(Db.Sqlite);
        await using var failing = app.WithWebHostBuilder(b => b.ConfigureTestServices(s =>
            s.AddScoped<PartnershipAccess>(_ => throw new InvalidOperationException(Secret))));
        var browser = await failing.SignedInClientAsync(Users.Coordinator);
        var response = await browser.GetAsync("/Partnerships");
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<h1>Något gick fel</h1>", html);
        Assert.DoesNotContain("secret", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task ConcurrencyExceptionThatEscapes_Is409ProblemDetails()
    {
        await using var app = await SamverkaApp.StartAsync(Db.Sqlite);
        // As if someone else changed the row between reading and saving, in an endpoint that does not catch it itself.
        await using var conflicting = WithInterceptor(app, new BeforeSave(ctx =>
        {
            if (ctx.ChangeTracker.Entries<ApiToken>().Any(e => e.State == EntityState.Added))
            {
                throw new DbUpdateConcurrencyException(Secret);
            }
        }));
        var response = await conflicting.ApiClient(Users.Coordinator).PostJsonAsync("/api/tokens", new TokenInput("CI"));
        var problem = await ProblemAsync(response, HttpStatusCode.Conflict);
        Assert.Equal("https://samverka.se/problems/conflict", problem.GetProperty("type").GetString());
        Assert.Equal("Någon annan ändrade detta under tiden; inget sparades. Hämta det igen och gör om din ändring.", problem.GetProperty("title").GetString());
        Assert.DoesNotContain("secret", await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task UniqueIndexViolation_Is409ProblemDetails(Db db)
    {
        await using var app = await SamverkaApp.StartAsync(db);
        var taken = await app.WithDbAsync(ctx => ctx.Organisations.Where(o => o.Name == "Folkets Husby").Select(o => o.OrganisationNumber).SingleAsync());
        // Someone registers the same number between the check and the save: the database's unique index is the last word.
        await using var racing = WithInterceptor(app, new BeforeSave(ctx =>
        {
            foreach (var added in ctx.ChangeTracker.Entries<Organisation>().Where(e => e.State == EntityState.Added))
            {
                added.Entity.OrganisationNumber = taken;
            }
        }));
        var response = await racing.ApiClient(Users.Coordinator).PostJsonAsync("/api/organisations",
            new OrganisationInput("Husby Läxhjälp", OrganisationKind.NonProfit, null, null, null, null, null, null));
        var problem = await ProblemAsync(response, HttpStatusCode.Conflict);
        Assert.Equal("https://samverka.se/problems/conflict", problem.GetProperty("type").GetString());
        Assert.Equal("Det skulle bli en dubblett av något som redan finns; inget sparades. Hämta det igen och kontrollera.", problem.GetProperty("title").GetString());
        Assert.False(await app.WithDbAsync(ctx => ctx.Organisations.AnyAsync(o => o.Name == "Husby Läxhjälp")));
    }

    [Theory]
    [InlineData(false)] // outside Development minimal APIs answer a bare 400
    [InlineData(true)] // in Development they throw BadHttpRequestException
    public async Task UnreadableJson_Is400ProblemDetails(bool throwOnBadRequest)
    {
        await using var app = await SamverkaApp.StartAsync(Db.Sqlite);
        await using var factory = app.WithWebHostBuilder(b => b.ConfigureTestServices(s =>
            s.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = throwOnBadRequest)));
        using var body = new StringContent("{\"name\": ", Encoding.UTF8, "application/json");
        var problem = await ProblemAsync(await factory.ApiClient(Users.Coordinator).PostAsync("/api/tokens", body), HttpStatusCode.BadRequest);
        Assert.Equal("https://samverka.se/problems/bad-request", problem.GetProperty("type").GetString());
        Assert.Equal("Begäran kunde inte läsas eller är inte giltig.", problem.GetProperty("title").GetString());
    }

    [Fact]
    public async Task ValidationProblem_GetsTheValidationType()
    {
        await using var app = await SamverkaApp.StartAsync(Db.Sqlite);
        var problem = await ProblemAsync(await app.ApiClient(Users.Coordinator).PostJsonAsync("/api/tokens", new TokenInput("")), HttpStatusCode.BadRequest);
        Assert.Equal("https://samverka.se/problems/validation", problem.GetProperty("type").GetString());
        Assert.True(problem.GetProperty("errors").TryGetProperty("name", out _));
    }

    [Fact]
    public void OversizedBody_IsTooLarge_AndOnlyUniqueViolationsAreConflicts()
    {
        var t = new JsonStringLocalizerFactory().Create(typeof(Texts));
        // Kestrel throws this past MaxRequestBodySize; the test server has no such limit to hit.
        var (status, _) = ApiExceptionHandler.Classify(new BadHttpRequestException("Request body too large.", StatusCodes.Status413PayloadTooLarge), t);
        Assert.Equal("https://samverka.se/problems/too-large", ErrorResponses.TypeFor(status, new Microsoft.AspNetCore.Mvc.ProblemDetails()));
        Assert.True(ApiExceptionHandler.IsUniqueViolation(new SqliteException("UNIQUE constraint failed", 19, 2067)));
        Assert.False(ApiExceptionHandler.IsUniqueViolation(new SqliteException("FOREIGN KEY constraint failed", 19, 787)));
        Assert.Equal(StatusCodes.Status500InternalServerError, ApiExceptionHandler.Classify(new DbUpdateException("x", new SqliteException("NOT NULL constraint failed", 19, 1299)), t).Status);
    }

    /// <summary>Checks what every API error shares (media type, status, trace id) and returns the body.</summary>
    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode} instead of {(int)expected}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(body).RootElement;
        Assert.Equal((int)expected, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("traceId").GetString()));
        return problem;
    }

    private static WebApplicationFactory<Program> WithInterceptor(SamverkaApp app, IInterceptor interceptor) =>
        app.WithWebHostBuilder(b => b.ConfigureTestServices(s =>
        {
            s.ConfigureDbContext<SqliteAppDbContext>(o => o.AddInterceptors(interceptor));
            s.ConfigureDbContext<PostgresAppDbContext>(o => o.AddInterceptors(interceptor));
        }));

    private sealed class BeforeSave(Action<DbContext> act) : SaveChangesInterceptor
    {
        public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            act(eventData.Context!);
            return ValueTask.FromResult(result);
        }
    }
}
