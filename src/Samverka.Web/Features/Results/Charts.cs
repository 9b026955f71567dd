using System.Globalization;
using System.Net;
using System.Text;

namespace Samverka.Web.Features.Results;

/// <summary>One target's bar; <paramref name="StatusText"/> is the status in words, beside the bar, so colour is never the only sign.</summary>
public sealed record BarRow(string Label, decimal Actual, decimal Target, FulfilmentStatus Status, string StatusText);

public sealed record SplitRow(string Label, decimal MenPercent, decimal WomenPercent);

/// <summary>
/// Charts drawn on the server as SVG: readable without JavaScript, with a title and description for screen readers.
/// The page always shows the same numbers in a table beside the chart.
/// </summary>
public static class Charts
{
    private const int Width = 720; // svg.chart in site.css has the same maximum width
    private const int LabelWidth = 270;
    private const int RowHeight = 34;

    private static string Colour(FulfilmentStatus s) => s switch
    {
        FulfilmentStatus.Met => "#1e6b2f",
        FulfilmentStatus.PartlyMet => "#8a5300",
        FulfilmentStatus.NotMet => "#a4000f",
        _ => "#4a4a4a",
    };

    private static string E(string s) => WebUtility.HtmlEncode(s);

    private static string N(decimal d) => d.ToString("0.#", CultureInfo.InvariantCulture);

    /// <summary>Actual against target, one bar per target; the target is a vertical mark.</summary>
    public static string TargetBars(string id, string title, string description, IReadOnlyList<BarRow> rows)
    {
        var height = 30 + rows.Count * RowHeight;
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"""<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="{id}-t {id}-d" viewBox="0 0 {Width} {height}" width="100%" class="chart">""");
        sb.Append(CultureInfo.InvariantCulture, $"""<title id="{id}-t">{E(title)}</title><desc id="{id}-d">{E(description)}</desc>""");
        var plot = Width - LabelWidth - 190;
        for (var i = 0; i < rows.Count; i++)
        {
            var r = rows[i];
            var max = Math.Max(Math.Max(r.Target, r.Actual), 1);
            var y = 10 + i * RowHeight;
            var bar = (int)Math.Round(plot * (r.Actual / max));
            var mark = LabelWidth + (int)Math.Round(plot * (r.Target / max));
            var label = r.Label.Length > 34 ? r.Label[..33] + "…" : r.Label;
            sb.Append(CultureInfo.InvariantCulture, $"""<text x="0" y="{y + 17}" font-size="13" fill="#1b1b1b">{E(label)}</text>""");
            sb.Append(CultureInfo.InvariantCulture, $"""<rect x="{LabelWidth}" y="{y + 4}" width="{plot}" height="18" fill="#eef1f4"/>""");
            sb.Append(CultureInfo.InvariantCulture, $"""<rect x="{LabelWidth}" y="{y + 4}" width="{bar}" height="18" fill="{Colour(r.Status)}"/>""");
            sb.Append(CultureInfo.InvariantCulture, $"""<line x1="{mark}" x2="{mark}" y1="{y}" y2="{y + 26}" stroke="#1b1b1b" stroke-width="2"/>""");
            sb.Append(CultureInfo.InvariantCulture, $"""<text x="{LabelWidth + plot + 6}" y="{y + 17}" font-size="13" fill="#1b1b1b">{N(r.Actual)}/{N(r.Target)} {E(r.StatusText)}</text>""");
        }
        sb.Append("</svg>");
        return sb.ToString();
    }

    /// <summary>The gender split over time as 100 % bars (men, then women), with the target split as a mark.</summary>
    public static string GenderSplit(string id, string title, string description, IReadOnlyList<SplitRow> rows, decimal targetMenPercent, string men, string women)
    {
        var height = 50 + rows.Count * RowHeight;
        var plot = Width - LabelWidth - 20;
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"""<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="{id}-t {id}-d" viewBox="0 0 {Width} {height}" width="100%" class="chart">""");
        sb.Append(CultureInfo.InvariantCulture, $"""<title id="{id}-t">{E(title)}</title><desc id="{id}-d">{E(description)}</desc>""");
        for (var i = 0; i < rows.Count; i++)
        {
            var r = rows[i];
            var y = 10 + i * RowHeight;
            var m = (int)Math.Round(plot * r.MenPercent / 100m);
            var w = (int)Math.Round(plot * r.WomenPercent / 100m);
            sb.Append(CultureInfo.InvariantCulture, $"""<text x="0" y="{y + 17}" font-size="13" fill="#1b1b1b">{E(r.Label)}</text>""");
            sb.Append(CultureInfo.InvariantCulture, $"""<rect x="{LabelWidth}" y="{y + 4}" width="{m}" height="18" fill="#00558c"/>""");
            sb.Append(CultureInfo.InvariantCulture, $"""<text x="{LabelWidth + 6}" y="{y + 17}" font-size="12" fill="#ffffff">{E(men)} {N(r.MenPercent)} %</text>""");
            sb.Append(CultureInfo.InvariantCulture, $"""<rect x="{LabelWidth + m}" y="{y + 4}" width="{w}" height="18" fill="#b5d3e8"/>""");
            sb.Append(CultureInfo.InvariantCulture, $"""<text x="{LabelWidth + m + 6}" y="{y + 17}" font-size="12" fill="#1b1b1b">{E(women)} {N(r.WomenPercent)} %</text>""");
        }
        var mark = LabelWidth + (int)Math.Round(plot * targetMenPercent / 100m);
        var bottom = 10 + rows.Count * RowHeight;
        sb.Append(CultureInfo.InvariantCulture, $"""<line x1="{mark}" x2="{mark}" y1="6" y2="{bottom}" stroke="#1b1b1b" stroke-width="2" stroke-dasharray="4 3"/>""");
        sb.Append(CultureInfo.InvariantCulture, $"""<text x="{mark}" y="{bottom + 18}" font-size="12" text-anchor="middle" fill="#1b1b1b">{N(targetMenPercent)} / {N(100 - targetMenPercent)}</text>""");
        sb.Append("</svg>");
        return sb.ToString();
    }
}
