using Delivery.Testing;
using Delivery.Tracking.Hubs;
using Delivery.Tracking.Ingest;
using Delivery.Tracking.Live;
using Delivery.Tracking.Routes;
using Delivery.Tracking.Storage;
using Delivery.Tracking.Tests.Support;
using Microsoft.AspNetCore.SignalR.Client;

namespace Delivery.Tracking.Tests.Hubs;

public sealed class CourierHubTests(TestDatabase db) : IClassFixture<TestDatabase>
{
    private static Task<BatchAck> Send(HubConnection c, CourierBatch batch) => c.InvokeAsync<BatchAck>("SendPositions", batch);

    [Fact]
    public async Task SendPositions_SameBatchTwice_AckedTwiceStoredOnce()
    {
        await using var day = await DayScenario.CreateAsync(db);
        await using var host = await day.StartHostAsync();
        var courier = await host.ConnectAsync("/hubs/courier", day.CourierToken);
        var batch = new CourierBatch(null, [day.Fix(1, 0.1, -20), day.Fix(2, 0.2, -10), day.Fix(3, 0.3)],
            [new CourierEventReport("e1", day.Route.Stops[0].StopId, "note", day.Clock.GetUtcNow(), Note: "gate code 12")]);

        var first = await Send(courier, batch);
        var second = await Send(courier, batch);

        Assert.Equal((3L, 3, 1), (first.HighestDurableSeq!.Value, first.PositionsAccepted, first.EventsAccepted.Count));
        Assert.Equal(first.HighestDurableSeq, second.HighestDurableSeq);
        Assert.Empty(second.Rejections);
        Assert.Equal(3, (await host.Get<PositionStore>().ListByDeviceAsync(day.Device)).Count);
        Assert.Single(await host.Get<DeliveryEventStore>().ListByRouteAsync(day.Route.RouteId));
        // The first fix of the day told each waiting customer once that the parcel is out for delivery.
        Assert.Equal(day.Route.Stops.Select(s => s.StopId).Order(),
            (await host.NotificationsAsync()).Where(n => n.Kind == "out_for_delivery" && n.RouteId == day.Route.RouteId).Select(n => n.StopId).Order());
    }

    [Fact]
    public async Task SendPositions_MessagePackTabletAndCustomer_SameAckAndPushesAsJson()
    {
        await using var day = await DayScenario.CreateAsync(db);
        await using var host = await day.StartHostAsync();
        var customer = await host.ConnectAsync("/hubs/live", null, HubWireProtocol.MessagePack);
        var positions = new Inbox<CourierPosition>(customer, "Position");
        var etas = new Inbox<StopEtaUpdate>(customer, "Eta");
        var view = await customer.InvokeAsync<CustomerView>("TrackOrder", day.Route.Stops[0].Token);
        var courier = await host.ConnectAsync("/hubs/courier", day.CourierToken, HubWireProtocol.MessagePack);

        var ack = await Send(courier, new CourierBatch(null, [day.Fix(1, 0.1, -10), day.Fix(2, 0.2)],
            [new CourierEventReport("e1", day.Route.Stops[0].StopId, "note", day.Clock.GetUtcNow(), Note: "ring twice")]));

        Assert.Equal(StopStatus.Open, view.Status);
        Assert.Equal((2L, 2, "e1"), (ack.HighestDurableSeq!.Value, ack.PositionsAccepted, Assert.Single(ack.EventsAccepted)));
        Assert.Empty(ack.Rejections);
        var pushed = await positions.WaitForAsync(_ => true);
        Assert.Equal((day.Clock.GetUtcNow(), day.Route.RouteId), (pushed.RecordedAt, pushed.RouteId));
        Assert.Equal(day.Route.Stops[0].StopId, (await etas.WaitForAsync(_ => true)).StopId);
    }

