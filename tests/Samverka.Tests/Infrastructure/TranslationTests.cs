using System.Text.RegularExpressions;

namespace Samverka.Tests.Infrastructure;

/// <summary>Every UI text the code uses has a Swedish translation: Swedish is the default language.</summary>
public partial class TranslationTests
{
    [Fact]
    public void EveryTextInTheCode_HasSwedish()
    {
        var swedish = JsonStringLocalizerFactory.LoadSwedish();
        var root = FindSource();
        var missing = new SortedSet<string>();
        foreach (var file in Directory.EnumerateFiles(root, "*.*", SearchOption.AllDirectories)
                     .Where(f => (f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal))
                                 && !f.Contains("/bin/", StringComparison.Ordinal) && !f.Contains("/obj/", StringComparison.Ordinal) && !f.Contains("Migrations", StringComparison.Ordinal)))
        {
            var text = File.ReadAllText(file);
            var patterns = new List<Regex> { Localized(), Refusals(), ErrorMessages() };
            if (file.EndsWith("Texts.cs", StringComparison.Ordinal))
            {
                patterns.Add(TextTables()); // AgreementTexts, ResultTexts: enum value → text key
            }
            foreach (var regex in patterns)
            {
                foreach (Match m in regex.Matches(text))
                {
                    var key = m.Groups[1].Value.Replace("\\\"", "\"", StringComparison.Ordinal);
                    if (key.Length > 0 && !swedish.ContainsKey(key))
                    {
                        missing.Add($"{Path.GetFileName(file)}: {key}");
                    }
                }
            }
        }
        Assert.True(missing.Count == 0, "Missing in Resources/sv.json:\n" + string.Join("\n", missing));
    }

    private static string FindSource()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Samverka.slnx")))
        {
            dir = dir.Parent;
        }
        return Path.Combine(dir?.FullName ?? throw new InvalidOperationException("Samverka.slnx not found"), "src", "Samverka.Web");
    }

    [GeneratedRegex("""\b[Tt]\["((?:[^"\\]|\\.)*)"[,\]]""")]
    private static partial Regex Localized();

    [GeneratedRegex("""new Message\("((?:[^"\\]|\\.)*)"[,)]""")]
    private static partial Regex Refusals();

    [GeneratedRegex("""=> "((?:[^"\\]|\\.)*)"[,;]""")]
    private static partial Regex TextTables();

    [GeneratedRegex("""ErrorMessage = "((?:[^"\\]|\\.)*)"[,)]""")]
    private static partial Regex ErrorMessages();
}
