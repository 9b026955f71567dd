using System.Globalization;

namespace Samverka.Web.Infrastructure;

/// <summary>
/// Swedish time for everything a person sees: a day turns at Swedish midnight and a time is shown as the clock on the
/// wall in Sweden (+01:00 in winter, +02:00 in summer), whatever the server's zone. Every reading of "now" goes
/// through the registered <see cref="TimeProvider"/>, so tests can set the time.
/// </summary>
public static class Clock
{
    public const string ZoneId = "Europe/Stockholm";

    /// <summary>Found once at start-up; <see cref="EnsureZoneData"/> fails start-up clearly when the zone data is missing.</summary>
    public static readonly TimeZoneInfo Sweden = FindSweden();

    public static DateOnly Today(this TimeProvider clock) => DateOnly.FromDateTime(InSweden(clock.GetUtcNow()).DateTime);

    public static DateTimeOffset InSweden(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Sweden);

    /// <summary>"2024-05-31", the day in Sweden at that instant.</summary>
    public static string Date(DateTimeOffset instant) => InSweden(instant).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>"2024-05-31 14:05" in Swedish time.</summary>
    public static string DateTime(DateTimeOffset instant) => InSweden(instant).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    /// <summary>Called at start-up: without the zone data every date shown would silently be UTC, wrong by one or two hours.</summary>
    public static void EnsureZoneData()
    {
        if (Sweden == TimeZoneInfo.Utc)
        {
            throw new InvalidOperationException($"The time zone '{ZoneId}' is not known on this machine. Install the time zone data (Debian: apt-get install tzdata) and start again.");
        }
    }

    private static TimeZoneInfo FindSweden()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(ZoneId);
        }
        catch (TimeZoneNotFoundException)
        {
            return TimeZoneInfo.Utc;
        }
    }
}
