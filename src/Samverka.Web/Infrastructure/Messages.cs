namespace Samverka.Web.Infrastructure;

/// <summary>
/// A text for the user: an English key (localised on display through Resources/sv.json) and its arguments. Steps
/// return one when they refuse, rules when a value is wrong, pages when they confirm; code never reads its text to
/// decide anything (the outcome's kind and the field do that).
/// </summary>
[System.Text.Json.Serialization.JsonConverter(typeof(MessageJsonConverter))]
public sealed record Message(string Text, params object[] Args);

/// <summary>A problem with one field of the input: the field's path as the API names it (camelCase) and the message.</summary>
public sealed record FieldProblem(string Field, Message Message);
