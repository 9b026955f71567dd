using System.Diagnostics;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Samverka.Web.Infrastructure;

/// <summary>
/// Every error answer in one place: under /api a ProblemDetails (application/problem+json) with a stable type, a title in
/// the user's language and a trace id; everywhere else an HTML page in the user's language (Features/Error.cshtml).
/// </summary>
public static class ErrorResponses
{
    public const string ProblemTypeBase = "https://samverka.se/problems/";

    public static bool IsApi(HttpContext http) =>
        // While an exception is handled the request's path is already the error page's; the feature keeps the original.
        (http.Features.Get<IExceptionHandlerPathFeature>()?.Path is { } original ? new PathString(original) : http.Request.Path).StartsWithSegments("/api");

    /// <summary>The stable problem type for a status code: clients switch on it, so it never changes with the wording.</summary>
    public static string TypeFor(int status, ProblemDetails problem) => ProblemTypeBase + status switch
    {
        StatusCodes.Status400BadRequest when problem is HttpValidationProblemDetails => "validation",
        StatusCodes.Status400BadRequest => "bad-request",
        StatusCodes.Status401Unauthorized => "unauthorized",
        StatusCodes.Status403Forbidden => "forbidden",
        StatusCodes.Status404NotFound => "not-found",
        StatusCodes.Status405MethodNotAllowed => "method-not-allowed",
        StatusCodes.Status409Conflict => "conflict",
        StatusCodes.Status413PayloadTooLarge => "too-large",
        StatusCodes.Status415UnsupportedMediaType => "unsupported-media-type",
        >= 500 => "server-error",
        _ => "bad-request",
    };

    private static string TitleFor(int status, IStringLocalizer t) => status switch
    {
        StatusCodes.Status400BadRequest => t["The request could not be read or is not valid."],
        StatusCodes.Status401Unauthorized => t["Sign in, or send a valid personal API token."],
        StatusCodes.Status403Forbidden => t["Your account does not have the right to do that."],
        StatusCodes.Status404NotFound => t["There is nothing here, or you do not have access to it."],
        StatusCodes.Status405MethodNotAllowed => t["That method is not allowed here."],
        StatusCodes.Status409Conflict => t["The change conflicts with the current state; nothing was saved."],
        StatusCodes.Status413PayloadTooLarge => t["The request is too large."],
        StatusCodes.Status415UnsupportedMediaType => t["That content type is not accepted here."],
        >= 500 => t["Something went wrong"],
        _ => t["The request could not be handled."],
    };

    public static IServiceCollection AddErrorResponses(this IServiceCollection services)
    {
        // Registered before AddProblemDetails so that it comes first among the writers (see ApiProblemDetailsWriter).
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IProblemDetailsWriter, ApiProblemDetailsWriter>());
        services.AddProblemDetails(o => o.CustomizeProblemDetails = Customize);
        services.AddExceptionHandler<ApiExceptionHandler>();
        return services;
    }

    /// <summary>The one place that completes every ProblemDetails: status, type, title, trace id.</summary>
    private static void Customize(ProblemDetailsContext context)
    {
        var http = context.HttpContext;
        var problem = context.ProblemDetails;
        var status = problem.Status ??= http.Response.StatusCode;
        // The framework fills in RFC links and English reason phrases; a type or title an endpoint chose is kept.
        if (problem.Type is null || problem.Type.StartsWith("https://tools.ietf.org/", StringComparison.Ordinal))
        {
            problem.Type = TypeFor(status, problem);
        }
        if (IsFrameworkTitle(problem.Title, status))
        {
            problem.Title = TitleFor(status, http.RequestServices.GetRequiredService<IStringLocalizer<Texts>>());
        }
        problem.Extensions["traceId"] = Activity.Current?.Id ?? http.TraceIdentifier;
    }

    private static bool IsFrameworkTitle(string? title, int status) =>
        title is null
        || title == ReasonPhrases.GetReasonPhrase(status)
        || title == "An error occurred while processing your request."
        || title == "One or more validation errors occurred.";

    public static WebApplication UseErrorResponses(this WebApplication app)
    {
        var options = new ExceptionHandlerOptions
        {
            // A conflict or an unreadable body is the client's case, not a fault to log as an error.
            SuppressDiagnosticsCallback = c => c.ExceptionHandledBy == ExceptionHandledType.ExceptionHandlerService && c.HttpContext.Response.StatusCode < 500,
        };
        if (app.Environment.IsDevelopment())
        {
            // A developer keeps the exception page for pages; the API answers ProblemDetails even then.
            app.UseWhen(IsApi, api => api.UseExceptionHandler(options));
        }
        else
        {
            // ApiExceptionHandler answers for /api; every other path re-executes the /Error page.
            options.ExceptionHandlingPath = "/Error";
            app.UseExceptionHandler(options);
        }
        // An answer without a body (a bare 404 from TypedResults.NotFound(), 401/403 from sign-in): ProblemDetails under /api, a page elsewhere.
        app.UseWhen(IsApi, api => api.UseStatusCodePages(c => c.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>()
            .WriteAsync(new ProblemDetailsContext { HttpContext = c.HttpContext }).AsTask()));
        app.UseWhen(http => !IsApi(http), pages => pages.UseStatusCodePagesWithReExecute("/Error/{0}"));
        return app;
    }
}

