namespace Samverka.Web.Features.Meetings;

public static class MeetingTexts
{
    public static string Status(DeviationStatus s) => s switch
    {
        DeviationStatus.Open => "Open",
        DeviationStatus.Approved => "Approved",
        DeviationStatus.Rejected => "Rejected",
        _ => "Approved with changes",
    };

    public static string Subject(DeviationSubject s) => s switch
    {
        DeviationSubject.Activity => "Activity",
        DeviationSubject.Target => "Expected result",
        _ => "Budget line",
    };
}
