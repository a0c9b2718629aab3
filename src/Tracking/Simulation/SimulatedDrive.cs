using Delivery.Tracking.Arrival;
using Delivery.Tracking.Ingest;
using Delivery.Tracking.Routes;

namespace Delivery.Tracking.Simulation;

/// <summary>
/// The movement of one simulated courier: drives straight towards the next stop with speed noise, dwells for a
/// varied service time (fixes jitter around the door), then hands over and drives on. Not thread-safe.
/// </summary>
internal sealed class SimulatedDrive(PublishedRoute route, FleetSimulatorOptions options, Random random)
{
    private readonly List<PublishedStop> _stops = route.Stops.Where(s => s.Status != StopStatus.Cancelled).OrderBy(s => s.Sequence).ToList();
    private double _lat = route.DepotLatitude;
    private double _lon = route.DepotLongitude;
    private int _next;
    private double _dwellLeft = -1;
    private long _seq;
    private int _events;

    public bool Finished => _next >= _stops.Count;

    /// <summary>Advances one fix interval; returns the fix (stamped <paramref name="at"/>) and any events.</summary>
    public (PositionReport Fix, List<CourierEventReport> Events) Step(DateTimeOffset at)
    {
        var events = new List<CourierEventReport>();
        var dt = options.FixIntervalSeconds;
        var speed = 0.0;
        if (!Finished)
        {
            var stop = _stops[_next];
            if (_dwellLeft >= 0)
            {
                _dwellLeft -= dt;
                if (_dwellLeft < 0)
                {
                    if (options.SendEvents)
                    {
                        var failed = random.NextDouble() < options.FailureProbability;
                        events.Add(new CourierEventReport($"ev{++_events}", stop.StopId, failed ? "failed" : "delivered", at, failed ? "not home" : null));
                    }
                    _next++;
                }
            }
            else
            {
                var mps = options.SpeedKmh / 3.6 * (1 + (random.NextDouble() * 2 - 1) * options.SpeedNoise);
                var remaining = Geo.DistanceMeters(_lat, _lon, stop.Latitude, stop.Longitude);
                var step = mps * dt;
                if (step >= remaining)
                {
                    (_lat, _lon) = (stop.Latitude, stop.Longitude);
                    _dwellLeft = stop.ServiceSeconds * (1 + (random.NextDouble() * 2 - 1) * options.ServiceVariation);
                    if (options.SendEvents)
                    {
                        events.Add(new CourierEventReport($"ev{++_events}", stop.StopId, "arrived", at));
                    }
                }
                else
                {
                    var f = step / remaining;
                    _lat += (stop.Latitude - _lat) * f;
                    _lon += (stop.Longitude - _lon) * f;
                    speed = mps;
                }
            }
        }
        var (lat, lon) = Geo.Offset(_lat, _lon, random.NextDouble() * options.GpsJitterMeters, random.NextDouble() * 360);
        return (new PositionReport(++_seq, at, lat, lon, Math.Max(3, options.GpsJitterMeters), speed, 90), events);
    }
}
