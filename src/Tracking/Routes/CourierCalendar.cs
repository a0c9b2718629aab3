using System.Collections.Concurrent;

namespace Delivery.Tracking.Routes;

/// <summary>
/// A courier's service date at an instant: the calendar date in the time zone of the courier's depot, which is the
/// date routes are published for. (The UTC date is a day off near midnight anywhere but on UTC.) Zones are cached per
/// courier for the life of the process; a courier whose zone is unknown or not a system zone counts as UTC.
/// </summary>
internal sealed class CourierCalendar(IPublishedRouteSource source)
{
    private readonly ConcurrentDictionary<string, TimeZoneInfo> _zones = new(StringComparer.Ordinal);

    /// <summary>The service date of <paramref name="courierId"/> at <paramref name="at"/>.</summary>
    public async ValueTask<DateOnly> DateAtAsync(string courierId, DateTimeOffset at, CancellationToken ct)
    {
        var zone = await ZoneAsync(courierId, ct).ConfigureAwait(false);
        return LocalTime.DateAt(at, zone);
    }

    /// <summary>The instant the courier's service date <paramref name="date"/> begins (local midnight, or the first instant of the date where midnight is skipped).</summary>
    public async ValueTask<DateTimeOffset> DayStartAsync(string courierId, DateOnly date, CancellationToken ct)
    {
        var zone = await ZoneAsync(courierId, ct).ConfigureAwait(false);
        return LocalTime.StartOfDay(date, zone);
    }

    private async ValueTask<TimeZoneInfo> ZoneAsync(string courierId, CancellationToken ct)
    {
        if (_zones.TryGetValue(courierId, out var cached))
        {
            return cached;
        }
        var id = await source.GetCourierTimeZoneAsync(courierId, ct).ConfigureAwait(false);
        if (id is null || !TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone))
        {
            return TimeZoneInfo.Utc; // not cached: the courier or its depot may appear later
        }
        return _zones.GetOrAdd(courierId, zone);
    }
}
