using Delivery.Testing;
using Delivery.Tracking.Ingest;
using Delivery.Tracking.Live;
using Delivery.Tracking.Tests.Support;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.Time.Testing;

namespace Delivery.Tracking.Tests.Routes;

public sealed class CourierCalendarTests(TestDatabase db) : IClassFixture<TestDatabase>
{
    /// <summary>
    /// A route published for the depot's local date is found near midnight, when the UTC date is another day: just
    /// after midnight in Tokyo (UTC+9, UTC still on the day before) and just before midnight in New York (UTC−5,
    /// UTC already on the next day).
    /// </summary>
    [Theory]
    [InlineData("Asia/Tokyo", "2026-12-02", "2026-12-01T15:30:00Z")]
    [InlineData("America/New_York", "2026-12-01", "2026-12-02T04:30:00Z")]
    public async Task SendPositions_NearLocalMidnightInNonUtcZone_UsesTheDepotsLocalDate(string zone, string localDate, string utcNow)
    {
        using var redis = new TestRedis();
        var date = DateOnly.Parse(localDate, System.Globalization.CultureInfo.InvariantCulture);
        var now = DateTimeOffset.Parse(utcNow, System.Globalization.CultureInfo.InvariantCulture);
        Assert.NotEqual(date, DateOnly.FromDateTime(now.UtcDateTime));
        var route = await RouteSeeder.SeedAsync(db.DataSource, date, now.AddMinutes(-30), (DayScenario.DepotLat, DayScenario.DepotLon),
            [new StopSpec(DayScenario.DepotLat, DayScenario.DepotLon + 0.05, now, now.AddHours(2))], timeZone: zone);
        var clock = new FakeTimeProvider(now);
        await using var host = await TrackingTestHost.StartAsync(db, redis.Prefix, clock);
        var courier = await host.ConnectAsync("/hubs/courier", $"courier:{route.CourierId}:tab-{route.CourierId}");

        var ack = await courier.InvokeAsync<BatchAck>("SendPositions",
            new CourierBatch(null, [new PositionReport(1, now.AddSeconds(-10), DayScenario.DepotLat, DayScenario.DepotLon, 5, 8, 90)], null));

        Assert.Equal(1, ack.PositionsAccepted);
        var state = await host.Get<LiveStateStore>().GetAsync(route.CourierId);
        Assert.Equal((route.RouteId, date), (state!.RouteId, state.Date));
        Assert.NotNull(state.Stop(route.Stops[0].StopId).Eta);
    }

    /// <summary>One minute before local midnight the next day's route is not today's yet.</summary>
    [Fact]
    public async Task SendPositions_OneMinuteBeforeLocalMidnight_DoesNotTakeTomorrowsRoute()
    {
        using var redis = new TestRedis();
        var tomorrow = new DateOnly(2026, 12, 2);
        var now = new DateTimeOffset(2026, 12, 1, 14, 59, 0, TimeSpan.Zero); // 23:59 in Tokyo on 1 December
        var route = await RouteSeeder.SeedAsync(db.DataSource, tomorrow, now.AddHours(9), (DayScenario.DepotLat, DayScenario.DepotLon),
            [new StopSpec(DayScenario.DepotLat, DayScenario.DepotLon + 0.05, now.AddHours(9), now.AddHours(11))], timeZone: "Asia/Tokyo");
        await using var host = await TrackingTestHost.StartAsync(db, redis.Prefix, new FakeTimeProvider(now));
        var courier = await host.ConnectAsync("/hubs/courier", $"courier:{route.CourierId}:tab-{route.CourierId}");

        await courier.InvokeAsync<BatchAck>("SendPositions",
            new CourierBatch(null, [new PositionReport(1, now.AddSeconds(-10), DayScenario.DepotLat, DayScenario.DepotLon, 5, 8, 90)], null));

        var state = await host.Get<LiveStateStore>().GetAsync(route.CourierId);
        Assert.Equal((null, new DateOnly(2026, 12, 1)), (state!.RouteId, state.Date));
    }
}
