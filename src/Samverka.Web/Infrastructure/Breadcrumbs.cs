using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace Samverka.Web.Infrastructure;

/// <summary>One step back towards the start page; the layout adds the page itself (its title) as the last.</summary>
public sealed record Crumb(string Text, string Href);

/// <summary>Where a page sits: each page names the pages above it, the layout draws the trail once.</summary>
public static class Breadcrumbs
{
    private const string Key = "Samverka.Crumbs";

    // Fixed arities: a params array would make each target-typed new(...) ambiguous.
    public static void Crumbs(this ViewDataDictionary viewData, Crumb a) => viewData[Key] = new[] { a };

    public static void Crumbs(this ViewDataDictionary viewData, Crumb a, Crumb b) => viewData[Key] = new[] { a, b };

    public static void Crumbs(this ViewDataDictionary viewData, Crumb a, Crumb b, Crumb c) => viewData[Key] = new[] { a, b, c };

    public static void Crumbs(this ViewDataDictionary viewData, Crumb a, Crumb b, Crumb c, Crumb d) => viewData[Key] = new[] { a, b, c, d };

    public static IReadOnlyList<Crumb> Of(ViewDataDictionary viewData) => viewData[Key] as Crumb[] ?? [];
}
