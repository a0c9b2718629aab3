using Delivery.Tracking;

namespace Delivery.CourierApi.Hosting;

/// <summary>Depot time zones: finding them by IANA id ("Europe/Lisbon"), converting through <see cref="LocalTime"/>, formatting. Everything is stored as UTC.</summary>
internal static class Zones
{
    public static TimeZoneInfo Find(string id, string field = "timeZone")
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException or ArgumentException)
        {
            throw new FieldException(field, $"'{id}' is not a known IANA time zone (e.g. Europe/Lisbon)");
        }
    }

    public static bool IsKnown(string id) => TimeZoneInfo.TryFindSystemTimeZoneById(id, out _);

    /// <summary>The UTC instant of a local wall-clock time (DST gaps and overlaps: see <see cref="LocalTime"/>).</summary>
    public static DateTimeOffset ToUtc(DateOnly date, TimeOnly time, TimeZoneInfo zone) => LocalTime.ToUtc(date, time, zone);

    public static DateTimeOffset ToUtc(DateTime local, TimeZoneInfo zone) => LocalTime.ToUtc(local, zone);

    public static DateTimeOffset ToLocal(DateTimeOffset utc, TimeZoneInfo zone) => LocalTime.ToLocal(utc, zone);

    /// <summary>The depot's "today" at <paramref name="utc"/>.</summary>
    public static DateOnly Today(DateTimeOffset utc, TimeZoneInfo zone) => LocalTime.DateAt(utc, zone);

    /// <summary>"10:00–12:00" in the zone.</summary>
    public static string FormatWindow(DateTimeOffset start, DateTimeOffset end, TimeZoneInfo zone) =>
        $"{ToLocal(start, zone):HH\\:mm}–{ToLocal(end, zone):HH\\:mm}";
}
