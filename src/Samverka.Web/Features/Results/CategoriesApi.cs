using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace Samverka.Web.Features.Results;

/// <summary>The reporting lists: a municipality's and what one agreement reports by.</summary>
public static class CategoriesApi
{
    private static readonly Failure MissingBody = Outcome.Invalid("", new Message("Send the input as JSON in the request body."));

    public static void MapCategoriesApi(this RouteGroupBuilder api)
    {
        var municipalities = api.MapGroup("/municipalities/{id:int}/categories").WithTags("Results");
        municipalities.MapGet("/", async Task<Results<Ok<CategoryListView>, NotFound>> (int id, ReportingCategorySteps steps) =>
            await steps.MunicipalityListsAsync(id) is { } view ? TypedResults.Ok(view) : TypedResults.NotFound())
            .WithSummary("The municipality's reporting lists (age bands, kinds of outcome, kinds of event), with how many figures and targets use each");

        municipalities.MapPut("/", async Task<Results<Ok<CategoryListView>, ProblemHttpResult, ValidationProblem>> (int id, CategoryListInput? input, ClaimsPrincipal user,
            ReportingCategorySteps steps, IStringLocalizer<Texts> t) =>
            (input is null ? MissingBody : await steps.SaveMunicipalityListsAsync(user, id, input)).ToOk(t, v => v))
            .WithSummary("Keep the municipality's lists (an IOP coordinator of one of its boards): send every category in order; one without an id is added, one left out removed. A category in use is retired, never removed or renamed");

        var agreements = api.MapGroup("/agreements/{id:int}/categories").WithTags("Results");
        agreements.MapGet("/", async Task<Results<Ok<AgreementCategoriesView>, NotFound>> (int id, ClaimsPrincipal user, ReportingCategorySteps steps) =>
            await steps.AgreementListsAsync(user, id) is { } view ? TypedResults.Ok(view) : TypedResults.NotFound())
            .WithSummary("What the agreement reports by: the municipality's categories it chose, its own, and the resulting lists (Effective) a figure names by code");

        agreements.MapPut("/", async Task<Results<Ok<AgreementCategoriesView>, ProblemHttpResult, ValidationProblem>> (int id, AgreementCategoriesInput? input, ClaimsPrincipal user,
            ReportingCategorySteps steps, IStringLocalizer<Texts> t) =>
            (input is null ? MissingBody : await steps.SaveAgreementListsAsync(user, id, input)).ToOk(t, v => v))
            .WithSummary("Choose the municipality's categories the agreement reports by (none chosen of a kind: all of it) and keep the agreement's own (the partnership's administration)");
    }
}
