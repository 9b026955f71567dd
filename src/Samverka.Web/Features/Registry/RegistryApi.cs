using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Samverka.Web.Data;
using Samverka.Web.Features.Partnerships;

namespace Samverka.Web.Features.Registry;

/// <summary>A document to register, as the API takes it: the file (optional) as base64.</summary>
public sealed record RegisterDocumentInput(DateOnly? RegisteredOn, Direction Direction, string? Counterparty, string? Description, DocumentKind Kind,
    bool Confidential, string? ConfidentialityNote, string? PublicDescription, int? CorrectsDocumentId, string? FileName, string? FileBase64);

public sealed record GrantView(int Id, string UserId, string UserName, string Reason, DateTimeOffset GrantedAt, string GrantedBy, DateTimeOffset? RevokedAt, string? RevokedBy);

/// <summary>One entry with its versions and, for those who may share it, who has been granted access.</summary>
public sealed record RegistryDocumentView(RegistryEntryView Entry, List<RegistryEntryView> Versions, List<GrantView>? Grants);

public static class RegistryApi
{
    public static void MapRegistryApi(this RouteGroupBuilder api)
    {
        api.MapGet("/boards/{boardId:int}/registry", async Task<Ok<List<RegistryEntryView>>> (int boardId, string? caseNumber, DateOnly? from, DateOnly? to, string? party, string? text,
            ClaimsPrincipal user, PartnershipAccess access, AppDbContext db) =>
            TypedResults.Ok(await RegistryQueries.SearchAsync(access, db, user, boardId, new RegistrySearch(caseNumber, from, to, party, text))))
            .WithTags("Registry").WithSummary("Search a board's registry: the entries of the cases the caller may see (confidential ones as a public diarium shows them)");

        api.MapGet("/boards/{boardId:int}/registry/export", async Task<Results<FileContentHttpResult, ProblemHttpResult, ValidationProblem>> (int boardId, string? caseNumber,
            ClaimsPrincipal user, RegistrySteps steps, IStringLocalizer<Texts> t) =>
            ToFile(await steps.ExportAsync(user, boardId, caseNumber), t))
            .WithTags("Registry").WithSummary("A case as a ZIP with its files and registry.json; confidential files only for those who may open them");

        var d = api.MapGroup("/registry/{id:int}").WithTags("Registry");
        d.MapGet("/", async Task<Results<Ok<RegistryDocumentView>, ProblemHttpResult>> (int id, ClaimsPrincipal user, RegistrySteps steps, PartnershipAccess access, AppDbContext db, IStringLocalizer<Texts> t) =>
            await ViewAsync(id, user, steps, access, db) is { } view ? TypedResults.Ok(view) : ApiOutcomes.NotFound(t))
            .WithSummary("One registered document with its versions");

        d.MapGet("/file", async Task<Results<FileContentHttpResult, ProblemHttpResult, ValidationProblem>> (int id, ClaimsPrincipal user, RegistrySteps steps, IStringLocalizer<Texts> t) =>
            ToFile(await steps.OpenFileAsync(user, id), t))
            .WithSummary("The document's file; opening a confidential one is recorded in the audit trail");

        d.MapPost("/grants", async Task<Results<Ok<RegistryDocumentView>, ProblemHttpResult, ValidationProblem>> (int id, GrantInput? input, ClaimsPrincipal user,
            RegistrySteps steps, PartnershipAccess access, AppDbContext db, IStringLocalizer<Texts> t) =>
            await ToViewAsync(input is null ? MissingBody : await steps.GrantAsync(user, id, input), user, steps, access, db, t))
            .WithSummary("Give a person access to a confidential document, with the reason (administration of the owning board)");

        d.MapDelete("/grants/{grantId:int}", async Task<Results<Ok<RegistryDocumentView>, ProblemHttpResult, ValidationProblem>> (int id, int grantId, ClaimsPrincipal user,
            RegistrySteps steps, PartnershipAccess access, AppDbContext db, IStringLocalizer<Texts> t) =>
            await ToViewAsync(await steps.RevokeAsync(user, id, grantId), user, steps, access, db, t))
            .WithSummary("Revoke a person's access to a confidential document");

        api.MapPost("/partnerships/{partnershipId:int}/registry", async Task<Results<Created<RegistryEntryView>, ProblemHttpResult, ValidationProblem>> (int partnershipId,
            RegisterDocumentInput? input, ClaimsPrincipal user, RegistrySteps steps, IStringLocalizer<Texts> t) =>
        {
            if (input is null)
            {
                return ApiOutcomes.Invalid(MissingBody, t);
            }
            byte[]? file = null;
            (string, Message)? unreadable = null;
            if (input.FileBase64 is { } b64)
            {
                file = new byte[b64.Length * 3 / 4 + 3];
                if (Convert.TryFromBase64String(b64, file, out var written))
                {
                    file = file[..written];
                }
                else
                {
                    (file, unreadable) = (null, ("fileBase64", new Message("The file is not valid base64.")));
                }
            }
            var outcome = await steps.RegisterAsync(user, partnershipId, new RegistrationInput(input.RegisteredOn, input.Direction, input.Counterparty, input.Description, input.Kind,
                input.Confidential, input.ConfidentialityNote, input.PublicDescription, input.CorrectsDocumentId, input.FileName, file, unreadable));
            return outcome.ToCreated(t, x => $"/api/registry/{x.Id}", x => RegistryEntryView.Of(x, true));
        }).WithTags("Registry").WithSummary("Register a document in the partnership's case (administration); a file may be attached as base64");
    }

