using Delivery.Tracking.Storage;

namespace Delivery.Tracking.Metrics;

/// <summary>The window-hit report over stored events, for the host's analytics endpoint.</summary>
public sealed class WindowHitQuery
{
    private readonly DeliveryEventStore _events;
    private readonly ICancelledStopSource? _cancelled;

    /// <summary>Creates the query; <paramref name="cancelled"/> is optional (no cancellations reported without it).</summary>
    public WindowHitQuery(DeliveryEventStore events, ICancelledStopSource? cancelled = null)
    {
        _events = events;
        _cancelled = cancelled;
    }

    /// <summary>Report for service dates <paramref name="from"/>…<paramref name="to"/> (inclusive) in time zone <paramref name="timeZoneId"/>.</summary>
    /// <exception cref="ArgumentException">The range is reversed, longer than 366 days, or the time zone is unknown.</exception>
    public Task<WindowHitReport> RunAsync(DateOnly from, DateOnly to, string timeZoneId = "UTC", CancellationToken cancellationToken = default) =>
        RunAsync(from, to, timeZoneId, null, cancellationToken);

    /// <summary>The report over the depots in <paramref name="depotIds"/> only (null: every depot).</summary>
    public async Task<WindowHitReport> RunAsync(DateOnly from, DateOnly to, string timeZoneId, IReadOnlySet<string>? depotIds,
        CancellationToken cancellationToken = default)
    {
        if (to < from)
        {
            throw new ArgumentException($"to ({to:yyyy-MM-dd}) is before from ({from:yyyy-MM-dd}).", nameof(to));
        }
        if (to.DayNumber - from.DayNumber > 366)
        {
            throw new ArgumentException("The range may cover at most 366 days.", nameof(to));
        }
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(timeZoneId, out var zone))
        {
            throw new ArgumentException($"Unknown time zone '{timeZoneId}'.", nameof(timeZoneId));
        }
        // Handovers may fall a day either side of the service date (time zones, late paper entries are by occurred_at).
        var start = new DateTimeOffset(from.AddDays(-2).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var end = new DateTimeOffset(to.AddDays(3).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var events = await _events.ListBetweenAsync(start, end, cancellationToken).ConfigureAwait(false);
        var cancelled = _cancelled is null ? [] : await _cancelled.ListAsync(from, to, cancellationToken).ConfigureAwait(false);
        if (depotIds is not null)
        {
            events = events.Where(e => depotIds.Contains(e.DepotId)).ToList();
            cancelled = cancelled.Where(c => depotIds.Contains(c.DepotId)).ToList();
        }
        return WindowHitCalculator.Compute(events, cancelled, from, to, zone);
    }
}
