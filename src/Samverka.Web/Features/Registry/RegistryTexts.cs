namespace Samverka.Web.Features.Registry;

public static class RegistryTexts
{
    public static string Kind(DocumentKind k) => k switch
    {
        DocumentKind.Agreement => "Agreement",
        DocumentKind.Amendment => "Amendment",
        DocumentKind.Minutes => "Minutes",
        DocumentKind.PartnerReport => "Partner report",
        DocumentKind.Decision => "Decision",
        DocumentKind.Letter => "Letter",
        _ => "Other",
    };

    public static string Direction(Direction d) => d switch
    {
        Registry.Direction.Received => "Received",
        Registry.Direction.Sent => "Sent",
        _ => "Drawn up",
    };
}
