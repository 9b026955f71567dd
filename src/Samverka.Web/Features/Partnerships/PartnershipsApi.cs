using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Samverka.Web.Data;
using Samverka.Web.Features.Agreements;
using Samverka.Web.Features.Organisations;

namespace Samverka.Web.Features.Partnerships;

/// <summary>A partnership to start; with <c>History</c>, one that has already run, possibly under a board that has since ended or been succeeded.</summary>
public sealed record PartnershipInput(string Name, int BoardId, int OrganisationId, string? CaseNumber, string? Description, bool History = false);
public sealed record PartnershipView(int Id, string Name, int BoardId, string Board, int OrganisationId, string Organisation, string? CaseNumber, string? Description, Guid Version, List<AgreementRow> Agreements);

public static class PartnershipsApi
{
    public static void MapPartnershipsApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/partnerships").WithTags("Partnerships");

        g.MapGet("/", async Task<Ok<PortfolioView>> (int? boardId, AgreementStatus? status, int? year, ClaimsPrincipal user, PartnershipAccess access, TimeProvider clock, AppDbContext db, IConfiguration config) =>
            TypedResults.Ok(await (await Portfolio.LoadAsync(await access.VisibleAsync(user), boardId, status, year, clock.Today()))
                .WithFulfilmentAsync(db, year, clock.Today(), Results.Fulfilment.PartlyMetFromPercent(config))))
            .WithSummary("The portfolio: partnerships with their current agreement, the total granted per year, and with a year chosen each agreement's goal fulfilment that year");

        g.MapGet("/{id:int}", async Task<Results<Ok<PartnershipView>, NotFound>> (int id, ClaimsPrincipal user, PartnershipAccess access, TimeProvider clock) =>
        {
            var p = await (await access.VisibleAsync(user)).AsNoTracking().Include(x => x.Board).Include(x => x.Organisation).FirstOrDefaultAsync(x => x.Id == id);
            if (p is null)
            {
                return TypedResults.NotFound();
            }
            var today = clock.Today();
            var agreements = await (await access.VisibleAgreementsAsync(user)).AsNoTracking().Where(a => a.PartnershipId == id).OrderBy(a => a.StartDate)
                .Select(a => new { a.Id, a.Title, a.Stage, a.StartDate, a.EndDate, a.AnnualGrant, Extended = a.Extensions.Any() }).ToListAsync();
            return TypedResults.Ok(new PartnershipView(p.Id, p.Name, p.BoardId, p.Board.Name, p.OrganisationId, p.Organisation.Name, p.CaseNumber, p.Description, p.Version,
                [.. agreements.Select(a => new AgreementRow(a.Id, id, a.Title, Agreement.StatusFor(a.Stage, a.StartDate, a.EndDate, a.Extended, today), a.StartDate, a.EndDate, a.AnnualGrant))]));
        }).WithSummary("One partnership with its agreements");

        g.MapPost("/", async Task<Results<Created<PartnershipView>, ProblemHttpResult, ValidationProblem>> (PartnershipInput? input, ClaimsPrincipal user, PartnershipSteps steps, AppDbContext db, IStringLocalizer<Texts> t) =>
        {
            var outcome = input is null ? Outcome.Invalid("", new Message("Send the input as JSON in the request body.")) : await steps.StartAsync(user, input);
            if (outcome.IsDone)
            {
                await db.Entry(outcome.Value).Reference(x => x.Board).LoadAsync();
                await db.Entry(outcome.Value).Reference(x => x.Organisation).LoadAsync();
            }
            return outcome.ToCreated(t, p => $"/api/partnerships/{p.Id}",
                p => new PartnershipView(p.Id, p.Name, p.BoardId, p.Board.Name, p.OrganisationId, p.Organisation.Name, p.CaseNumber, p.Description, p.Version, []));
        }).WithSummary("Start a partnership between a board and an organisation");
    }
}

public static class PartnershipRules
{
    /// <summary>The input's problems, and its case number as the board writes it.</summary>
    public static async Task<(List<FieldProblem> Problems, string? CaseNumber)> ValidateAsync(PartnershipInput input, AppDbContext db)
    {
        var problems = new InputCheck()
            .Text("name", input.Name, TextLimit.Short, required: true)
            .Text("description", input.Description, TextLimit.Medium, multiline: true)
            .Text("caseNumber", input.CaseNumber, TextLimit.CaseNumber)
            .Problems.ToList();
        var board = await db.Boards.FindAsync(input.BoardId);
        if (board is null)
        {
            problems.Add(new("boardId", new Message("Choose a board.")));
        }
        if (!await db.Organisations.AnyAsync(o => o.Id == input.OrganisationId && o.Kind == OrganisationKind.NonProfit))
        {
            problems.Add(new("organisationId", new Message("Choose a non-profit organisation from the register.")));
        }
        string? caseNumber = null;
        if (board is not null && problems.All(p => p.Field != "caseNumber"))
        {
            (caseNumber, var problem) = await Boards.CaseNumbers.CheckAsync(db, board.Id, input.CaseNumber);
            if (problem is not null)
            {
                problems.Add(new("caseNumber", problem));
            }
        }
        return (problems, caseNumber);
    }

    public static Partnership Create(PartnershipInput input, string? caseNumber) => new()
    {
        Name = input.Name.Trim(),
        BoardId = input.BoardId,
        OrganisationId = input.OrganisationId,
        CaseNumber = caseNumber,
        Description = string.IsNullOrWhiteSpace(input.Description) ? null : input.Description.Trim(),
    };
}
