using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace Samverka.Web.Infrastructure;

/// <summary>Marker for the app's one set of UI texts (Resources/sv.json).</summary>
public sealed class Texts;

public static class ApiProblems
{
    public static string Say(this IStringLocalizer t, Message r) => t[r.Text, r.Args];

    public static ValidationProblem Invalid(IEnumerable<FieldProblem> problems, IStringLocalizer t) =>
        TypedResults.ValidationProblem(
            problems.GroupBy(p => p.Field).ToDictionary(g => g.Key, g => g.Select(p => t.Say(p.Message)).ToArray()),
            title: t["The input has errors; nothing was saved."]);

    public static ProblemHttpResult Refused(Message r, IStringLocalizer t) =>
        TypedResults.Problem(title: t.Say(r), statusCode: StatusCodes.Status400BadRequest);

    public static ProblemHttpResult Conflict(IStringLocalizer t) =>
        TypedResults.Problem(
            title: t["Someone else changed this in the meantime; nothing was saved. Fetch it again and repeat your change."],
            statusCode: StatusCodes.Status409Conflict);
}
