using NodaTime;

namespace Delivery.Tracking;

/// <summary>
/// Depot-local time ↔ UTC, the one place it is computed (host and tracking alike), over the IANA time zone database
/// (NodaTime's tzdb, so it does not depend on the machine's zone files). A local time that a clock change skips (the
/// spring gap) is moved forward by the length of the gap (02:30 → 03:30 where 02:00–03:00 is skipped); one that
/// happens twice (the autumn overlap) is its earlier occurrence. A day starts at local midnight, or at the first
/// instant of the date where midnight itself is skipped.
/// </summary>
public static class LocalTime
{
    /// <summary>The calendar date in <paramref name="zone"/> at <paramref name="instant"/>: a depot's "today".</summary>
    public static DateOnly DateAt(DateTimeOffset instant, TimeZoneInfo zone)
    {
        var local = Instant.FromDateTimeOffset(instant).InZone(Zone(zone)).Date;
        return new DateOnly(local.Year, local.Month, local.Day);
    }

    /// <summary>The wall-clock time in <paramref name="zone"/> at <paramref name="instant"/>, with its offset.</summary>
    public static DateTimeOffset ToLocal(DateTimeOffset instant, TimeZoneInfo zone) =>
        Instant.FromDateTimeOffset(instant).InZone(Zone(zone)).ToDateTimeOffset();

    /// <summary>The instant of local <paramref name="time"/> on <paramref name="date"/> in <paramref name="zone"/> (gaps and overlaps as above), in UTC.</summary>
    public static DateTimeOffset ToUtc(DateOnly date, TimeOnly time, TimeZoneInfo zone) =>
        ToUtc(LocalDateTime.FromDateTime(date.ToDateTime(time)), zone);

    /// <summary>The instant of the local date and time <paramref name="local"/> (its kind is ignored) in <paramref name="zone"/>, in UTC.</summary>
    public static DateTimeOffset ToUtc(DateTime local, TimeZoneInfo zone) =>
        ToUtc(LocalDateTime.FromDateTime(DateTime.SpecifyKind(local, DateTimeKind.Unspecified)), zone);

    /// <summary>The first instant of <paramref name="date"/> in <paramref name="zone"/>, in UTC.</summary>
    public static DateTimeOffset StartOfDay(DateOnly date, TimeZoneInfo zone) =>
        Zone(zone).AtStartOfDay(new LocalDate(date.Year, date.Month, date.Day)).ToInstant().ToDateTimeOffset();

    private static DateTimeOffset ToUtc(LocalDateTime local, TimeZoneInfo zone) =>
        Zone(zone).AtLeniently(local).ToInstant().ToDateTimeOffset();

    /// <summary>The tzdb zone of the same IANA id; a zone tzdb does not know (a custom one) is used at its standard offset.</summary>
    private static DateTimeZone Zone(TimeZoneInfo zone) =>
        zone == TimeZoneInfo.Utc ? DateTimeZone.Utc
        : DateTimeZoneProviders.Tzdb.GetZoneOrNull(zone.Id) ?? DateTimeZone.ForOffset(Offset.FromTimeSpan(zone.BaseUtcOffset));
}
