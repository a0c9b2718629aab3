using System.Net;
using System.Net.Http.Json;
using Delivery.CourierApi.Auth;
using Delivery.CourierApi.Features.Fleet;
using Delivery.CourierApi.Features.Orders;
using Delivery.Tracking;
using Delivery.Tracking.Ingest;
using Delivery.Tracking.Live;
using Delivery.Tracking.Routes;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Delivery.CourierApi.Tests.Wiring;

/// <summary>Tracking mapped by the host: courier devices on the tracking hub with the host's device tokens, over published routes.</summary>
public sealed class TrackingWiringTests(DeliveryApiFactory api) : IClassFixture<DeliveryApiFactory>
{
    [Fact]
    public async Task CourierHub_DeviceTokenOnPublishedRoute_StoresOwnStopEventRefusesOthersStop()
    {
        var dispatcher = await api.ClientAsAsync(Roles.Dispatcher);
        var (_, plan) = await PublishedPlan.CreateAsync(dispatcher, couriers: 2, orders: 6);
        var mine = plan.Routes.First(r => r.Stops.Count > 0);
        var foreign = plan.Routes.SelectMany(r => r.Stops).Select(s => s.OrderId).Except(mine.Stops.Select(s => s.OrderId)).ToList();
        var device = await Scenario.Read<DeviceTokenResponse>(await dispatcher.PostAsJsonAsync($"/api/v1/couriers/{mine.CourierId}/devices", new IssueDeviceRequest("tablet")));
        var order = await dispatcher.GetFromJsonAsync<OrderResponse>($"/api/v1/orders/{mine.Stops[0].OrderId}");

        var now = new DateTimeOffset(2026, 12, 1, 9, 30, 0, TimeSpan.Zero);
        api.Time.SetUtcNow(now);
        await using var hub = Tablet(device.Token);
        await hub.StartAsync();
        var events = new List<CourierEventReport> { new("e1", mine.Stops[0].OrderId.ToString(System.Globalization.CultureInfo.InvariantCulture), "delivered", now) };
        if (foreign.Count > 0)
        {
            events.Add(new("e2", foreign[0].ToString(System.Globalization.CultureInfo.InvariantCulture), "delivered", now));
        }
        var ack = await hub.InvokeAsync<BatchAck>("SendPositions",
            new CourierBatch(null, [new PositionReport(1, now, mine.Stops[0].Latitude, mine.Stops[0].Longitude, 5)], events));

        Assert.Equal(1, ack.PositionsAccepted);
        Assert.Equal(["e1"], ack.EventsAccepted);
        Assert.Equal(foreign.Count > 0 ? ["event:e2"] : Array.Empty<string>(), ack.Rejections.Select(r => r.Item));
        Assert.Equal("tablet", await api.Database.ScalarAsync(
            $"SELECT source FROM delivery_events WHERE order_id = '{mine.Stops[0].OrderId}' AND kind = 'delivered'"));

        // The customer's tracking link (no sign-in) sees their own stop as delivered.
        var customer = api.CreateClient();
        var view = await customer.GetAsync($"/api/v1/tracking/{await api.TrackingTokenAsync(order!.Id)}");
        Assert.Equal(HttpStatusCode.OK, view.StatusCode);
        Assert.Equal(StopStatus.Delivered, (await view.Content.ReadFromJsonAsync<CustomerView>(Json()))!.Status);
    }

    [Fact]
    public async Task Publish_NewVersion_TellsTheCouriersTabletItsRouteChanged()
    {
        var dispatcher = await api.ClientAsAsync(Roles.Dispatcher);
        var (_, v1) = await PublishedPlan.CreateAsync(dispatcher, couriers: 1, orders: 4);
        var route = v1.Routes.Single();
        var device = await Scenario.Read<DeviceTokenResponse>(await dispatcher.PostAsJsonAsync($"/api/v1/couriers/{route.CourierId}/devices", new IssueDeviceRequest("tablet")));
        await using var hub = Tablet(device.Token);
        var changed = new TaskCompletionSource<(string RouteId, int Version)>(TaskCreationOptions.RunContinuationsAsynchronously);
        hub.On<string, int>("RouteChanged", (routeId, version) => changed.TrySetResult((routeId, version)));
        await hub.StartAsync();

        var edit = await Scenario.Read<Delivery.CourierApi.Features.Routes.EditResult>(await dispatcher.PostAsJsonAsync($"/api/v1/plan-versions/{v1.Id}/edits",
            new Delivery.CourierApi.Features.Routes.EditRequest("unassign", route.Stops[^1].OrderId)));
        var v2 = await Scenario.Read<Delivery.CourierApi.Features.Plans.PlanVersionView>(await dispatcher.PostAsync($"/api/v1/plan-versions/{edit.VersionId}/publish", null));

        var (routeId, version) = await changed.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(2, version);
        Assert.Equal(v2.Routes.Single().RouteId.ToString(System.Globalization.CultureInfo.InvariantCulture), routeId);
    }

    private HubConnection Tablet(string token) => new HubConnectionBuilder()
        .WithUrl(new Uri(api.Server.BaseAddress, "/hubs/courier"), o =>
        {
            o.HttpMessageHandlerFactory = _ => api.Server.CreateHandler();
            o.Transports = HttpTransportType.LongPolling;
            o.AccessTokenProvider = () => Task.FromResult<string?>(token);
        })
        .AddJsonProtocol(o => TrackingServiceCollectionExtensions.ConfigureJson(o.PayloadSerializerOptions))
        .Build();

    private static System.Text.Json.JsonSerializerOptions Json()
    {
        var options = new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web);
        options.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter());
        return options;
    }
}
