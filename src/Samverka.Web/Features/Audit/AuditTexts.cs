using System.Text.Json;

namespace Samverka.Web.Features.Audit;

/// <summary>How the history page names records and shows changes.</summary>
public static class AuditTexts
{
    public static string Entity(string type) => type switch
    {
        "Partnership" => "Partnership",
        "Agreement" => "Agreement",
        "AgreementParty" => "Party",
        "Goal" => "Goal",
        "ExpectedResult" => "Expected result",
        "Activity" => "Activity",
        "BudgetLine" => "Budget line",
        "GroupMember" => "Group member",
        "AgreementEvent" => "Step in the agreement's life",
        "ResultReport" => "Reporting period",
        "Figure" => "Figure",
        "FigureTarget" => "Figure's target",
        "ReportEvent" => "Review step",
        "TargetExplanation" => "Explanation",
        "Decision" => "Decision",
        _ => type,
    };

    public static string Action(AuditAction a) => a switch
    {
        AuditAction.Added => "Added",
        AuditAction.Modified => "Changed",
        _ => "Removed",
    };

    /// <summary>The stored changes as (property, from, to) for display.</summary>
    public static IEnumerable<(string Property, string From, string To)> Changes(string json)
    {
        using var doc = JsonDocument.Parse(json);
        foreach (var p in doc.RootElement.EnumerateObject())
        {
            var values = p.Value.EnumerateArray().Select(v => v.ValueKind == JsonValueKind.Null ? "–" : v.ToString()).ToList();
            yield return (p.Name, values.ElementAtOrDefault(0) ?? "–", values.ElementAtOrDefault(1) ?? "–");
        }
    }
}
