using System.Text.RegularExpressions;

namespace Samverka.Tests.Support;

/// <summary>
/// What a reader must never see (issue 20, item 9): a template whose values were not filled in, and, in Swedish, the
/// framework's English messages (model binding, validation, ProblemDetails titles, JSON errors).
/// </summary>
public static partial class Language
{
    private static readonly string[] EnglishFramework =
    [
        "The value '", "is not valid", "field is required", "is invalid", "must be a number", "Enter a number", "One or more validation errors",
        "An error occurred", "could not be converted", "Bad Request", "Not Found", "Unsupported Media Type", "Method Not Allowed", "Internal Server Error",
        "request body", "JSON value", "LineNumber", "BytePositionInLine", "Unprocessable", "Conflict", "Forbidden", "Unauthorized", "Payload Too Large",
        "This field is required", "not valid here",
    ];

    [GeneratedRegex(@"\{\d+(:[^{}]*)?\}")]
    private static partial Regex Placeholder();

    public static IEnumerable<string> Problems(string text, bool swedish)
    {
        foreach (Match m in Placeholder().Matches(text))
        {
            yield return $"a placeholder left in the text: …{Around(text, m.Index)}…";
        }
        if (!swedish)
        {
            yield break;
        }
        foreach (var phrase in EnglishFramework)
        {
            var at = text.IndexOf(phrase, StringComparison.Ordinal);
            if (at >= 0)
            {
                yield return $"English text in Swedish: …{Around(text, at)}…";
            }
        }
    }

    private static string Around(string text, int at) => text.Substring(Math.Max(0, at - 60), Math.Min(text.Length - Math.Max(0, at - 60), 140)).ReplaceLineEndings(" ");
}
