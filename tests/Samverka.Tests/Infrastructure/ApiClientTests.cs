using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary;
using Samverka.ApiClient;
using Samverka.Tests.Support;

namespace Samverka.Tests.Infrastructure;

/// <summary>
/// A client generated from /openapi/v1.json (Kiota, committed in tests/Samverka.ApiClient) works against the app: the
/// document is only as good as what a generator makes of it. The committed client is regenerated here, so it cannot go stale.
/// </summary>
public class ApiClientTests
{
    private static readonly string Committed = Path.Combine(Tools.RepositoryRoot, "tests", "Samverka.ApiClient", "Generated");

    [Fact]
    public async Task CommittedClient_IsWhatKiotaGeneratesFromTheDocument()
    {
        var work = Directory.CreateTempSubdirectory("samverka-kiota-").FullName;
        try
        {
            var document = Path.Combine(work, "v1.json");
            await using (var app = await SamverkaApp.StartAsync(Db.Sqlite))
            {
                await File.WriteAllTextAsync(document, await app.CreateClient().GetStringAsync("/openapi/v1.json"));
            }
            var output = Path.Combine(work, "Generated");
            // The local tool from .config/dotnet-tools.json (dotnet tool restore); offline, its update check is skipped.
            var kiota = await Tools.RunAsync(Tools.Dotnet, ["kiota", "generate", "--openapi", document, "--output", output, "--language", "CSharp",
                "--class-name", "SamverkaClient", "--namespace-name", "Samverka.ApiClient", "--exclude-backward-compatible", "--clean-output", "--log-level", "Warning"],
                new Dictionary<string, string> { ["KIOTA_OFFLINE_ENABLED"] = "true" });
            Assert.True(kiota.ExitCode == 0, $"kiota generate failed (exit {kiota.ExitCode}; run 'dotnet tool restore'):\n{kiota.Output}\n{kiota.Errors}");
            // The lock file records the temporary path of the document; nothing in it is part of the client.
            File.Delete(Path.Combine(output, "kiota-lock.json"));

            var generated = Files(output);
            if (Environment.GetEnvironmentVariable("SAMVERKA_UPDATE_API_CLIENT") == "1")
            {
                if (Directory.Exists(Committed))
                {
                    Directory.Delete(Committed, recursive: true);
                }
                foreach (var (name, text) in generated)
                {
                    var target = Path.Combine(Committed, name);
                    Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                    await File.WriteAllTextAsync(target, text);
                }
                return;
            }
            var committed = Files(Committed);
            var stale = generated.Keys.Union(committed.Keys).Order(StringComparer.Ordinal)
                .Where(f => !generated.TryGetValue(f, out var g) || !committed.TryGetValue(f, out var c) || g != c)
                .Select(f => (generated.ContainsKey(f), committed.ContainsKey(f)) switch
                {
                    (true, false) => "new:     " + f,
                    (false, true) => "removed: " + f,
                    _ => "changed: " + f,
                })
                .ToList();
            Assert.True(stale.Count == 0, "The committed API client is not what the OpenAPI document generates; run tools/api-client.sh and commit the result:\n"
                + string.Join('\n', stale.Take(30)));
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    [Fact]
    public async Task GeneratedClient_ListsReadsAndGetsATypedNotFound()
    {
        await using var app = await SamverkaApp.StartAsync(Db.Sqlite);
        var client = ClientFor(app, Users.FolketsHusby);

        var agreements = await client.Api.Agreements.GetAsync();
        Assert.NotNull(agreements);
        var seed = Assert.Single(agreements, a => a.Title == "Överenskommelse Folkets Husby");
        // The partner sees its own partnerships' agreements only.
        Assert.DoesNotContain(agreements, a => a.Title!.Contains("Spånga", StringComparison.Ordinal));

        var agreement = await client.Api.Agreements[seed.Id!.Value].GetAsync();
        Assert.Equal(seed.Title, agreement?.Title);
        Assert.Equal(1_400_000d, agreement?.AnnualGrant);

        var fulfilment = await client.Api.Agreements[seed.Id.Value].Fulfilment.GetAsync(r => r.QueryParameters.Year = 2024);
        Assert.Equal(seed.Id, fulfilment?.AgreementId);
        var mentor = fulfilment!.Goals!.SelectMany(g => g.Targets!).Single(t => t.Description == "Ett (1) genomfört mentorsprogram för 16 deltagare per år");
        Assert.Equal((Samverka.ApiClient.Models.FulfilmentStatus.NotMet, 8d, 16d), (mentor.Status, mentor.Actual, mentor.Target));

        // An agreement of another partnership is as absent as one that does not exist, and the client says so in its own type.
        var other = await app.WithDbAsync(db => db.Agreements.Where(a => a.Title.Contains("Spånga")).Select(a => a.Id).FirstAsync());
        foreach (var id in new[] { other, 999_999 })
        {
            var notFound = await Assert.ThrowsAsync<Samverka.ApiClient.Models.ProblemDetails>(() => client.Api.Agreements[id].GetAsync());
            Assert.Equal((404, 404, "https://samverka.se/problems/not-found"), (notFound.ResponseStatusCode, notFound.Status, notFound.Type));
            Assert.Equal("Här finns inget, eller så har du inte åtkomst till det.", notFound.Message);
            Assert.False(string.IsNullOrEmpty(notFound.TraceId));
        }
    }

    /// <summary>The generated client as a consumer sets it up: the app's address, and the personal API token as the bearer.</summary>
    private static SamverkaClient ClientFor(SamverkaApp app, string email)
    {
        var http = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var auth = new BaseBearerTokenAuthenticationProvider(new PersonalToken(Http.TokenOf(email), http.BaseAddress!.Host));
        return new SamverkaClient(new HttpClientRequestAdapter(auth, httpClient: http) { BaseUrl = http.BaseAddress.ToString().TrimEnd('/') });
    }

    private sealed class PersonalToken(string token, string host) : IAccessTokenProvider
    {
        public AllowedHostsValidator AllowedHostsValidator { get; } = new([host]);

        public Task<string> GetAuthorizationTokenAsync(Uri uri, Dictionary<string, object>? additionalAuthenticationContext = null, CancellationToken cancellationToken = default) =>
            Task.FromResult(AllowedHostsValidator.IsUrlHostValid(uri) ? token : "");
    }

    private static Dictionary<string, string> Files(string root) => Directory.Exists(root)
        ? Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(root, f).Replace('\\', '/'), f => File.ReadAllText(f).ReplaceLineEndings("\n"), StringComparer.Ordinal)
        : [];
}
