using System.Reflection;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;

namespace Samverka.Web.Infrastructure;

/// <summary>
/// Completes the OpenAPI document (/openapi/v1.json) centrally, so that a generated client gets what it needs without
/// every endpoint repeating it: operation ids, the two ways to sign in, and every error an operation can answer
/// (ProblemDetails as application/problem+json, see <see cref="ErrorResponses"/>).
/// </summary>
public static class ApiDocument
{
    public const string BearerScheme = "bearer";
    public const string CookieScheme = "cookie";
    private const string ProblemSchema = "ProblemDetails";
    private const string ProblemJson = "application/problem+json";

    /// <summary>Every tag needs a description; the lint test fails on a new tag without one.</summary>
    private static readonly Dictionary<string, string> TagDescriptions = new(StringComparer.Ordinal)
    {
        ["Organisations"] = "The organisation register: municipal and non-profit parties with their organisation numbers and former names.",
        ["Partnerships"] = "Partnerships between a board and a non-profit organisation, and the portfolio.",
        ["Agreements"] = "Agreements with every section, the steps of their life (propose, decide, sign, extend, terminate) and the Word document.",
        ["Accounts"] = "The caller and their personal API tokens.",
        ["Results"] = "Reported figures, their review, goal fulfilment and the spreadsheets.",
        ["Boards"] = "The boards (nämnder) with their administrations and predecessors, and each board's partnerships.",
        ["Municipalities"] = "Municipalities and regions (kommun, region), each with its boards.",
        ["Meetings"] = "Steering-group and working-group meetings, minutes and their approval, action items, deviations and their decisions.",
        ["Audit"] = "A partnership's history: every change, who made it and when.",
        ["Registry"] = "The case registry (diarium): search, documents and their files, access to confidential documents, a case as a ZIP.",
    };

    public static void Configure(OpenApiOptions o)
    {
        o.AddDocumentTransformer(DescribeDocument);
        o.AddOperationTransformer(DescribeOperationAsync);
        o.AddSchemaTransformer(DescribeProblemSchema);
        o.AddSchemaTransformer(DescribeMessageSchema);
    }

