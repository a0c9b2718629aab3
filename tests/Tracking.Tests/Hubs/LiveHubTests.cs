using Delivery.Testing;
using Delivery.Tracking.Ingest;
using Delivery.Tracking.Live;
using Delivery.Tracking.Monitoring;
using Delivery.Tracking.Routes;
using Delivery.Tracking.Tests.Support;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace Delivery.Tracking.Tests.Hubs;

public sealed class LiveHubTests(TestDatabase db) : IClassFixture<TestDatabase>
{
    private static Task<BatchAck> Send(HubConnection c, CourierBatch batch) => c.InvokeAsync<BatchAck>("SendPositions", batch);

    private static CourierEventReport Delivered(string id, string stopId, DateTimeOffset at) => new(id, stopId, "delivered", at);

    [Fact]
    public async Task TrackOrder_CourierHeadingElsewhere_CustomerSeesNothingOfOtherStops()
    {
        await using var day = await DayScenario.CreateAsync(db);
        await using var host = await day.StartHostAsync();
        var first = await host.ConnectAsync("/hubs/live", null);
        var firstPositions = new Inbox<CourierPosition>(first, "Position");
        await first.InvokeAsync<CustomerView>("TrackOrder", day.Route.Stops[0].Token);
        var dispatcher = await host.ConnectAsync("/hubs/live", "dispatcher");
        var board = new Inbox<CourierPosition>(dispatcher, "Position");
        await dispatcher.InvokeAsync<DepotSnapshot>("JoinDepot", day.Route.DepotId);
        var third = await host.ConnectAsync("/hubs/live", null);
        var thirdPositions = new Inbox<CourierPosition>(third, "Position");
        var thirdEtas = new Inbox<StopEtaUpdate>(third, "Eta");
        var thirdStatuses = new Inbox<StopStatusUpdate>(third, "StopStatus");
        var view = await third.InvokeAsync<CustomerView>("TrackOrder", day.Route.Stops[2].Token);
        Assert.Null(view.Courier);
        var courier = await host.ConnectAsync("/hubs/courier", day.CourierToken);

        await Send(courier, new CourierBatch(null, [day.Fix(1, 0.5)], null));
        await firstPositions.WaitForAsync(_ => true);
        await thirdEtas.WaitForAsync(e => e.StopId == day.Route.Stops[2].StopId);
        day.Clock.Advance(TimeSpan.FromMinutes(5));
        await Send(courier, new CourierBatch(null, [day.Fix(2, 1.9)], [Delivered("d1", day.Route.Stops[0].StopId, day.Clock.GetUtcNow())]));
        await board.WaitForAsync(p => p.RecordedAt == day.Clock.GetUtcNow());
        Assert.Single(firstPositions.All); // delivered: the first customer no longer sees the courier

        Assert.Empty(thirdPositions.All);
        Assert.All(thirdEtas.All, e => Assert.Equal(day.Route.Stops[2].StopId, e.StopId));
        Assert.All(thirdStatuses.All, s => Assert.Equal(day.Route.Stops[2].StopId, s.StopId));
        view = await third.InvokeAsync<CustomerView>("TrackOrder", day.Route.Stops[2].Token);
        Assert.Null(view.Courier);

        // Once the stops before it are done, the courier is heading to the third customer, who now sees them.
        day.Clock.Advance(TimeSpan.FromMinutes(5));
        await Send(courier, new CourierBatch(null, [day.Fix(3, 4.0)], [Delivered("d2", day.Route.Stops[1].StopId, day.Clock.GetUtcNow())]));
        var seen = await thirdPositions.WaitForAsync(_ => true);
        Assert.Equal(day.Clock.GetUtcNow(), seen.RecordedAt);
    }

    [Fact]
    public async Task Eta_StopBeforeClosed_EveryWaitingCustomerIsPushedTheirNewPlace()
    {
        await using var day = await DayScenario.CreateAsync(db);
        await using var host = await day.StartHostAsync();
        var third = await host.ConnectAsync("/hubs/live", null);
        var etas = new Inbox<StopEtaUpdate>(third, "Eta");
        await third.InvokeAsync<CustomerView>("TrackOrder", day.Route.Stops[2].Token);
        var courier = await host.ConnectAsync("/hubs/courier", day.CourierToken);

        await Send(courier, new CourierBatch(null, [day.Fix(1, 0.5)], null));
        await etas.WaitForAsync(_ => true);
        var before = await third.InvokeAsync<CustomerView>("TrackOrder", day.Route.Stops[2].Token);
        Assert.Equal(2, before.StopsBefore);

        // The first stop is done a few seconds later: the third ETA barely moves, yet it is pushed with its new place.
        day.Clock.Advance(TimeSpan.FromSeconds(5));
        await Send(courier, new CourierBatch(null, [day.Fix(2, 0.5)], [Delivered("q1", day.Route.Stops[0].StopId, day.Clock.GetUtcNow())]));
        await etas.WaitForAsync(_ => etas.All.Count >= 2);
        var after = await third.InvokeAsync<CustomerView>("TrackOrder", day.Route.Stops[2].Token);
        Assert.Equal(1, after.StopsBefore);
        Assert.Null(after.Courier);
    }

