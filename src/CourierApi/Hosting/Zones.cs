namespace Delivery.CourierApi.Hosting;

/// <summary>Depot-local time ↔ UTC. Depots name IANA zones ("Europe/Lisbon"); everything is stored as UTC.</summary>
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

    /// <summary>The UTC instant of a local wall-clock time; a time skipped by a DST change moves forward by the gap.</summary>
    public static DateTimeOffset ToUtc(DateOnly date, TimeOnly time, TimeZoneInfo zone) => ToUtc(date.ToDateTime(time), zone);

    public static DateTimeOffset ToUtc(DateTime local, TimeZoneInfo zone)
    {
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(15);
        }
        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(local, zone), TimeSpan.Zero);
    }

    public static DateTimeOffset ToLocal(DateTimeOffset utc, TimeZoneInfo zone) => TimeZoneInfo.ConvertTime(utc, zone);

    /// <summary>"10:00–12:00" in the zone.</summary>
    public static string FormatWindow(DateTimeOffset start, DateTimeOffset end, TimeZoneInfo zone) =>
        $"{ToLocal(start, zone):HH\\:mm}–{ToLocal(end, zone):HH\\:mm}";
}
