using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Localization;
using Samverka.Web.Data;
using Samverka.Web.Features.Accounts;
using Samverka.Web.Features.Partnerships;

namespace Samverka.Web.Features.Agreements;

public sealed record AgreementRow(int Id, int PartnershipId, string Title, AgreementStatus Status, DateOnly StartDate, DateOnly EndDate, decimal? AnnualGrant);

public static class AgreementsApi
{
    public static void MapAgreementsApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/agreements").WithTags("Agreements");

        g.MapGet("/", async Task<Ok<List<AgreementRow>>> (int? partnershipId, ClaimsPrincipal user, PartnershipAccess access, TimeProvider clock) =>
        {
            var today = clock.Today();
            var q = (await access.VisibleAgreementsAsync(user)).AsNoTracking();
            if (partnershipId is { } pid)
            {
                q = q.Where(a => a.PartnershipId == pid);
            }
            var rows = await q.OrderBy(a => a.PartnershipId).ThenBy(a => a.StartDate)
                .Select(a => new { a.Id, a.PartnershipId, a.Title, a.Stage, a.StartDate, a.EndDate, a.AnnualGrant, Extended = a.Extensions.Any() })
                .ToListAsync();
            return TypedResults.Ok(rows.Select(a => new AgreementRow(a.Id, a.PartnershipId, a.Title,
                Agreement.StatusFor(a.Stage, a.StartDate, a.EndDate, a.Extended, today), a.StartDate, a.EndDate, a.AnnualGrant)).ToList());
        }).WithSummary("Agreements the caller may see");

        g.MapGet("/{id:int}", async Task<Results<Ok<AgreementDocument>, NotFound>> (int id, ClaimsPrincipal user, PartnershipAccess access, AppDbContext db, IMemoryCache cache, TimeProvider clock) =>
        {
            var read = await access.ReadVisibleAsync(db, cache, user, id);
            return read is null ? TypedResults.NotFound() : TypedResults.Ok(AgreementDocument.From(read.Agreement, clock.Today()).For(user));
        }).WithSummary("One agreement with every section");

        g.MapPost("/", async Task<Results<Created<AgreementDocument>, ProblemHttpResult, ValidationProblem>> (
            AgreementDocument? input, ClaimsPrincipal user, AgreementSteps steps, TimeProvider clock, IStringLocalizer<Texts> t) =>
            (input is null ? MissingBody : await steps.CreateAsync(user, input)).ToCreated(t, a => $"/api/agreements/{a.Id}", a => AgreementDocument.From(a, clock.Today())))
            .WithSummary("Create a draft agreement in a partnership");

        g.MapPut("/{id:int}", async Task<Results<Ok<AgreementDocument>, ProblemHttpResult, ValidationProblem>> (
            int id, AgreementDocument? input, ClaimsPrincipal user, AgreementSteps steps, TimeProvider clock, IStringLocalizer<Texts> t) =>
            (input is null ? MissingBody : await steps.UpdateAsync(user, id, input)).ToOk(t, a => AgreementDocument.From(a, clock.Today())))
            .WithSummary("Replace an agreement's content (draft or proposed only); send the version you read");

        MapStep<ProposeInput>(g, "propose", "Propose the draft to a board meeting", (s, u, id, x) => s.ProposeAsync(u, id, x));
        MapStep<WithdrawInput>(g, "withdraw", "Withdraw a proposal, or a decision not yet signed by every party (with the reason), to draft", (s, u, id, x) => s.WithdrawAsync(u, id, x));
        MapStep<DecideInput>(g, "decide", "Record the board's decision (case number defaults to the partnership's)", (s, u, id, x) => s.DecideAsync(u, id, x));
        MapStep<SignInput>(g, "sign", "Record one party's signature; the last one makes the agreement signed", (s, u, id, x) => s.SignAsync(u, id, x));
        MapStep<ExtendInput>(g, "extend", "Extend a signed agreement, at most to its latest extension date", (s, u, id, x) => s.ExtendAsync(u, id, x));
        MapStep<TerminateInput>(g, "terminate", "Terminate by written notice; the end follows from the notice period, or is given (endsOn) when the agreement states none", (s, u, id, x) => s.TerminateAsync(u, id, x));
        MapStep<AddTargetInput>(g, "targets", "Add a target set during the partnership, with the decision that set it", (s, u, id, x) => s.AddTargetAsync(u, id, x));

        g.MapGet("/{id:int}/docx", async Task<Results<FileContentHttpResult, NotFound>> (int id, ClaimsPrincipal user, PartnershipAccess access, AppDbContext db, IMemoryCache cache) =>
        {
            if (await access.ReadVisibleAsync(db, cache, user, id) is not { } read)
            {
                return TypedResults.NotFound();
            }
            // The document depends on the agreement alone, so it is built once per change, not once a day.
            var personal = user.SeesPersonalData();
            var bytes = await cache.CachedAsync(("docx", read.Agreement.Id, read.Stamp, personal), () => Task.FromResult(AgreementDocx.Create(read.Agreement, personal)));
            return TypedResults.File(bytes, AgreementDocx.ContentType, AgreementDocx.FileName(read.Agreement));
        }).WithSummary("The agreement as a Word document");
    }

    /// <summary>A body is required; a missing or null one is a validation problem like any other, not a server error.</summary>
    internal static readonly Failure MissingBody = Outcome.Invalid("", new Message("Send the input as JSON in the request body."));

    /// <summary>A step of the agreement's life: the same <see cref="AgreementSteps"/> as the page's buttons.</summary>
    private static void MapStep<TInput>(RouteGroupBuilder g, string name, string summary, Func<AgreementSteps, ClaimsPrincipal, int, TInput, Task<Outcome<Agreement>>> step) where TInput : class =>
        g.MapPost($"/{{id:int}}/{name}", async Task<Results<Ok<AgreementDocument>, ProblemHttpResult, ValidationProblem>> (
            int id, TInput? input, ClaimsPrincipal user, AgreementSteps steps, TimeProvider clock, IStringLocalizer<Texts> t) =>
            (input is null ? MissingBody : await step(steps, user, id, input)).ToOk(t, a => AgreementDocument.From(a, clock.Today())))
            .WithTags("Agreements").WithSummary(summary);
}
