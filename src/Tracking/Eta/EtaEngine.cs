using Delivery.Planner.Model;
using Delivery.Planner.Travel;

namespace Delivery.Tracking.Eta;

/// <summary>An open stop still to be served, in route order.</summary>
/// <param name="StopId">Stop.</param>
/// <param name="Lat">Latitude, degrees.</param>
/// <param name="Lon">Longitude, degrees.</param>
/// <param name="WindowStartUtc">Service cannot start before this (waiting), if set.</param>
/// <param name="ServiceSeconds">Planned service time, seconds.</param>
/// <param name="ArrivedAt">Set when the courier is already at this stop (it must be the first remaining one).</param>
public sealed record EtaStop(string StopId, double Lat, double Lon, DateTimeOffset? WindowStartUtc, int ServiceSeconds, DateTimeOffset? ArrivedAt = null);

/// <summary>Predicted times at one stop.</summary>
/// <param name="StopId">Stop.</param>
/// <param name="Eta">Predicted arrival (UTC).</param>
/// <param name="ServiceStart">Predicted start of service (after any wait for the window).</param>
/// <param name="Departure">Predicted departure.</param>
public sealed record StopEta(string StopId, DateTimeOffset Eta, DateTimeOffset ServiceStart, DateTimeOffset Departure);

/// <summary>
/// Predicts arrival at every remaining stop: from the current position along the remaining sequence, travel times
/// from an <see cref="ITravelTimeSource"/> scaled by the day's pace factor, service times, and waits for window starts.
/// </summary>
public sealed class EtaEngine(ITravelTimeSource travel)
{
    /// <summary>Computes ETAs for <paramref name="remaining"/> (route order) from a position at <paramref name="now"/>.</summary>
    /// <param name="now">Current time (UTC).</param>
    /// <param name="lat">Courier latitude, degrees.</param>
    /// <param name="lon">Courier longitude, degrees.</param>
    /// <param name="paceFactor">Observed ÷ predicted travel time (1 = as predicted; &gt; 1 slower).</param>
    /// <param name="remaining">Open stops in sequence.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <param name="scope">
    /// Whose travel times (the route's depot): with a <see cref="ITimeDependentTravelTimeSource"/> each leg is timed on
    /// the matrix of the time slice it departs in, as the planner timed it.
    /// </param>
    public async Task<IReadOnlyList<StopEta>> ComputeAsync(
        DateTimeOffset now, double lat, double lon, double paceFactor, IReadOnlyList<EtaStop> remaining,
        CancellationToken cancellationToken = default, string? scope = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(paceFactor);
        if (remaining.Count == 0)
        {
            return [];
        }
        var locations = new List<Location>(remaining.Count + 1) { new(lon, lat) };
        locations.AddRange(remaining.Select(s => new Location(s.Lon, s.Lat)));
        var sliced = scope is not null && travel is ITimeDependentTravelTimeSource timed
            ? await timed.GetSlicedMatricesAsync(scope, locations, cancellationToken).ConfigureAwait(false)
            : null;
        var allDay = sliced is null ? await travel.GetMatrixAsync(locations, cancellationToken).ConfigureAwait(false) : null;

        var result = new List<StopEta>(remaining.Count);
        var clock = now;
        for (var i = 0; i < remaining.Count; i++)
        {
            var stop = remaining[i];
            DateTimeOffset arrival;
            if (i == 0 && stop.ArrivedAt is { } arrivedAt)
            {
                arrival = arrivedAt;
            }
            else
            {
                var matrix = sliced?.At(clock) ?? allDay!;
                arrival = clock + TimeSpan.FromSeconds(matrix.Duration(i, i + 1) * paceFactor);
            }
            var serviceStart = stop.WindowStartUtc is { } ws && ws > arrival ? ws : arrival;
            var departure = serviceStart + TimeSpan.FromSeconds(stop.ServiceSeconds);
            if (departure < now)
            {
                // Already at the stop longer than planned: leaving now at the earliest.
                departure = now;
            }
            result.Add(new StopEta(stop.StopId, arrival, serviceStart, departure));
            clock = departure;
        }
        return result;
    }
}
