using Samverka.Web.Features.Decisions;

namespace Samverka.Web.Features.Agreements;

/// <summary>A target set during the partnership, with the decision that set it. Shared by the page and the API.</summary>
public sealed record AddTargetInput(int GoalId, ExpectedResultDto Target, DateOnly AddedOn, DecisionMaker DecidedBy, string? Paragraph, string? CaseNumber);

public static class TargetsLater
{
    public static Message? Add(Agreement a, AddTargetInput input, Actor by)
    {
        var goal = a.Goals.FirstOrDefault(g => g.Id == input.GoalId);
        if (goal is null)
        {
            return new Message("Choose one of the agreement's goals.");
        }
        var t = input.Target;
        if (string.IsNullOrWhiteSpace(t.Description) || t.Description.Length > AgreementRules.MediumText)
        {
            return new Message("Describe the target in at most {0} characters.", AgreementRules.MediumText);
        }
        if (input.Paragraph?.Length > 20 || input.CaseNumber?.Length > 50 || t.Unit?.Length > 100 || t.Note?.Length > AgreementRules.MediumText)
        {
            return new Message("The text is too long: {0} characters, at most {1}.", Math.Max(input.Paragraph?.Length ?? 0, input.CaseNumber?.Length ?? 0), 20);
        }
        var decision = new Decision
        {
            MadeBy = input.DecidedBy,
            BoardId = input.DecidedBy == DecisionMaker.Board ? a.Partnership.BoardId : null,
            DecidedOn = input.AddedOn,
            Paragraph = string.IsNullOrWhiteSpace(input.Paragraph) ? null : input.Paragraph.Trim(),
            CaseNumber = string.IsNullOrWhiteSpace(input.CaseNumber) ? a.Partnership.CaseNumber : input.CaseNumber.Trim(),
            Summary = $"Nytt mätetal: {t.Description.Trim()}",
        };
        var target = new ExpectedResult
        {
            Description = t.Description.Trim(),
            Kind = t.Kind,
            TargetValue = t.TargetValue,
            EventCount = t.EventCount,
            Unit = string.IsNullOrWhiteSpace(t.Unit) ? null : t.Unit.Trim(),
            MenSharePercent = t.MenSharePercent,
            WomenSharePercent = t.WomenSharePercent,
            ResponsibleOrganisationId = t.ResponsibleOrganisationId,
            Note = string.IsNullOrWhiteSpace(t.Note) ? null : t.Note.Trim(),
        };
        return a.AddTargetLater(goal, target, input.AddedOn, decision, by);
    }
}
