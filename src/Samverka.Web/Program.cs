using Samverka.Web.Data;
using Samverka.Web.Features;
using Samverka.Web.Features.Accounts;
using Samverka.Web.Features.Benchmark;

// Fails here, clearly, rather than showing every time an hour or two wrong.
Clock.EnsureZoneData();

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddHttpContextAccessor();
builder.Services.AddSingleton<Samverka.Web.Infrastructure.IFileStore, Samverka.Web.Infrastructure.FileSystemFileStore>();
builder.Services.AddData(builder.Configuration, builder.Environment);
builder.Services.AddSharedState();
builder.Services.AddFeatures();
builder.Services.AddUi();
builder.Services.AddApi();
builder.Services.AddProxySupport(builder.Configuration);
builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");

var app = builder.Build();

await app.Services.PrepareDatabaseAsync(app.Configuration);

if (args.Contains("verify-audit"))
{
    return await Samverka.Web.Features.Audit.AuditCommand.RunAsync(app.Services, Console.Out);
}
if (args.Contains(AdminCommand.Verb))
{
    return await AdminCommand.RunAsync(app.Services, args, app.Configuration["Samverka:PublicUrl"] ?? "http://127.0.0.1:5080", Console.Out);
}

// Before anything reads the scheme or the client's address.
app.UseForwardedHeaders();
app.UseSecurityHeaders();
// Then, so that error answers (ProblemDetails titles, error pages) are in the user's language too.
app.UseRequestLocalization();
app.UseErrorResponses();
app.UseReadableForms();
app.UseStaticFiles();
app.UseRouting();
app.UseAuthentication();
app.UseApiCookieGuard();
app.UseAuthorization();
app.UseAntiforgery();

app.MapHealthChecks("/health").AllowAnonymous();
app.MapRazorPages();
app.MapApi(api => api.MapFeatureApis());
await app.MapFortunesAsync();

var demoAccountsPresent = await StartupBanner.DemoAccountsPresentAsync(app.Services);
app.Lifetime.ApplicationStarted.Register(() => StartupBanner.Print(app, demoAccountsPresent));

await app.RunAsync();
return 0;

/// <summary>Public so that the tests' WebApplicationFactory can start the real app.</summary>
public partial class Program;