    [Fact]
    public async Task AtRisk_CourierStuck_AlertsOnceBeforeWindowEndThenAllClear()
    {
        // Stop 1 window 08:00–08:40, margin 10 min: at risk once the ETA passes 08:30.
        await using var day = await DayScenario.CreateAsync(db, (0, 40), (0, 240), (0, 240));
        await using var host = await day.StartHostAsync();
        var dispatcher = await host.ConnectAsync("/hubs/live", "dispatcher");
        var alerts = new Inbox<WindowAlert>(dispatcher, "WindowAtRisk");
        var recovered = new Inbox<WindowAlert>(dispatcher, "WindowRecovered");
        await dispatcher.InvokeAsync<DepotSnapshot>("JoinDepot", day.Route.DepotId);
        var customer = await host.ConnectAsync("/hubs/live", null);
        var customerAlerts = new Inbox<WindowAlert>(customer, "WindowAtRisk");
        await customer.InvokeAsync<CustomerView>("TrackOrder", day.Route.Stops[0].Token);
        var courier = await host.ConnectAsync("/hubs/courier", day.CourierToken);
        var stop1 = day.Route.Stops[0].StopId;
        var windowEnd = DayScenario.Start.AddMinutes(40);

        // Stuck 10 km from stop 1 (≈ 26 min away at 30 km/h × 1.3): the ETA slips a minute per minute.
        DateTimeOffset? raisedAt = null;
        for (var minute = 0; minute <= 9; minute++)
        {
            await Send(courier, new CourierBatch(null, [day.Fix(minute, -8.0, speed: 0)], null));
            if (raisedAt is null && alerts.All.Any(a => a.StopId == stop1))
            {
                raisedAt = day.Clock.GetUtcNow();
            }
            day.Clock.Advance(TimeSpan.FromMinutes(1));
        }
        await Send(courier, new CourierBatch(null, [day.Fix(100, 1.5)], null));

        var clear = await recovered.WaitForAsync(a => a.StopId == stop1);
        var alert = Assert.Single(alerts.All, a => a.StopId == stop1);
        Assert.True(alert.Eta > windowEnd.AddMinutes(-10));
        Assert.True((raisedAt ?? day.Clock.GetUtcNow()) < windowEnd, "the alert must come before the window ends");
        Assert.False(clear.AtRisk);
        Assert.Single(customerAlerts.All, a => a.StopId == stop1);
        var notifications = await host.NotificationsAsync();
        Assert.Single(notifications, n => n.StopId == stop1 && n.Kind == "at_risk");
        Assert.Single(notifications, n => n.StopId == stop1 && n.Kind == "all_clear");
    }

    [Fact]
    public async Task Eta_ScriptedDriveAtPlannedSpeedThenStuck_PushedOnlyWhenItMovesAMinute()
    {
        await using var day = await DayScenario.CreateAsync(db);
        await using var host = await day.StartHostAsync();
        var customer = await host.ConnectAsync("/hubs/live", null);
        var etas = new Inbox<StopEtaUpdate>(customer, "Eta");
        await customer.InvokeAsync<CustomerView>("TrackOrder", day.Route.Stops[0].Token);
        var courier = await host.ConnectAsync("/hubs/courier", day.CourierToken);
        // The fallback assumes 30 km/h over roads 1.3 × the straight line: 6.41 m/s of straight-line progress.
        const double metersPerStep = 30 / 3.6 / 1.3 * 20;

        await Send(courier, new CourierBatch(null, [day.Fix(0, 0)], null));
        var first = await etas.WaitForAsync(_ => true);
        Assert.Equal(DayScenario.Start.AddSeconds(Math.Round(2000 * 1.3 / (30 / 3.6))), first.Eta);
        for (var i = 1; i <= 5; i++)
        {
            day.Clock.Advance(TimeSpan.FromSeconds(20));
            await Send(courier, new CourierBatch(null, [day.Fix(i, i * metersPerStep / 1000)], null));
        }
        var onTrack = await customer.InvokeAsync<CustomerView>("TrackOrder", day.Route.Stops[0].Token);
        Assert.InRange((onTrack.Eta!.Value - first.Eta).TotalSeconds, -5, 5);
        for (var i = 6; i <= 9; i++)
        {
            day.Clock.Advance(TimeSpan.FromSeconds(20)); // stuck in traffic for 80 s
            await Send(courier, new CourierBatch(null, [day.Fix(i, 5 * metersPerStep / 1000, speed: 0)], null));
        }

        var moved = await etas.WaitForAsync(e => e.Eta > first.Eta.AddSeconds(59));
        Assert.Equal(2, etas.All.Count(e => e.StopId == day.Route.Stops[0].StopId));
        Assert.InRange((moved.Eta - first.Eta).TotalSeconds, 60, 85);
    }

