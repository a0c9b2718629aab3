using Delivery.Testing;
using Delivery.Tracking.Arrival;
using Delivery.Tracking.Ingest;
using Microsoft.Extensions.Time.Testing;

namespace Delivery.Tracking.Tests.Support;

/// <summary>
/// A delivery day for hub tests: a route of three stops due east of the depot (2, 4 and 6 km) seeded in the API
/// tables, a fake clock at 08:00 UTC, and a Redis prefix of its own.
/// </summary>
public sealed class DayScenario : IAsyncDisposable
{
    public static readonly DateOnly Date = new(2026, 12, 1);
    public static readonly DateTimeOffset Start = new(2026, 12, 1, 8, 0, 0, TimeSpan.Zero);
    public const double DepotLat = 52.50;
    public const double DepotLon = 13.40;

    private DayScenario(TestDatabase db, SeededRoute route, TestRedis redis)
    {
        Db = db;
        Route = route;
        Redis = redis;
    }

    public TestDatabase Db { get; }

    public SeededRoute Route { get; }

    public TestRedis Redis { get; }

    public FakeTimeProvider Clock { get; } = new(Start);

    public string Device => "tab-" + Route.CourierId;

    public string CourierToken => $"courier:{Route.CourierId}:{Device}";

    /// <summary>Seeds the route; <paramref name="windows"/> gives (start, end) offsets in minutes from 08:00 per stop.</summary>
    public static async Task<DayScenario> CreateAsync(TestDatabase db, params (int From, int To)[] windows)
    {
        if (windows.Length == 0)
        {
            windows = [(0, 120), (0, 120), (60, 180)];
        }
        var stops = windows.Select((w, i) =>
        {
            var (lat, lon) = Point(2.0 * (i + 1));
            return new StopSpec(lat, lon, Start.AddMinutes(w.From), Start.AddMinutes(w.To));
        }).ToList();
        var route = await RouteSeeder.SeedAsync(db.DataSource, Date, Start, (DepotLat, DepotLon), stops);
        return new DayScenario(db, route, new TestRedis());
    }

    /// <summary>A point <paramref name="km"/> east of the depot.</summary>
    public static (double Lat, double Lon) Point(double km) => Geo.Offset(DepotLat, DepotLon, km * 1000, 90);

    /// <summary>A fix <paramref name="km"/> east of the depot at the clock's time plus <paramref name="secondsOffset"/>.</summary>
    public PositionReport Fix(long seq, double km, int secondsOffset = 0, double speed = 8)
    {
        var (lat, lon) = Point(km);
        return new PositionReport(seq, Clock.GetUtcNow().AddSeconds(secondsOffset), lat, lon, 8, speed, 90);
    }

    public Task<TrackingTestHost> StartHostAsync(bool backplane = false, IDictionary<string, string?>? settings = null) =>
        TrackingTestHost.StartAsync(Db, Redis.Prefix, Clock, settings, backplane);

    public ValueTask DisposeAsync() => Redis.DisposeAsync();
}
