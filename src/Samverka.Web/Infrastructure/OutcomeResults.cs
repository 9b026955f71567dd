using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Samverka.Web.Infrastructure;

/// <summary>The stable problem types the API answers with, besides the localised title: clients decide on these, never on the text.</summary>
public static class ProblemTypes
{
    public const string Base = "https://samverka.se/problems/";
    public const string NotFound = Base + "not-found";
    public const string Forbidden = Base + "forbidden";
    public const string Validation = Base + "validation";
    public const string Refused = Base + "refused";
    public const string Conflict = Base + "conflict";

    public static string Of(OutcomeStatus kind) => kind switch
    {
        OutcomeStatus.NotFound => NotFound,
        OutcomeStatus.Forbidden => Forbidden,
        OutcomeStatus.Invalid => Validation,
        OutcomeStatus.Conflict => Conflict,
        _ => Refused,
    };

    public static int Status(OutcomeStatus kind) => kind switch
    {
        OutcomeStatus.NotFound => StatusCodes.Status404NotFound,
        OutcomeStatus.Forbidden => StatusCodes.Status403Forbidden,
        OutcomeStatus.Conflict => StatusCodes.Status409Conflict,
        _ => StatusCodes.Status400BadRequest,
    };
}

/// <summary>An outcome as the API answers it: the view when done, ProblemDetails (with a stable type) otherwise.</summary>
public static class ApiOutcomes
{
    public static Results<Ok<TView>, ProblemHttpResult, ValidationProblem> ToOk<T, TView>(this Outcome<T> outcome, IStringLocalizer t, Func<T, TView> view) =>
        outcome.IsDone ? TypedResults.Ok(view(outcome.Value))
        : outcome.Kind == OutcomeStatus.Invalid ? Invalid(outcome.Failure, t) : Problem(outcome.Failure, t);

    public static Results<Created<TView>, ProblemHttpResult, ValidationProblem> ToCreated<T, TView>(this Outcome<T> outcome, IStringLocalizer t, Func<T, string> location, Func<T, TView> view) =>
        outcome.IsDone ? TypedResults.Created(location(outcome.Value), view(outcome.Value))
        : outcome.Kind == OutcomeStatus.Invalid ? Invalid(outcome.Failure, t) : Problem(outcome.Failure, t);

    /// <summary>Field problems as a ValidationProblem: the field's path and its messages.</summary>
    public static ValidationProblem Invalid(Failure failure, IStringLocalizer t) =>
        TypedResults.ValidationProblem(
            failure.Problems.GroupBy(p => p.Field).ToDictionary(g => g.Key, g => g.Select(p => t.Say(p.Message)).ToArray()),
            title: t["The input has errors; nothing was saved."], type: ProblemTypes.Validation);

    /// <summary>Any other failure: not found, forbidden (with the reason), refused, conflict.</summary>
    /// <summary>The reason both as the title and as the detail, where clients that show only one of them look for it.</summary>
    public static ProblemHttpResult Problem(Failure failure, IStringLocalizer t)
    {
        var said = failure.Message is { } m ? t.Say(m) : null;
        return TypedResults.Problem(detail: said, title: said, statusCode: ProblemTypes.Status(failure.Kind), type: ProblemTypes.Of(failure.Kind));
    }

    public static ProblemHttpResult NotFound(IStringLocalizer t) =>
        TypedResults.Problem(title: t["Not found."], statusCode: StatusCodes.Status404NotFound, type: ProblemTypes.NotFound);
}

/// <summary>An outcome as a page shows it: messages beside their fields (or in the summary), the page again, nothing saved.</summary>
public static class PageOutcomes
{
    /// <summary>Puts the failure's messages into ModelState; <paramref name="fieldKey"/> maps an API field to the form field it came from.</summary>
    public static void AddTo(this Failure failure, ModelStateDictionary modelState, IStringLocalizer t, Func<string, string?>? fieldKey = null)
    {
        if (failure.Kind == OutcomeStatus.Invalid)
        {
            foreach (var p in failure.Problems)
            {
                modelState.AddModelError(fieldKey?.Invoke(p.Field) ?? "", t.Say(p.Message));
            }
            return;
        }
        // A page's user can open the page again; an API client fetches again: each gets the words for what they can do.
        modelState.AddModelError("", failure.Kind == OutcomeStatus.Conflict ? t[PageConflictText] : failure.Message is { } m ? t.Say(m) : t["Not allowed."]);
    }

    /// <summary>
    /// The failure's messages into ModelState, and for "not allowed" and "changed meanwhile" the status the API gives
    /// the same refusal, so that whoever reads the answer (a client, the authorization matrix) tells them from a form
    /// with a mistake in it. The page is then shown again with the reason.
    /// </summary>
    public static void Refuse(this PageModel page, Failure failure, IStringLocalizer t, Func<string, string?>? fieldKey = null)
    {
        failure.AddTo(page.ModelState, t, fieldKey);
        if (failure.Kind is OutcomeStatus.Forbidden or OutcomeStatus.Conflict)
        {
            page.Response.StatusCode = ProblemTypes.Status(failure.Kind);
        }
    }

    /// <summary>The reason the user may not do what the page is for, to show on it (read-only), under 403; null when they may.</summary>
    public static string? Deny(this PageModel page, Message? denied, IStringLocalizer t)
    {
        if (denied is null)
        {
            return null;
        }
        page.Response.StatusCode = StatusCodes.Status403Forbidden;
        return t.Say(denied);
    }

    public const string PageConflictText = "Someone else changed this while you were editing; nothing was saved. Open it again to see their change, then repeat yours.";

    /// <summary>
    /// Done: "Saved." and <paramref name="next"/> (usually a redirect). Not found: 404. Otherwise the messages and
    /// <paramref name="reshow"/>, which loads what the page shows and returns it.
    /// </summary>
    public static async Task<IActionResult> ShowAsync<T>(this PageModel page, Outcome<T> outcome, IStringLocalizer t, Func<T, IActionResult> next,
        Func<Task<IActionResult>> reshow, Func<string, string?>? fieldKey = null, Func<T, string>? done = null)
    {
        if (outcome.IsDone)
        {
            page.TempData["Done"] = done?.Invoke(outcome.Value) ?? t["Saved."].Value;
            return next(outcome.Value);
        }
        if (outcome.Kind == OutcomeStatus.NotFound)
        {
            return page.NotFound();
        }
        page.Refuse(outcome.Failure, t, fieldKey);
        return await reshow();
    }
}