    [Fact]
    public async Task SilentTablet_NoPositionForTenMinutes_AlertsDispatcherOnceWithManifestLink()
    {
        await using var day = await DayScenario.CreateAsync(db);
        await using var host = await day.StartHostAsync();
        var dispatcher = await host.ConnectAsync("/hubs/live", "dispatcher");
        var silent = new Inbox<SilentTabletAlert>(dispatcher, "TabletSilent");
        await dispatcher.InvokeAsync<DepotSnapshot>("JoinDepot", day.Route.DepotId);
        var courier = await host.ConnectAsync("/hubs/courier", day.CourierToken);
        var monitor = host.Get<SilentTabletMonitor>();

        await Send(courier, new CourierBatch(null, [day.Fix(1, 0.5)], null));
        day.Clock.Advance(TimeSpan.FromMinutes(9));
        Assert.DoesNotContain(await monitor.CheckAsync(), a => a.CourierId == day.Route.CourierId);
        day.Clock.Advance(TimeSpan.FromMinutes(2));
        var raised = Assert.Single(await monitor.CheckAsync(), a => a.CourierId == day.Route.CourierId);
        Assert.DoesNotContain(await monitor.CheckAsync(), a => a.CourierId == day.Route.CourierId);

        Assert.Equal($"/api/v1/routes/{day.Route.RouteId}/manifest.pdf", raised.ManifestUrl);
        var pushed = await silent.WaitForAsync(a => a.CourierId == day.Route.CourierId);
        Assert.Equal(DayScenario.Start, pushed.LastSeenAt);

        // The tablet comes back, then falls silent again: a new alert.
        await Send(courier, new CourierBatch(null, [day.Fix(2, 0.6)], null));
        day.Clock.Advance(TimeSpan.FromMinutes(11));
        Assert.Single(await monitor.CheckAsync(), a => a.CourierId == day.Route.CourierId);
    }

    [Fact]
    public async Task TwoNodes_RedisBackplane_CustomerOnBSeesEtaFromCourierOnA()
    {
        await using var day = await DayScenario.CreateAsync(db);
        await using var nodeA = await day.StartHostAsync(backplane: true);
        await using var nodeB = await day.StartHostAsync(backplane: true);
        var customer = await nodeB.ConnectAsync("/hubs/live", null);
        var etas = new Inbox<StopEtaUpdate>(customer, "Eta");
        var positions = new Inbox<CourierPosition>(customer, "Position");
        await customer.InvokeAsync<CustomerView>("TrackOrder", day.Route.Stops[0].Token);
        var courier = await nodeA.ConnectAsync("/hubs/courier", day.CourierToken);

        await Send(courier, new CourierBatch(null, [day.Fix(1, 0.5)], null));

        var eta = await etas.WaitForAsync(e => e.StopId == day.Route.Stops[0].StopId);
        Assert.True(eta.Eta > day.Clock.GetUtcNow());
        await positions.WaitForAsync(p => p.CourierId == day.Route.CourierId);
        var view = await customer.InvokeAsync<CustomerView>("TrackOrder", day.Route.Stops[0].Token);
        Assert.Equal(eta.Eta, view.Eta);
    }

    [Fact]
    public async Task JoinDepot_WithoutDispatcherRole_IsRefused()
    {
        await using var day = await DayScenario.CreateAsync(db);
        await using var host = await day.StartHostAsync();
        var anonymous = await host.ConnectAsync("/hubs/live", null);
        var error = await Assert.ThrowsAsync<HubException>(() => anonymous.InvokeAsync<DepotSnapshot>("JoinDepot", day.Route.DepotId));
        Assert.Contains("dispatchers", error.Message);
        await Assert.ThrowsAsync<HubException>(() => anonymous.InvokeAsync<CustomerView>("TrackOrder", "not-a-token"));
    }
}
