namespace Samverka.Web.Features.Results;

/// <summary>Text keys for the results enums.</summary>
public static class ResultTexts
{
    public static string Status(ReportStatus s) => s switch
    {
        ReportStatus.Draft => "Draft",
        ReportStatus.Submitted => "Submitted",
        ReportStatus.Approved => "Approved",
        _ => "Returned",
    };

    public static string Kind(FigureKind k) => k switch
    {
        FigureKind.Event => "Event",
        FigureKind.DropInVisits => "Drop-in visits",
        FigureKind.Participants => "Programme participants",
        FigureKind.Outcome => "Outcome",
        FigureKind.PeopleReached => "People reached",
        FigureKind.Survey => "Before/after survey",
        _ => "Gender split",
    };

    public static string Event(EventKind k) => k switch
    {
        EventKind.Fair => "Fair",
        EventKind.DropInSession => "Drop-in session",
        EventKind.RecruitmentMeeting => "Recruitment meeting",
        EventKind.MentorshipProgramme => "Mentorship programme",
        EventKind.StudyPlace => "Study place",
        EventKind.SummerJobGroup => "Summer-job group",
        EventKind.InformationStand => "Information stand",
        _ => "Other",
    };

    public static string Outcome(OutcomeKind k) => k switch
    {
        OutcomeKind.RegisteredAtJobbtorg => "Registered at Jobbtorg",
        OutcomeKind.UnsubsidisedWork => "Left for unsubsidised work",
        OutcomeKind.SubsidisedWork => "Left for subsidised work",
        _ => "Left for studies",
    };

    public static string Fulfilment(FulfilmentStatus s) => s switch
    {
        FulfilmentStatus.Met => "Met",
        FulfilmentStatus.PartlyMet => "Partly met",
        FulfilmentStatus.NotMet => "Not met",
        FulfilmentStatus.NotReported => "Not reported",
        _ => "Not yet measurable",
    };
}
