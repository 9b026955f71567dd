namespace Samverka.Web.Features.Decisions;

public enum DecisionMaker
{
    Board,
    SteeringGroup,
    /// <summary>An official deciding on delegation from the board.</summary>
    Delegation,
    /// <summary>The sources say a decision was made but not by whom.</summary>
    NotStated,
}

/// <summary>
/// One decision, wherever it was taken. Agreements, extensions, targets added later, and (later)
/// deviations and reports all point here, so there is one place that says who decided what, when.
/// </summary>
public class Decision
{
    public int Id { get; set; }
    public DecisionMaker MadeBy { get; set; }
    public int? BoardId { get; set; }

    /// <summary>The date of the meeting or decision; null when the sources do not say.</summary>
    public DateOnly? DecidedOn { get; set; }

    /// <summary>Paragraph in the minutes, e.g. "§ 12".</summary>
    public string? Paragraph { get; set; }
    public string? CaseNumber { get; set; }
    public required string Summary { get; set; }
}
