using Delivery.Testing;
using Delivery.Tracking.Ingest;
using Delivery.Tracking.Metrics;
using Delivery.Tracking.Tests.Support;
using Microsoft.AspNetCore.SignalR.Client;

namespace Delivery.Tracking.Tests.Metrics;

public sealed class WindowHitQueryTests(TestDatabase db) : IClassFixture<TestDatabase>
{
    [Fact]
    public async Task RunAsync_DayWithEarlyLateOnTimePartialAndPaper_ComputesRateFromStoredEvents()
    {
        // Windows: s1 08:30–09:30, s2 08:00–10:00, s3 08:00–08:30, s4 08:00–10:00.
        await using var day = await DayScenario.CreateAsync(db, (30, 90), (0, 120), (0, 30), (0, 120));
        await using var host = await day.StartHostAsync();
        day.Clock.Advance(TimeSpan.FromHours(1));
        var courier = await host.ConnectAsync("/hubs/courier", day.CourierToken);
        var s = day.Route.Stops;
        var t = DayScenario.Start;
        var ack = await courier.InvokeAsync<BatchAck>("SendPositions", new CourierBatch(null, null,
        [
            new CourierEventReport("a", s[0].StopId, "delivered", t.AddMinutes(10)),                                        // early 20 min
            new CourierEventReport("b", s[1].StopId, "partly_delivered", t.AddMinutes(20), RefusedItems: [new RefusedItem("Bag", 1)]), // on time
            new CourierEventReport("c", s[2].StopId, "failed", t.AddMinutes(45), Reason: "nobody home"),                    // late 15 min
        ]));
        Assert.Empty(ack.Rejections);
        // Stop 4's outcome comes from the paper manifest, entered later.
        Assert.Null((await host.Get<PaperOutcomeRecorder>().RecordAsync(new PaperOutcome(day.Route.RouteId, s[3].StopId, "delivered", t.AddMinutes(50)))).Rejection);
        Assert.Equal("kind", (await host.Get<PaperOutcomeRecorder>().RecordAsync(new PaperOutcome(day.Route.RouteId, s[3].StopId, "lost", t))).Rejection!.Field);

        var report = await host.Get<WindowHitQuery>().RunAsync(DayScenario.Date, DayScenario.Date);

        var courierGroup = Assert.Single(report.ByCourier, g => g.Key == day.Route.CourierId);
        Assert.Equal((4, 2, 1, 1), (courierGroup.Attempted, courierGroup.Hits, courierGroup.Early, courierGroup.Late));
        Assert.Equal(0.5, courierGroup.HitRate, 6);
        Assert.Equal(20, courierGroup.AvgEarlyMinutes, 6);
        Assert.Equal(15, courierGroup.AvgLateMinutes, 6);
        Assert.Equal(4, Assert.Single(report.ByDepot, g => g.Key == day.Route.DepotId).Attempted);
    }

    [Fact]
    public async Task RunAsync_ReversedRange_ThrowsNamingTheField()
    {
        await using var day = await DayScenario.CreateAsync(db);
        await using var host = await day.StartHostAsync();
        var error = await Assert.ThrowsAsync<ArgumentException>(() => host.Get<WindowHitQuery>().RunAsync(DayScenario.Date, DayScenario.Date.AddDays(-1)));
        Assert.Equal("to", error.ParamName);
    }
}
