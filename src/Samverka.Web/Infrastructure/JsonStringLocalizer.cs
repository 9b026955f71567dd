using System.Collections.Frozen;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Localization;

namespace Samverka.Web.Infrastructure;

/// <summary>
/// UI texts: the key is the English text; Resources/sv.json gives the Swedish. One file for the whole app keeps
/// every translation in one place, and a test checks that every key the code uses has a Swedish text.
/// </summary>
public sealed class JsonStringLocalizerFactory : IStringLocalizerFactory
{
    private readonly JsonStringLocalizer localizer = new(LoadSwedish());

    public static FrozenDictionary<string, string> LoadSwedish()
    {
        using var stream = typeof(JsonStringLocalizerFactory).Assembly.GetManifestResourceStream("Samverka.Web.Resources.sv.json")
            ?? throw new InvalidOperationException("Resources/sv.json is not embedded.");
        var map = JsonSerializer.Deserialize<Dictionary<string, string>>(stream) ?? [];
        return map.ToFrozenDictionary(StringComparer.Ordinal);
    }

    public IStringLocalizer Create(Type resourceSource) => localizer;

    public IStringLocalizer Create(string baseName, string location) => localizer;
}

public sealed class JsonStringLocalizer(FrozenDictionary<string, string> swedish) : IStringLocalizer
{
    public LocalizedString this[string name] => Localize(name, []);

    public LocalizedString this[string name, params object[] arguments] => Localize(name, arguments);

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) =>
        swedish.Select(kv => new LocalizedString(kv.Key, IsSwedish ? kv.Value : kv.Key));

    private static readonly Lazy<FrozenDictionary<string, string>> Sv = new(JsonStringLocalizerFactory.LoadSwedish);
    private static readonly CultureInfo SwedishCulture = CultureInfo.GetCultureInfo("sv-SE");

    private static readonly Lazy<JsonStringLocalizer> Shared = new(() => new(Sv.Value));

    /// <summary>A message in the current request's language, where no localizer is at hand (the API's JSON).</summary>
    public static string Say(Message m) => Shared.Value[m.Text, m.Args];

    /// <summary>A text in Swedish whatever the request's language: the official documents are written in Swedish.</summary>
    public static string InSwedish(Message m)
    {
        var text = Sv.Value.GetValueOrDefault(m.Text, m.Text);
        return m.Args.Length == 0 ? text : string.Format(SwedishCulture, text, m.Args.Select(a => FormatArgument(a, InSwedish)).ToArray());
    }

    private static bool IsSwedish => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "sv";

    private LocalizedString Localize(string name, object[] arguments)
    {
        var found = swedish.TryGetValue(name, out var sv);
        var text = IsSwedish && found ? sv! : name;
        if (arguments.Length > 0)
        {
            text = string.Format(CultureInfo.CurrentCulture, text, arguments.Select(a => FormatArgument(a, m => Localize(m.Text, m.Args).Value)).ToArray());
        }
        return new LocalizedString(name, text, resourceNotFound: IsSwedish && !found);
    }

    /// <summary>A message within a message ("must state {0}: {1}") is said in the same language.</summary>
    private static object FormatArgument(object a, Func<Message, string> say) => a switch
    {
        Message m => say(m),
        DateOnly d => Format.Date(d),
        decimal m => Format.Number(m),
        _ => a,
    };
}
