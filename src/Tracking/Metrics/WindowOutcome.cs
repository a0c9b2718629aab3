using Delivery.Tracking.Storage;

namespace Delivery.Tracking.Metrics;

/// <summary>Where a handover fell relative to its window.</summary>
public enum WindowResult
{
    /// <summary>Inside the window (both ends inclusive).</summary>
    Hit,

    /// <summary>Before the window start.</summary>
    Early,

    /// <summary>After the window end.</summary>
    Late,

    /// <summary>The stop had no window.</summary>
    NoWindow,
}

/// <summary>The first handover of one stop and how it relates to the promised window.</summary>
/// <param name="Handover">The first handover event (delivered, partly delivered or failed; tablet or paper).</param>
/// <param name="Result">Hit, early, late or no window.</param>
/// <param name="EarlyMinutes">Minutes before the window start (0 unless early).</param>
/// <param name="LateMinutes">Minutes after the window end (0 unless late).</param>
public sealed record WindowOutcome(DeliveryEventRecord Handover, WindowResult Result, double EarlyMinutes, double LateMinutes)
{
    /// <summary>Classifies <paramref name="handover"/> against the window copied into it.</summary>
    public static WindowOutcome Of(DeliveryEventRecord handover)
    {
        if (!handover.IsHandover)
        {
            throw new ArgumentException($"Event {handover.EventKey} is a {handover.Kind}, not a handover.", nameof(handover));
        }
        var t = handover.OccurredAt;
        return (handover.WindowStartUtc, handover.WindowEndUtc) switch
        {
            ({ } s, _) when t < s => new WindowOutcome(handover, WindowResult.Early, (s - t).TotalMinutes, 0),
            (_, { } e) when t > e => new WindowOutcome(handover, WindowResult.Late, 0, (t - e).TotalMinutes),
            (null, null) => new WindowOutcome(handover, WindowResult.NoWindow, 0, 0),
            _ => new WindowOutcome(handover, WindowResult.Hit, 0, 0),
        };
    }
}

/// <summary>A stop cancelled by dispatch, reported apart from the rate.</summary>
/// <param name="RouteId">Route.</param>
/// <param name="StopId">Stop.</param>
/// <param name="DepotId">Depot.</param>
/// <param name="CourierId">Courier.</param>
/// <param name="Date">Service date.</param>
public sealed record CancelledStop(string RouteId, string StopId, string DepotId, string CourierId, DateOnly Date);

/// <summary>Lists cancelled stops for the window-hit report (implemented by the host; optional).</summary>
public interface ICancelledStopSource
{
    /// <summary>Stops cancelled with a service date in [<paramref name="from"/>, <paramref name="to"/>].</summary>
    Task<IReadOnlyList<CancelledStop>> ListAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken = default);
}