    private static readonly Failure MissingBody = Outcome.Invalid("", new Message("Send the input as JSON in the request body."));

    private static Results<FileContentHttpResult, ProblemHttpResult, ValidationProblem> ToFile(Outcome<FileDownload> o, IStringLocalizer t) =>
        o.IsDone ? TypedResults.File(o.Value.Content, o.Value.ContentType, o.Value.FileName)
        : o.Kind == OutcomeStatus.Invalid ? ApiOutcomes.Invalid(o.Failure, t) : ApiOutcomes.Problem(o.Failure, t);

    private static async Task<Results<Ok<RegistryDocumentView>, ProblemHttpResult, ValidationProblem>> ToViewAsync(Outcome<RegistryDocument> o, ClaimsPrincipal user,
        RegistrySteps steps, PartnershipAccess access, AppDbContext db, IStringLocalizer t) =>
        !o.IsDone ? (o.Kind == OutcomeStatus.Invalid ? ApiOutcomes.Invalid(o.Failure, t) : ApiOutcomes.Problem(o.Failure, t))
        : await ViewAsync(o.Value.Id, user, steps, access, db) is { } view ? TypedResults.Ok(view) : ApiOutcomes.NotFound(t);

    public static async Task<RegistryDocumentView?> ViewAsync(int id, ClaimsPrincipal user, RegistrySteps steps, PartnershipAccess access, AppDbContext db)
    {
        if (await steps.FindAsync(user, id, track: false) is not { } found)
        {
            return null;
        }
        var d = found.Document;
        var listed = await RegistryAccess.ListedAsync(access, db, user);
        var versions = await listed.AsNoTracking()
            .Where(v => v.CorrectsDocumentId == id || (d.CorrectsDocumentId != null && v.Id == d.CorrectsDocumentId)).OrderBy(v => v.Sequence).ToListAsync();
        var canOpen = await RegistryAccess.OpenerAsync(access, db, user, [d, .. versions]);
        var shares = canOpen(d) && d.Confidential && PartnershipAccess.Check(user, found.Partnership, PartnershipOperation.Register) is null;
        return new RegistryDocumentView(RegistryEntryView.Of(d, canOpen(d)), [.. versions.Select(v => RegistryEntryView.Of(v, canOpen(v)))],
            shares ? [.. d.Grants.OrderBy(g => g.GrantedAt).Select(g => new GrantView(g.Id, g.UserId, g.UserName, g.Reason, g.GrantedAt, g.GrantedBy, g.RevokedAt, g.RevokedBy))] : null);
    }
}