/// <summary>
/// Writes every ProblemDetails under /api, whatever the Accept header says: the default writer stays silent for a browser's
/// "Accept: text/html", and an API error must never lose its body.
/// </summary>
internal sealed class ApiProblemDetailsWriter(IOptions<ProblemDetailsOptions> options, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json) : IProblemDetailsWriter
{
    public bool CanWrite(ProblemDetailsContext context) => ErrorResponses.IsApi(context.HttpContext);

    public ValueTask WriteAsync(ProblemDetailsContext context)
    {
        options.Value.CustomizeProblemDetails?.Invoke(context);
        var problem = context.ProblemDetails;
        var http = context.HttpContext;
        return new ValueTask(http.Response.WriteAsJsonAsync(problem, problem.GetType(), json.Value.SerializerOptions, "application/problem+json", http.RequestAborted));
    }
}

/// <summary>An exception in an /api request: ProblemDetails with a status that says what the client can do; nothing internal outside Development.</summary>
internal sealed class ApiExceptionHandler(IProblemDetailsService problems, IStringLocalizer<Texts> t, IHostEnvironment environment) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (!ErrorResponses.IsApi(httpContext))
        {
            return false;
        }
        var (status, title) = Classify(exception, t);
        httpContext.Response.StatusCode = status;
        var problem = new ProblemDetails
        {
            Status = status,
            Title = title,
            // A stack trace helps a developer and helps an attacker more.
            Detail = environment.IsDevelopment() ? exception.ToString() : null,
        };
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }

    /// <summary>Status and title for an exception; a null title takes the status's own.</summary>
    public static (int Status, string? Title) Classify(Exception exception, IStringLocalizer t) => exception switch
    {
        DbUpdateConcurrencyException => (StatusCodes.Status409Conflict,
            t["Someone else changed this in the meantime; nothing was saved. Fetch it again and repeat your change."]),
        DbUpdateException { InnerException: var inner } when IsUniqueViolation(inner) => (StatusCodes.Status409Conflict,
            t["That would duplicate something that already exists; nothing was saved. Fetch it again and check."]),
        BadHttpRequestException bad => (bad.StatusCode, null),
        _ => (StatusCodes.Status500InternalServerError, null),
    };

    /// <summary>A unique index refused the row: someone else saved the same thing first.</summary>
    public static bool IsUniqueViolation(Exception? exception) => exception switch
    {
        // SQLITE_CONSTRAINT (19) extended as SQLITE_CONSTRAINT_UNIQUE (2067) or SQLITE_CONSTRAINT_PRIMARYKEY (1555); not NOT NULL or FOREIGN KEY.
        SqliteException s => s.SqliteErrorCode == 19 && s.SqliteExtendedErrorCode is 2067 or 1555,
        PostgresException p => p.SqlState == PostgresErrorCodes.UniqueViolation,
        _ => false,
    };
}
