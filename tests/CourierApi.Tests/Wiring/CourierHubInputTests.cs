using System.Globalization;
using System.Net.Http.Json;
using Delivery.CourierApi.Auth;
using Delivery.CourierApi.Features.Fleet;
using Delivery.CourierApi.Features.Plans;
using Delivery.Tracking;
using Delivery.Tracking.Ingest;
using Delivery.Tracking.Live;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Delivery.CourierApi.Tests.Wiring;

/// <summary>What the courier hub does with bad or oversized input from a tablet: each bad item named, never a wedge or a silent disconnect.</summary>
public sealed class CourierHubInputTests : IAsyncLifetime
{
    // A host per test: each test moves the clock its own way (a fake clock only goes forward).
    private readonly DeliveryApiFactory api = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await api.DisposeAsync();

    private static readonly DateTimeOffset Morning = new(2026, 12, 1, 9, 30, 0, TimeSpan.Zero);

    [Fact]
    public async Task SendPositions_NaNSpeedOverMessagePack_IsRefusedAndTheNextFixStillMovesLiveState()
    {
        var (route, token, s) = await RouteWithTabletAsync();
        api.Time.SetUtcNow(Morning);
        await using var hub = Tablet(token, messagePack: true);
        await hub.StartAsync();
        var stop = route.Stops[0];

        var bad = await hub.InvokeAsync<BatchAck>("SendPositions", new CourierBatch(null,
            [new PositionReport(1, Morning, stop.Latitude, stop.Longitude, 5, double.NaN, 90),
             new PositionReport(2, Morning.AddSeconds(5), stop.Latitude, stop.Longitude, double.PositiveInfinity, 3, 90),
             new PositionReport(3, Morning.AddSeconds(10), stop.Latitude, stop.Longitude, 5, 3, double.NegativeInfinity)], []));
        var good = await hub.InvokeAsync<BatchAck>("SendPositions", new CourierBatch(null,
            [new PositionReport(4, Morning.AddSeconds(15), stop.Latitude, stop.Longitude, 5, 3, 90)], []));

        Assert.Equal(0, bad.PositionsAccepted);
        Assert.Equal(["speedMps", "accuracyM", "headingDeg"], bad.Rejections.Select(r => r.Field));
        Assert.Equal(1, good.PositionsAccepted);
        Assert.Empty(good.Rejections);
        Assert.Equal(0L, await api.Database.ScalarAsync("SELECT count(*) FROM positions WHERE speed_mps = 'NaN' OR accuracy_m = 'Infinity' OR heading_deg = '-Infinity'"));
        var snapshot = await api.Services.GetRequiredService<LiveQuery>().DepotAsync(Id(s.Depot.Id));
        Assert.Contains(snapshot.Couriers, p => p.CourierId == Id(route.CourierId) && p.RecordedAt == Morning.AddSeconds(15));
    }

    [Fact]
    public async Task SendPositions_BacklogOverTheBatchLimit_IsAnsweredSplitAndTheConnectionStays()
    {
        var (route, token, _) = await RouteWithTabletAsync();
        api.Time.SetUtcNow(Morning);
        await using var hub = Tablet(token, messagePack: false);
        await hub.StartAsync();
        var limit = api.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<TrackingOptions>>().Value.MaxBatchItems;
        var stop = route.Stops[0];
        var backlog = Enumerable.Range(0, limit + 1)
            .Select(i => new PositionReport(i, Morning.AddSeconds(-limit + i), stop.Latitude, stop.Longitude, 5, 3, 90)).ToList();

        var ack = await hub.InvokeAsync<BatchAck>("SendPositions", new CourierBatch(null, backlog, []));
        var split = await hub.InvokeAsync<BatchAck>("SendPositions", new CourierBatch(null, backlog[..limit], []));

        Assert.Equal("batch", Assert.Single(ack.Rejections).Item);
        Assert.Contains("split", ack.Rejections[0].Reason);
        Assert.Equal(HubConnectionState.Connected, hub.State);
        Assert.Equal(limit, split.PositionsAccepted);
    }

    [Fact]
    public async Task SendPositions_EventOf2350SentAfterLocalMidnight_BelongsToYesterdaysRoute()
    {
        var (route, token, _) = await RouteWithTabletAsync();
        // Porto keeps UTC in December: 23:50 on the plan date, sent at 00:10 the next day.
        var tap = new DateTimeOffset(2026, 12, 1, 23, 50, 0, TimeSpan.Zero);
        api.Time.SetUtcNow(tap.AddMinutes(20));
        await using var hub = Tablet(token, messagePack: false);
        await hub.StartAsync();

        var ack = await hub.InvokeAsync<BatchAck>("SendPositions", new CourierBatch(null, [],
            [new CourierEventReport("late-tap", Id(route.Stops[0].OrderId), "failed", tap, "nobody home")]));

        Assert.Equal(["late-tap"], ack.EventsAccepted);
        Assert.Empty(ack.Rejections);
        Assert.Equal(Id(route.RouteId), await api.Database.ScalarAsync("SELECT route_id FROM delivery_events WHERE event_key LIKE '%:late-tap'"));
    }

    [Fact]
    public async Task SendPositions_OverlongNoteAndSameItemRefusedTwice_AreRefusedNamingTheField()
    {
        var (route, token, _) = await RouteWithTabletAsync();
        api.Time.SetUtcNow(Morning);
        await using var hub = Tablet(token, messagePack: false);
        await hub.StartAsync();
        var stops = route.Stops;

        var ack = await hub.InvokeAsync<BatchAck>("SendPositions", new CourierBatch(null, [],
        [
            new CourierEventReport("long-note", Id(stops[0].OrderId), "note", Morning, Note: new string('n', 5000)),
            // Milk x 1 on the order: refusing it twice would take the total below what was delivered.
            new CourierEventReport("twice", Id(stops[0].OrderId), "partly_delivered", Morning, RefusedItems: [new RefusedItem("Milk", 1), new RefusedItem("Milk", 1)]),
            new CourierEventReport("null-item", Id(stops[0].OrderId), "partly_delivered", Morning, RefusedItems: [null!]),
        ]));

        Assert.Empty(ack.EventsAccepted);
        Assert.Equal(["note", "refusedItems[1]", "refusedItems[0]"], ack.Rejections.Select(r => r.Field));
        Assert.Equal(0L, await api.Database.ScalarAsync("SELECT count(*) FROM delivery_events WHERE recalculated_total < 0"));
    }

    private async Task<(RouteView Route, string Token, Scenario Scenario)> RouteWithTabletAsync()
    {
        var dispatcher = await api.ClientAsAsync(Roles.Dispatcher);
        var (s, plan) = await PublishedPlan.CreateAsync(dispatcher, couriers: 1, orders: 3);
        var route = plan.Routes.Single(r => r.Stops.Count > 0);
        var device = await Scenario.Read<DeviceTokenResponse>(await dispatcher.PostAsJsonAsync($"/api/v1/couriers/{route.CourierId}/devices",
            new IssueDeviceRequest("tablet")));
        return (route, device.Token, s);
    }

    private HubConnection Tablet(string token, bool messagePack) => TestHubs.Connect(api, "/hubs/courier", token, messagePack);

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);
}
