using Microsoft.AspNetCore.Mvc.RazorPages;
using NetArchTest.Rules;

namespace Samverka.Tests.Infrastructure;

/// <summary>
/// The shape the code keeps (docs/adr/0001, 0008): a feature may use Data, Infrastructure and other features' entities,
/// never another feature's pages or API; Infrastructure knows no feature. A reference that breaks this fails here.
/// </summary>
public class BoundaryTests
{
    private static readonly System.Reflection.Assembly Web = typeof(Program).Assembly;
    private const string Features = "Samverka.Web.Features";

    [Fact]
    public void Infrastructure_UsesNoFeature()
    {
        var result = Types.InAssembly(Web).That().ResideInNamespace("Samverka.Web.Infrastructure").ShouldNot().HaveDependencyOn(Features).GetResult();
        Assert.True(result.IsSuccessful, "Infrastructure uses a feature: " + string.Join(", ", result.FailingTypeNames ?? []));
    }

    [Fact]
    public void NoFeature_UsesAnotherFeaturesPagesOrApi()
    {
        var features = Web.GetTypes().Select(t => t.Namespace).OfType<string>()
            .Where(n => n.StartsWith(Features + ".", StringComparison.Ordinal)).Select(n => n.Split('.')[3]).Distinct().ToList();
        Assert.Contains("Agreements", features);
        var failures = new List<string>();
        foreach (var feature in features)
        {
            // A feature's surface: its page models and its API mapping classes (FooApi).
            var surface = Web.GetTypes()
                .Where(t => t.Namespace == $"{Features}.{feature}" && (typeof(PageModel).IsAssignableFrom(t) || t.Name.EndsWith("Api", StringComparison.Ordinal)))
                .Select(t => t.FullName!).ToArray();
            if (surface.Length == 0)
            {
                continue;
            }
            var result = Types.InAssembly(Web).That().ResideInNamespaceStartingWith(Features + ".").And().DoNotResideInNamespace($"{Features}.{feature}")
                .ShouldNot().HaveDependencyOnAny(surface).GetResult();
            if (!result.IsSuccessful)
            {
                failures.Add($"{feature}'s pages or API used by {string.Join(", ", result.FailingTypeNames ?? [])}");
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public void TheCheck_WouldSeeAViolation()
    {
        // Guards the guard: the rule does see a dependency where one exists (Program composes every feature).
        var result = Types.InAssembly(Web).That().HaveName("Program").ShouldNot().HaveDependencyOn(Features).GetResult();
        Assert.False(result.IsSuccessful);
    }
}
