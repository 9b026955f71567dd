namespace Samverka.Web.Infrastructure;

/// <summary>The longest text each kind of field takes: declared once, used by the EF mappings and by <see cref="InputCheck"/>.</summary>
public static class TextLimit
{
    /// <summary>A paragraph number such as "§ 12".</summary>
    public const int Code = 20;
    public const int CaseNumber = 50;
    public const int Unit = 100;
    public const int FileName = 200;
    /// <summary>Titles, names, a party or a short note.</summary>
    public const int Short = 300;
    /// <summary>A registry entry's description.</summary>
    public const int Description = 1000;
    /// <summary>A paragraph of text: a goal's problem, a deviation's reason.</summary>
    public const int Medium = 4000;
    /// <summary>A section of an agreement, an agenda, minutes.</summary>
    public const int Long = 20000;
}

/// <summary>
/// Collects what is wrong with an input, field by field, for every step: required values, text limits and characters
/// that cannot go into a document (control characters; tab and line breaks only where a text may have several lines).
/// </summary>
public sealed class InputCheck
{
    private readonly List<FieldProblem> problems = [];

    public IReadOnlyList<FieldProblem> Problems => problems;

    public bool IsValid => problems.Count == 0;

    public static readonly Message RequiredMessage = new("This field is required.");

    public InputCheck Add(string field, Message message)
    {
        problems.Add(new FieldProblem(field, message));
        return this;
    }

    public InputCheck Add(IEnumerable<FieldProblem> more)
    {
        problems.AddRange(more);
        return this;
    }

    public InputCheck Required<T>(string field, T? value) where T : struct =>
        value is null ? Add(field, RequiredMessage) : this;

    /// <summary>A text within its limit; <paramref name="multiline"/> allows tab and line breaks.</summary>
    public InputCheck Text(string field, string? value, int max, bool required = false, bool multiline = false)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return required ? Add(field, RequiredMessage) : this;
        }
        if (value.Length > max)
        {
            return Add(field, new Message("The text is too long: {0} characters, at most {1}.", value.Length, max));
        }
        return HasForbiddenCharacter(value, multiline) ? Add(field, new Message("The text contains control characters that cannot be stored; remove them and try again.")) : this;
    }

    public static bool HasForbiddenCharacter(string value, bool multiline)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsControl(c) && !(multiline && c is '\t' or '\n' or '\r'))
            {
                return true;
            }
            // A lone half of a surrogate pair is not text; a document writer cannot encode it.
            if (char.IsHighSurrogate(c) && (i + 1 == value.Length || !char.IsLowSurrogate(value[i + 1])))
            {
                return true;
            }
            if (char.IsLowSurrogate(c) && (i == 0 || !char.IsHighSurrogate(value[i - 1])))
            {
                return true;
            }
        }
        return false;
    }
}
