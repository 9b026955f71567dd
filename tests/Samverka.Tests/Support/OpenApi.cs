using System.Text.Json;

namespace Samverka.Tests.Support;

/// <summary>Reading the app's OpenAPI document for the tests that generate requests from it.</summary>
public static class OpenApi
{
    /// <summary>
    /// The schema a value must have: references followed, and of a "null or X" choice (how a nullable body or property
    /// is written) the X.
    /// </summary>
    public static JsonElement Resolve(JsonElement document, JsonElement schema)
    {
        while (true)
        {
            if (schema.TryGetProperty("$ref", out var r))
            {
                schema = document.GetProperty("components").GetProperty("schemas").GetProperty(r.GetString()!.Split('/')[^1]);
            }
            else if ((schema.TryGetProperty("oneOf", out var choice) || schema.TryGetProperty("anyOf", out choice))
                && choice.EnumerateArray().FirstOrDefault(c => !IsNull(c)) is { ValueKind: JsonValueKind.Object } other)
            {
                schema = other;
            }
            else
            {
                return schema;
            }
        }
    }

    /// <summary>The document's operation for a route template ("/api/meetings/{id:int}/") and method, if it lists one.</summary>
    public static JsonElement? Operation(JsonElement document, string template, string method)
    {
        var path = System.Text.RegularExpressions.Regex.Replace(template, @"\{(\w+)(:\w+)*\??\}", "{$1}").TrimEnd('/');
        var paths = document.GetProperty("paths");
        return (paths.TryGetProperty(path, out var item) || paths.TryGetProperty(path + "/", out item)) && item.TryGetProperty(method.ToLowerInvariant(), out var operation)
            ? operation : null;
    }

    /// <summary>The schema's type: of a list of types, the first that is not "null"; an object when it names none.</summary>
    public static string TypeOf(JsonElement schema) =>
        !schema.TryGetProperty("type", out var t) ? "object"
        : t.ValueKind == JsonValueKind.String ? t.GetString()!
        : t.EnumerateArray().Select(x => x.GetString()!).First(x => x != "null");

    public static bool HasType(JsonElement schema, string type) =>
        schema.TryGetProperty("type", out var t) && (t.ValueKind == JsonValueKind.String ? t.GetString() == type : t.EnumerateArray().Any(x => x.GetString() == type));

    private static bool IsNull(JsonElement schema) => schema.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String && t.GetString() == "null";
}
