using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Localization;
using Samverka.Web.Data;
using Samverka.Web.Features.Accounts;
using Samverka.Web.Features.Decisions;
using Samverka.Web.Features.Partnerships;
using Samverka.Web.Infrastructure;

namespace Samverka.Web.Features.Agreements;

public sealed record AgreementRow(int Id, int PartnershipId, string Title, AgreementStatus Status, DateOnly StartDate, DateOnly EndDate, decimal? AnnualGrant);
public sealed record ProposeInput(DateOnly MeetingDate);
public sealed record DecideInput(DateOnly DecidedOn, string? Paragraph, string CaseNumber, string? Summary);
public sealed record SignInput(int PartyId, DateOnly SignedOn);
public sealed record ExtendInput(DateOnly NewEndDate, DateOnly DecidedOn, string? Paragraph, string? CaseNumber);
public sealed record TerminateInput(DateOnly NoticeReceivedOn, int? GivenByOrganisationId);
public sealed record WithdrawInput(string? Note);

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
            return read is null ? TypedResults.NotFound() : TypedResults.Ok(AgreementDocument.From(read.Agreement, clock.Today()));
        }).WithSummary("One agreement with every section");

        g.MapPost("/", async Task<Results<Created<AgreementDocument>, NotFound, ValidationProblem, ProblemHttpResult>> (
            AgreementDocument input, ClaimsPrincipal user, PartnershipAccess access, AppDbContext db, TimeProvider clock, IStringLocalizer<Texts> t) =>
        {
            var partnership = await (await access.VisibleAsync(user)).FirstOrDefaultAsync(p => p.Id == input.PartnershipId);
            if (partnership is null)
            {
                return TypedResults.NotFound();
            }
            if (PartnershipAccess.Check(user, partnership, PartnershipOperation.Edit) is { } denied)
            {
                return TypedResults.Problem(t.Say(denied), statusCode: StatusCodes.Status403Forbidden);
            }
            var organisations = await OrganisationsFor(db, input);
            var problems = AgreementRules.Validate(input, organisations);
            problems.AddRange(await AgreementEditing.CheckConsecutiveAsync(db, partnership.Id, null, input.StartDate, input.EndDate));
            if (problems.Count > 0)
            {
                return ApiProblems.Invalid(problems, t);
            }
            var agreement = new Agreement { Title = input.Title, PartnershipId = partnership.Id };
            AgreementRules.Apply(input, agreement, organisations);
            agreement.Events.Add(AgreementEditing.Created(user, clock));
            db.Agreements.Add(agreement);
            await db.SaveChangesAsync();
            return TypedResults.Created($"/api/agreements/{agreement.Id}", AgreementDocument.From(agreement, clock.Today()));
        }).WithSummary("Create a draft agreement in a partnership");

        g.MapPut("/{id:int}", async Task<Results<Ok<AgreementDocument>, NotFound, ValidationProblem, ProblemHttpResult>> (
            int id, AgreementDocument input, ClaimsPrincipal user, PartnershipAccess access, AppDbContext db, TimeProvider clock, IStringLocalizer<Texts> t) =>
        {
            var agreement = await access.FindVisibleAsync(db, user, id);
            if (agreement is null)
            {
                return TypedResults.NotFound();
            }
            if (PartnershipAccess.Check(user, agreement.Partnership, PartnershipOperation.Edit) is { } denied)
            {
                return TypedResults.Problem(t.Say(denied), statusCode: StatusCodes.Status403Forbidden);
            }
            if (AgreementEditing.CheckEditable(agreement) is { } locked)
            {
                return ApiProblems.Refused(locked, t);
            }
            if (input.Version is not { } version)
            {
                return ApiProblems.Invalid([new FieldProblem("version", new Message("Send the version you read, so that nobody's change is overwritten."))], t);
            }
            var organisations = await OrganisationsFor(db, input);
            var problems = AgreementRules.Validate(input, organisations);
            problems.AddRange(await AgreementEditing.CheckConsecutiveAsync(db, agreement.PartnershipId, agreement.Id, input.StartDate, input.EndDate));
            if (problems.Count > 0)
            {
                return ApiProblems.Invalid(problems, t);
            }
            AgreementRules.Apply(input, agreement, organisations);
            if (!await db.TrySaveAsync(agreement, version))
            {
                return ApiProblems.Conflict(t);
            }
            return TypedResults.Ok(AgreementDocument.From(agreement, clock.Today()));
        }).WithSummary("Replace an agreement's content (draft or proposed only); send the version you read");

        MapStep<ProposeInput>(g, "propose", (a, x, ctx) => Task.FromResult(a.Propose(x.MeetingDate, ctx.Actor)));
        MapStep<WithdrawInput>(g, "withdraw", (a, x, ctx) => Task.FromResult(a.Withdraw(ctx.Actor, x.Note)));
        MapStep<DecideInput>(g, "decide", (a, x, ctx) => Task.FromResult(a.Decide(new Decision
        {
            MadeBy = DecisionMaker.Board,
            BoardId = a.Partnership.BoardId,
            DecidedOn = x.DecidedOn,
            Paragraph = x.Paragraph,
            CaseNumber = x.CaseNumber,
            Summary = string.IsNullOrWhiteSpace(x.Summary) ? a.Title : x.Summary,
        }, ctx.Actor)));
        MapStep<SignInput>(g, "sign", (a, x, ctx) =>
        {
            var party = a.Parties.FirstOrDefault(p => p.Id == x.PartyId);
            return Task.FromResult(party is null ? new Message("That party is not a party to this agreement.") : a.Sign(party, x.SignedOn, ctx.Actor));
        });
        MapStep<ExtendInput>(g, "extend", (a, x, ctx) => Task.FromResult(a.Extend(x.NewEndDate, new Decision
        {
            MadeBy = DecisionMaker.Board,
            BoardId = a.Partnership.BoardId,
            DecidedOn = x.DecidedOn,
            Paragraph = x.Paragraph,
            CaseNumber = x.CaseNumber ?? a.Partnership.CaseNumber,
            Summary = $"Förlängning av {a.Title} till och med {Format.Date(x.NewEndDate)}",
        }, ctx.Today, ctx.Actor)));
        MapStep<TerminateInput>(g, "terminate", (a, x, ctx) =>
            Task.FromResult(x.GivenByOrganisationId is { } org && a.Parties.All(p => p.OrganisationId != org)
                ? new Message("That party is not a party to this agreement.")
                : a.Terminate(x.NoticeReceivedOn, x.GivenByOrganisationId, ctx.Today, ctx.Actor)));

        MapStep<AddTargetInput>(g, "targets", (a, x, ctx) =>
            Task.FromResult(x.Target?.ResponsibleOrganisationId is { } org && a.Parties.All(p => p.OrganisationId != org)
                ? new Message("The party responsible for reporting must be a party to the agreement.")
                : TargetsLater.Add(a, x, ctx.Actor)));

        g.MapGet("/{id:int}/docx", async Task<Results<FileContentHttpResult, NotFound>> (int id, ClaimsPrincipal user, PartnershipAccess access, AppDbContext db, IMemoryCache cache, TimeProvider clock) =>
        {
            if (await access.ReadVisibleAsync(db, cache, user, id) is not { } read)
            {
                return TypedResults.NotFound();
            }
            var today = clock.Today();
            var bytes = await cache.CachedAsync(("docx", read.Agreement.Id, read.Stamp, today), () => Task.FromResult(AgreementDocx.Create(read.Agreement, today)));
            return TypedResults.File(bytes, AgreementDocx.ContentType, AgreementDocx.FileName(read.Agreement));
        }).WithSummary("The agreement as a Word document");
    }

    private sealed record StepContext(Actor Actor, DateOnly Today);

    /// <summary>A step of the agreement's life: same rules and permission as the page's buttons.</summary>
    private static void MapStep<TInput>(RouteGroupBuilder g, string name, Func<Agreement, TInput, StepContext, Task<Message?>> step) =>
        g.MapPost($"/{{id:int}}/{name}", async Task<Results<Ok<AgreementDocument>, NotFound, ProblemHttpResult>> (
            int id, TInput input, ClaimsPrincipal user, PartnershipAccess access, AppDbContext db, TimeProvider clock, IStringLocalizer<Texts> t, IFileStore files) =>
        {
            var agreement = await access.FindVisibleAsync(db, user, id);
            if (agreement is null)
            {
                return TypedResults.NotFound();
            }
            if (PartnershipAccess.Check(user, agreement.Partnership, PartnershipOperation.Edit) is { } denied)
            {
                return TypedResults.Problem(t.Say(denied), statusCode: StatusCodes.Status403Forbidden);
            }
            var ctx = new StepContext(Actor.Of(user, clock), clock.Today());
            var before = agreement.Stage;
            if (await step(agreement, input, ctx) is { } refused)
            {
                return ApiProblems.Refused(refused, t);
            }
            await AgreementEditing.RegisterIfSignedAsync(db, files, agreement, before, user.DisplayNameOf(), clock);
            try
            {
                await db.SaveChangesAsync();
            }
            catch (DbUpdateConcurrencyException)
            {
                return ApiProblems.Conflict(t);
            }
            return TypedResults.Ok(AgreementDocument.From(agreement, ctx.Today));
        }).WithTags("Agreements").WithSummary($"Lifecycle step: {name}");

    private static async Task<Dictionary<int, Organisations.Organisation>> OrganisationsFor(AppDbContext db, AgreementDocument d)
    {
        var ids = (d.Parties ?? []).Select(p => p.OrganisationId)
            .Concat((d.Goals ?? []).SelectMany(g => g.ExpectedResults ?? []).Select(r => r.ResponsibleOrganisationId ?? 0))
            .Where(i => i > 0).Distinct().ToList();
        return await db.Organisations.Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id);
    }
}
