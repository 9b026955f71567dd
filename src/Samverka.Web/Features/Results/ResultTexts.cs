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

    public static string Fulfilment(FulfilmentStatus s) => s switch
    {
        FulfilmentStatus.Met => "Met",
        FulfilmentStatus.PartlyMet => "Partly met",
        FulfilmentStatus.NotMet => "Not met",
        FulfilmentStatus.NotReported => "Not reported",
        _ => "Not yet measurable",
    };
}