    [Fact]
    public async Task SendPositions_OfflineBacklogAfterLiveFixes_StoredInOrderWithoutRewindingLive()
    {
        await using var day = await DayScenario.CreateAsync(db);
        await using var host = await day.StartHostAsync();
        var courier = await host.ConnectAsync("/hubs/courier", day.CourierToken);

        await Send(courier, new CourierBatch(null, [day.Fix(20, 1.5), day.Fix(21, 1.6, 5)], null));
        var backlog = Enumerable.Range(1, 10).Select(i => day.Fix(i, 0.1 * i, -600 + i * 30)).Reverse().ToList();
        var ack = await Send(courier, new CourierBatch(null, backlog, null));

        Assert.Equal(10L, ack.HighestDurableSeq);
        var stored = await host.Get<PositionStore>().ListByDeviceAsync(day.Device);
        Assert.Equal([1L, 2, 3, 4, 5, 6, 7, 8, 9, 10, 20, 21], stored.Select(p => p.Seq));
        var state = await host.Get<LiveStateStore>().GetAsync(day.Route.CourierId);
        Assert.Equal(day.Clock.GetUtcNow().AddSeconds(5), state!.Latest!.RecordedAt);
    }

    [Fact]
    public async Task SendPositions_BadItems_RefusedWithReasonAndRestStored()
    {
        await using var day = await DayScenario.CreateAsync(db);
        await using var host = await day.StartHostAsync();
        var courier = await host.ConnectAsync("/hubs/courier", day.CourierToken);
        var now = day.Clock.GetUtcNow();
        var s1 = day.Route.Stops[0].StopId;
        var batch = new CourierBatch(null,
            [day.Fix(1, 0.1), day.Fix(2, 0.2) with { Lat = 95 }, day.Fix(3, 0.3) with { RecordedAt = now.AddMinutes(30) }, day.Fix(4, 0.4)],
            [
                new CourierEventReport("e1", s1, "delivered", now),
                new CourierEventReport("e2", s1, "failed", now, Reason: "not home"),
                new CourierEventReport("e3", "no-such-stop", "arrived", now),
                new CourierEventReport("e4", day.Route.Stops[1].StopId, "failed", now),
                new CourierEventReport("e5", day.Route.Stops[1].StopId, "teleported", now),
                new CourierEventReport("e6", s1, "delivered", now.AddSeconds(1)),
            ]);

        var ack = await Send(courier, batch);

        Assert.Equal((4L, 2), (ack.HighestDurableSeq!.Value, ack.PositionsAccepted));
        Assert.Equal(["e1", "e6"], ack.EventsAccepted);
        var reasons = ack.Rejections.ToDictionary(r => r.Item, r => r.Field);
        Assert.Equal("lat", reasons["position:2"]);
        Assert.Equal("recordedAt", reasons["position:3"]);
        Assert.Equal("kind", reasons["event:e2"]);   // failed after delivered contradicts the stop's state
        Assert.Equal("stopId", reasons["event:e3"]);
        Assert.Equal("reason", reasons["event:e4"]);
        Assert.Equal("kind", reasons["event:e5"]);
        Assert.Contains("Delivered", ack.Rejections.Single(r => r.Item == "event:e2").Reason);
        Assert.Equal(2, (await host.Get<PositionStore>().ListByDeviceAsync(day.Device)).Count);
    }

    [Fact]
    public async Task SendPositions_PartlyDelivered_StoresRefusedItemsAndRecalculatedTotal()
    {
        await using var day = await DayScenario.CreateAsync(db);
        await using var host = await day.StartHostAsync();
        var courier = await host.ConnectAsync("/hubs/courier", day.CourierToken);
        var stop = day.Route.Stops[0].StopId;

        var ack = await Send(courier, new CourierBatch(null, null,
        [
            new CourierEventReport("p1", stop, "partly_delivered", day.Clock.GetUtcNow(), RefusedItems: [new RefusedItem("Box", 1)]),
            new CourierEventReport("p2", day.Route.Stops[1].StopId, "partly_delivered", day.Clock.GetUtcNow(), RefusedItems: [new RefusedItem("Box", 5)]),
        ]));

        Assert.Equal(["p1"], ack.EventsAccepted);
        Assert.Equal("refusedItems[0]", Assert.Single(ack.Rejections).Field); // the entry, by its place in the list
        var e = Assert.Single(await host.Get<DeliveryEventStore>().ListByRouteAsync(day.Route.RouteId));
        Assert.Equal(15.50m, e.RecalculatedTotal); // 2 × 10.00 + 5.50 − 10.00
    }

