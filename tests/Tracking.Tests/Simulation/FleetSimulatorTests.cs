using Delivery.Testing;
using Delivery.Tracking.Routes;
using Delivery.Tracking.Simulation;
using Delivery.Tracking.Storage;
using Delivery.Tracking.Tests.Support;

namespace Delivery.Tracking.Tests.Simulation;

public sealed class FleetSimulatorTests(TestDatabase db) : IClassFixture<TestDatabase>
{
    [Fact]
    public async Task RunAsync_CouriersWithDroppedConnections_StoredEqualsAckedAndStopsHandedOver()
    {
        using var redis = new TestRedis();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var start = DateTimeOffset.UtcNow;
        var source = new Delivery.CourierApi.Features.Tracking.PublishedRouteSource(db.DataSource);
        var couriers = new List<SimulatedCourier>();
        for (var c = 0; c < 3; c++)
        {
            // Stops 300 m apart, short service: a fast simulated drive finishes some within seconds.
            var stops = Enumerable.Range(1, 4).Select(i => DayScenario.Point(0.3 * i))
                .Select(p => new StopSpec(p.Lat, p.Lon, start, start.AddHours(2), ServiceSeconds: 20)).ToList();
            var seeded = await RouteSeeder.SeedAsync(db.DataSource, today, start, (DayScenario.DepotLat, DayScenario.DepotLon), stops);
            var route = (await source.GetRouteAsync(seeded.RouteId))!;
            couriers.Add(new SimulatedCourier(seeded.CourierId, "sim-" + seeded.CourierId, $"courier:{seeded.CourierId}:sim-{seeded.CourierId}", route));
        }
        await using var host = await TrackingTestHost.StartAsync(db, redis.Prefix, TimeProvider.System);
        var simulator = new FleetSimulator(new Uri(host.Address, "/hubs/courier"), new FleetSimulatorOptions
        {
            SpeedKmh = 20,
            FixIntervalSeconds = 5,
            FixesPerBatch = 1,
            SendInterval = TimeSpan.FromMilliseconds(50),
            DropProbability = 0.15,
            OfflineBatches = 3,
            FailureProbability = 0,
            Seed = 42,
        }, TimeProvider.System);

        var result = await simulator.RunAsync(couriers, TimeSpan.FromSeconds(8));

        Assert.True(result.Reconnects > 0, "the run should include dropped connections");
        Assert.Equal(0, result.Rejected);
        var positions = host.Get<PositionStore>();
        long stored = 0;
        foreach (var c in couriers)
        {
            stored += (await positions.ListByDeviceAsync(c.DeviceId)).Count;
        }
        Assert.Equal(result.PositionsAcked, stored);
        var events = host.Get<DeliveryEventStore>();
        var delivered = 0;
        foreach (var c in couriers)
        {
            delivered += (await events.ListByRouteAsync(c.Route.RouteId)).Count(e => e.Kind == DeliveryEventKind.Delivered);
        }
        Assert.True(delivered > 0, "some stops should be handed over");
        Assert.All(couriers, c => Assert.Equal(StopStatus.Open, c.Route.Stops[0].Status));
    }
}