    private static Task DescribeDocument(OpenApiDocument doc, OpenApiDocumentTransformerContext context, CancellationToken ct)
    {
        doc.Info.Title = "Samverka API";
        doc.Info.Description = "Partnerships, agreements and organisations. Sign in with the browser cookie or send 'Authorization: Bearer <personal API token>'. "
            + "Every error is a ProblemDetails (application/problem+json) whose 'type' is stable and whose 'title' is in the caller's language.";
        // The server URL comes from the request; a trailing slash would double the slash before every path in a client.
        foreach (var server in doc.Servers ?? [])
        {
            server.Url = server.Url?.TrimEnd('/');
        }
        foreach (var tag in doc.Tags ?? new HashSet<OpenApiTag>())
        {
            if (tag.Name is { } name && TagDescriptions.TryGetValue(name, out var description))
            {
                tag.Description = description;
            }
        }
        var cookie = context.ApplicationServices.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(IdentityConstants.ApplicationScheme).Cookie.Name;
        doc.Components ??= new OpenApiComponents();
        doc.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        doc.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "A personal API token (created on the API tokens page or with POST /api/tokens): 'Authorization: Bearer svk_…'.",
        };
        doc.Components.SecuritySchemes[CookieScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Cookie,
            Name = cookie,
            Description = "The browser's sign-in cookie, set by the sign-in page.",
        };
        return Task.CompletedTask;
    }

    private static async Task DescribeOperationAsync(OpenApiOperation op, OpenApiOperationTransformerContext context, CancellationToken ct)
    {
        var d = context.Description;
        var doc = context.Document ?? throw new InvalidOperationException("The operation has no document.");
        op.OperationId ??= OperationId(d.HttpMethod ?? "GET", d.RelativePath ?? "");
        op.Responses ??= [];
        var problem = await ProblemReferenceAsync(context, doc, ct);

        // A typed NotFound() or a ProblemHttpResult describes no body; every error answer has one (ErrorResponses).
        foreach (var response in op.Responses.Where(r => r.Key.Length == 3 && r.Key[0] is '4' or '5').Select(r => r.Value).OfType<OpenApiResponse>())
        {
            if (response.Content is not { Count: > 0 })
            {
                response.Content = ProblemContent(problem);
            }
        }

        var metadata = d.ActionDescriptor.EndpointMetadata;
        var fallback = context.ApplicationServices.GetRequiredService<IOptions<AuthorizationOptions>>().Value.FallbackPolicy;
        if (!metadata.OfType<IAllowAnonymous>().Any() && (metadata.OfType<IAuthorizeData>().Any() || fallback is not null))
        {
            // Either way of signing in will do: two requirements, each alone enough.
            op.Security =
            [
                new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, doc)] = [] },
                new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(CookieScheme, doc)] = [] },
            ];
            Add(op, StatusCodes.Status401Unauthorized, "Not signed in: no valid API token or sign-in cookie.", problem);
            Add(op, StatusCodes.Status403Forbidden, "Signed in, but the account may not do this.", problem);
        }
        // A body or a query parameter can be unreadable (malformed JSON, "year=abc"); route values are constrained, so a bad one is a 404.
        if (op.RequestBody is not null || (op.Parameters ?? []).Any(p => p.In is not ParameterLocation.Path))
        {
            Add(op, StatusCodes.Status400BadRequest, "The request could not be read or is not valid.", problem);
        }
        // What a route names may not exist, or not be visible to the caller: both are 404, so that nothing is revealed.
        if ((op.Parameters ?? []).Any(p => p.In is ParameterLocation.Path))
        {
            Add(op, StatusCodes.Status404NotFound, "Not found, or not visible to the caller.", problem);
        }
        if (d.HttpMethod is "POST" or "PUT" or "PATCH" or "DELETE")
        {
            Add(op, StatusCodes.Status409Conflict, "Someone else changed it in the meantime, or it would duplicate something that exists; nothing was saved.", problem);
        }
        Add(op, StatusCodes.Status500InternalServerError, "Something went wrong in the server; the body carries a trace id to report.", problem);

        // A file result describes nothing; without a success answer a client would not know the operation returns the file.
        if (!op.Responses.Keys.Any(k => k.StartsWith('2')) && metadata.OfType<MethodInfo>().Any(m => ReturnsFile(m.ReturnType)))
        {
            op.Responses["200"] = new OpenApiResponse
            {
                Description = "The file; its Content-Type and Content-Disposition headers give its format and name.",
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    ["*/*"] = new() { Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" } },
                },
            };
        }
    }

    /// <summary>
    /// A stable camelCase id from the method and the route, e.g. GET api/agreements/{id}/fulfilment → getAgreementsByIdFulfilment:
    /// unique because method and route are, and unchanged as long as the route is. An endpoint's .WithName(...) wins.
    /// </summary>
    public static string OperationId(string method, string route)
    {
        var id = new StringBuilder(method.ToLowerInvariant());
        var segments = route.Split('/', StringSplitOptions.RemoveEmptyEntries);
        foreach (var segment in segments.SkipWhile((s, i) => i == 0 && s == "api"))
        {
            if (segment.StartsWith('{'))
            {
                id.Append("By").Append(Pascal(segment.Trim('{', '}').Split(':')[0].TrimEnd('?')));
            }
            else
            {
                id.Append(Pascal(segment));
            }
        }
        return id.ToString();
    }

    private static string Pascal(string text) =>
        string.Concat(text.Split(['-', '_', '.'], StringSplitOptions.RemoveEmptyEntries).Select(w => char.ToUpperInvariant(w[0]) + w[1..]));

    private static bool ReturnsFile(Type type) =>
        typeof(IFileHttpResult).IsAssignableFrom(type) || (type.IsGenericType && type.GetGenericArguments().Any(ReturnsFile));

    private static void Add(OpenApiOperation op, int status, string description, IOpenApiSchema problem)
    {
        var key = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
        op.Responses!.TryAdd(key, new OpenApiResponse { Description = description, Content = ProblemContent(problem) });
    }

    private static Dictionary<string, OpenApiMediaType> ProblemContent(IOpenApiSchema schema) => new() { [ProblemJson] = new() { Schema = schema } };

    private static async Task<IOpenApiSchema> ProblemReferenceAsync(OpenApiOperationTransformerContext context, OpenApiDocument doc, CancellationToken ct)
    {
        if (doc.Components?.Schemas?.ContainsKey(ProblemSchema) != true)
        {
            doc.AddComponent(ProblemSchema, await context.GetOrCreateSchemaAsync(typeof(ProblemDetails), null, ct));
        }
        return new OpenApiSchemaReference(ProblemSchema, doc);
    }

    /// <summary>Says what ErrorResponses adds to every ProblemDetails, and lets a Kiota client use the title as the exception's message.</summary>
    /// <summary>A message is written as its text in the caller's language (<see cref="MessageJsonConverter"/>).</summary>
    private static Task DescribeMessageSchema(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken ct)
    {
        if (context.JsonTypeInfo.Type == typeof(Message))
        {
            schema.Type = JsonSchemaType.String;
            schema.Properties?.Clear();
            schema.Required?.Clear();
            schema.Description = "A text for the reader, in the request's language (the culture cookie, then Accept-Language) with its values filled in.";
        }
        return Task.CompletedTask;
    }

    private static Task DescribeProblemSchema(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken ct)
    {
        if (!context.JsonTypeInfo.Type.IsAssignableTo(typeof(ProblemDetails)) || schema.Properties is null)
        {
            return Task.CompletedTask;
        }
        schema.Properties["traceId"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "Identifies the request in the server's logs." };
        if (schema.Properties.TryGetValue("type", out var type) && type is OpenApiSchema t)
        {
            t.Description = "Stable; one of " + ErrorResponses.ProblemTypeBase + "{bad-request, validation, unauthorized, forbidden, not-found, conflict, too-large, server-error, …}.";
        }
        if (schema.Properties.TryGetValue("title", out var title) && title is OpenApiSchema s)
        {
            s.Description = "What went wrong, in the caller's language (Swedish unless the culture cookie or ?culture= says otherwise).";
            s.Extensions ??= new Dictionary<string, IOpenApiExtension>();
            s.Extensions["x-ms-primary-error-message"] = new JsonNodeExtension(JsonValue.Create(true));
        }
        return Task.CompletedTask;
    }
}