    [Fact]
    public async Task SendPositions_HostRestartBetweenAckAndQuery_NothingAcknowledgedIsLost()
    {
        await using var day = await DayScenario.CreateAsync(db);
        BatchAck ack;
        await using (var first = await day.StartHostAsync())
        {
            var courier = await first.ConnectAsync("/hubs/courier", day.CourierToken);
            ack = await Send(courier, new CourierBatch(null, [.. Enumerable.Range(1, 25).Select(i => day.Fix(i, 0.05 * i, i - 30))],
                [new CourierEventReport("d1", day.Route.Stops[0].StopId, "delivered", day.Clock.GetUtcNow())]));
        }
        await using var second = await day.StartHostAsync();

        var stored = await second.Get<PositionStore>().ListByDeviceAsync(day.Device);
        Assert.Equal(ack.PositionsAccepted, stored.Count);
        Assert.Equal(ack.HighestDurableSeq, stored.Max(p => p.Seq));
        var events = await second.Get<DeliveryEventStore>().ListByRouteAsync(day.Route.RouteId);
        Assert.Equal(ack.EventsAccepted, events.Where(e => e.Source == EventSource.Tablet).Select(e => e.EventKey.Split(':')[^1]));
    }

    [Fact]
    public async Task LiveState_RedisKeysFlushed_RebuiltFromPostgres()
    {
        await using var day = await DayScenario.CreateAsync(db);
        await using var host = await day.StartHostAsync();
        var courier = await host.ConnectAsync("/hubs/courier", day.CourierToken);
        await Send(courier, new CourierBatch(null, [day.Fix(1, 2.0, -60), day.Fix(2, 2.5)],
            [new CourierEventReport("d1", day.Route.Stops[0].StopId, "delivered", day.Clock.GetUtcNow().AddSeconds(-30))]));

        // "Redis restart": every live key of this test is gone (the shared server itself keeps running).
        await foreach (var key in day.Redis.Multiplexer.GetServer(day.Redis.Multiplexer.GetEndPoints()[0]).KeysAsync(pattern: day.Redis.Prefix + "*"))
        {
            await day.Redis.Database.KeyDeleteAsync(key);
        }
        Assert.Null(await host.Get<LiveStateStore>().GetAsync(day.Route.CourierId));

        var customer = await host.ConnectAsync("/hubs/live", null);
        var first = await customer.InvokeAsync<CustomerView>("TrackOrder", day.Route.Stops[0].Token);
        var second = await customer.InvokeAsync<CustomerView>("TrackOrder", day.Route.Stops[1].Token);

        Assert.Equal(StopStatus.Delivered, first.Status);
        Assert.Null(first.Courier);
        Assert.Equal(StopStatus.Open, second.Status);
        Assert.NotNull(second.Eta);
        Assert.Equal(day.Clock.GetUtcNow(), second.Courier!.RecordedAt);
        Assert.NotNull(await host.Get<LiveStateStore>().GetAsync(day.Route.CourierId));
    }

    [Fact]
    public async Task SendPositions_JitteryDwellAtStop_DetectsArrivalAndTellsTheCustomer()
    {
        await using var day = await DayScenario.CreateAsync(db);
        await using var host = await day.StartHostAsync();
        var customer = await host.ConnectAsync("/hubs/live", null);
        var statuses = new Inbox<StopStatusUpdate>(customer, "StopStatus");
        await customer.InvokeAsync<CustomerView>("TrackOrder", day.Route.Stops[0].Token);
        var courier = await host.ConnectAsync("/hubs/courier", day.CourierToken);
        var random = new Random(3);
        var fixes = Enumerable.Range(0, 20).Select(i =>
        {
            var f = day.Fix(i, 2.0 + (random.NextDouble() - 0.5) * 0.02, i * 5 - 100, speed: 0.3);
            return f;
        }).ToList();

        await Send(courier, new CourierBatch(null, fixes, null));

        var arrived = await statuses.WaitForAsync(s => s.Status == StopStatus.Arrived);
        Assert.Equal(day.Route.Stops[0].StopId, arrived.StopId);
        var stored = await host.Get<DeliveryEventStore>().ListByRouteAsync(day.Route.RouteId);
        Assert.Equal(EventSource.Geofence, Assert.Single(stored).Source);
    }
}
