namespace Samverka.Web.Infrastructure;

public static class Strings
{
    /// <summary>Trimmed text, or null for empty or white space: a blank form field means "not stated".</summary>
    public static string? NullIfBlank(this string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
