using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Delivery.CourierApi.Auth;
using Delivery.CourierApi.Features.Fleet;
using Delivery.CourierApi.Features.Live;
using Delivery.CourierApi.Tests.Wiring;
using Delivery.Tracking.Ingest;
using Microsoft.AspNetCore.SignalR.Client;

namespace Delivery.CourierApi.Tests.Live;

/// <summary>
/// The live day over a published plan with a tablet on the courier hub: positions and stop progress in the snapshot,
/// a tablet gone silent raised as an alert with its actions, acknowledged once (who and when stored), a stop's story with
/// the event's source.
/// </summary>
public sealed class LiveDayTests(DeliveryApiFactory api) : IClassFixture<DeliveryApiFactory>
{
    internal static readonly string Date = DeliveryApiFactory.PlanDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public async Task LiveDay_TabletProgress_ThenSilence_RaisesAlertAcknowledgedOnce_AndStoryShowsTheTabletEvent()
    {
        var planner = await api.ClientAsAsync(Roles.Dispatcher);
        var (scenario, plan) = await PublishedPlan.CreateAsync(planner, couriers: 2, orders: 6);
        var route = plan.Routes.First(r => r.Stops.Count >= 2);
        var first = route.Stops.OrderBy(s => s.Sequence).First();
        var device = await Scenario.Read<DeviceTokenResponse>(await planner.PostAsJsonAsync($"/api/v1/couriers/{route.CourierId}/devices", new IssueDeviceRequest("tablet")));

        var now = new DateTimeOffset(2026, 12, 1, 9, 30, 0, TimeSpan.Zero);
        api.Time.SetUtcNow(now);
        var dispatcher = await api.ClientAsAsync(Roles.Dispatcher); // tokens live 12 hours of the host's clock
        await using (var hub = TestHubs.Connect(api, "/hubs/courier", device.Token))
        {
            await hub.StartAsync();
            var ack = await hub.InvokeAsync<BatchAck>("SendPositions", new CourierBatch(null,
                [new PositionReport(1, now, first.Latitude, first.Longitude, 5, HeadingDeg: 90)],
                [new CourierEventReport("live-e1", Id(first.OrderId), "delivered", now)]));
            Assert.Equal(["live-e1"], ack.EventsAccepted);
        }

        var day = await ReadDayAsync(dispatcher, scenario.Depot.Id);
        Assert.True(day.Live);
        Assert.Equal(plan.Id, day.PlanVersionId);
        Assert.Equal(plan.Routes.Count, day.Couriers.Count);
        var courier = day.Couriers.Single(c => c.CourierId == route.CourierId);
        Assert.Equal((1, route.Stops.Count - 1), (courier.Done, courier.Remaining));
        Assert.Equal(first.Latitude, courier.Position!.Lat, 6);
        Assert.Equal(90, courier.Position.HeadingDeg);
        Assert.False(courier.Silent);
        Assert.Equal(["done", "next"], courier.Stops.Take(2).Select(s => s.State));
        Assert.Equal(courier.Stops[1].OrderId, courier.NextOrderId);
        Assert.DoesNotContain(day.Alerts, a => a.Kind == "silent");

        // Nothing from the tablet for longer than the silent threshold: flagged, with the paper route's actions.
        api.Time.SetUtcNow(now.AddMinutes(day.SilentAfterMinutes + 1));
        day = await ReadDayAsync(dispatcher, scenario.Depot.Id);
        Assert.True(day.Couriers.Single(c => c.CourierId == route.CourierId).Silent);
        var silent = day.Alerts.Single(a => a.Kind == "silent");
        Assert.Equal("silent:" + Id(route.RouteId), silent.Key);
        Assert.Equal(["callCourier", "printManifest", "paperOutcomes"], silent.Actions);
        Assert.Null(silent.AcknowledgedAt);

        // Acknowledged: who and when are stored; a second acknowledgement changes nothing.
        var url = $"/api/v1/depots/{scenario.Depot.Id}/live/alerts/acknowledge";
        var stored = await Scenario.Read<AlertAcknowledgement>(await dispatcher.PostAsJsonAsync(url, new AcknowledgeAlertRequest(DeliveryApiFactory.PlanDate, silent.Key)));
        Assert.StartsWith("dispatcher-", stored.AcknowledgedBy, StringComparison.Ordinal);
        Assert.Equal(api.Time.GetUtcNow(), stored.AcknowledgedAt);
        api.Time.Advance(TimeSpan.FromMinutes(1));
        var other = await api.ClientAsAsync(Roles.Dispatcher);
        Assert.Equal(stored, await Scenario.Read<AlertAcknowledgement>(await other.PostAsJsonAsync(url, new AcknowledgeAlertRequest(DeliveryApiFactory.PlanDate, silent.Key))));
        day = await ReadDayAsync(dispatcher, scenario.Depot.Id);
        Assert.Equal(stored.AcknowledgedBy, day.Alerts.Single(a => a.Key == silent.Key).AcknowledgedBy);

        // The stop's story: its window, planned arrival and the tablet's event.
        var story = await Scenario.Read<StopStory>(await dispatcher.GetAsync($"/api/v1/depots/{scenario.Depot.Id}/orders/{first.OrderId}/story"));
        Assert.Equal(first.ShopOrderId, story.ShopOrderId);
        Assert.NotNull(story.PlannedArrival);
        var e = Assert.Single(story.Events);
        Assert.Equal(("delivered", "tablet"), (e.Kind, e.Source));
    }

    [Fact]
    public async Task Acknowledge_BadKey_NamesTheField_AndAnAnalystMayReadButNotAcknowledge()
    {
        var dispatcher = await api.ClientAsAsync(Roles.Dispatcher);
        var s = await Scenario.CreateAsync(dispatcher, couriers: 1);
        var url = $"/api/v1/depots/{s.Depot.Id}/live/alerts/acknowledge";

        var bad = await dispatcher.PostAsJsonAsync(url, new AcknowledgeAlertRequest(DeliveryApiFactory.PlanDate, "anything"));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var problem = await bad.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty("key", out _), problem.ToString());

        var analyst = await api.ClientAsAsync(Roles.Analyst);
        var empty = await ReadDayAsync(analyst, s.Depot.Id);
        Assert.Empty(empty.Couriers);
        Assert.Null(empty.PlanVersionId);
        Assert.Equal(HttpStatusCode.Forbidden,
            (await analyst.PostAsJsonAsync(url, new AcknowledgeAlertRequest(DeliveryApiFactory.PlanDate, "silent:1"))).StatusCode);
    }

    internal static async Task<LiveDayResponse> ReadDayAsync(HttpClient client, long depotId) =>
        await Scenario.Read<LiveDayResponse>(await client.GetAsync($"/api/v1/depots/{depotId}/live?date={Date}"));

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);
}
