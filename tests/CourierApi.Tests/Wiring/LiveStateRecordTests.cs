using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Delivery.CourierApi.Auth;
using Delivery.CourierApi.Features.Fleet;
using Delivery.CourierApi.Features.Manifests;
using Delivery.CourierApi.Features.Orders;
using Delivery.CourierApi.Features.Plans;
using Delivery.CourierApi.Features.Routes;
using Delivery.Tracking;
using Delivery.Tracking.Ingest;
using Delivery.Tracking.Live;
using Delivery.Tracking.Routes;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

namespace Delivery.CourierApi.Tests.Wiring;

/// <summary>Live state (Redis) agrees with the record (PostgreSQL): paper outcomes, rebuilds, old links and Redis failures.</summary>
public sealed class LiveStateRecordTests : IAsyncLifetime
{
    // A host per test: each test moves the clock its own way (a fake clock only goes forward).
    private readonly DeliveryApiFactory api = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await api.DisposeAsync();

    private static readonly DateTimeOffset Morning = new(2026, 12, 1, 9, 30, 0, TimeSpan.Zero);

    [Fact]
    public async Task PaperOutcome_OnAStartedRoute_UpdatesTheCustomerViewAndTheLiveBoard()
    {
        var (dispatcher, _, route, token) = await RouteWithTabletAsync();
        var stop = route.Stops[0];
        var order = (await dispatcher.GetFromJsonAsync<OrderResponse>($"/api/v1/orders/{stop.OrderId}"))!;
        var link = await api.TrackingTokenAsync(order.Id);
        api.Time.SetUtcNow(Morning);
        dispatcher = await api.ClientAsAsync(Roles.Dispatcher);
        await using var tablet = Tablet(token);
        await tablet.StartAsync();
        await tablet.InvokeAsync<BatchAck>("SendPositions", new CourierBatch(null, [new PositionReport(1, Morning, stop.Latitude + 0.01, stop.Longitude, 5)], []));
        Assert.Equal(StopStatus.Open, (await ViewAsync(link)).Status);
        await using var board = Live(await api.TokenAsync(Roles.Dispatcher));
        var pushed = new TaskCompletionSource<StopStatusUpdate>(TaskCreationOptions.RunContinuationsAsynchronously);
        board.On<StopStatusUpdate>("StopStatus", u => pushed.TrySetResult(u));
        await board.StartAsync();
        await board.InvokeAsync<DepotSnapshot>("JoinDepot", Id(order.DepotId));

        var response = await dispatcher.PostAsJsonAsync($"/api/v1/routes/{route.RouteId}/stops/{stop.OrderId}/paper-outcome",
            new PaperOutcomeRequest("delivered", Morning.AddMinutes(-5), null, null, null));

        response.EnsureSuccessStatusCode();
        Assert.Equal(StopStatus.Delivered, (await ViewAsync(link)).Status);
        var update = await pushed.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal((Id(stop.OrderId), StopStatus.Delivered), (update.StopId, update.Status));
    }

    [Fact]
    public async Task Rebuild_AfterRedisLoss_KeepsDeliveriesRecordedUnderAnEarlierVersion()
    {
        var (dispatcher, plan, route, token) = await RouteWithTabletAsync(orders: 3);
        api.Time.SetUtcNow(Morning);
        await using var tablet = Tablet(token);
        await tablet.StartAsync();
        var first = route.Stops[0];
        var ack = await tablet.InvokeAsync<BatchAck>("SendPositions", new CourierBatch(null, [],
            [new CourierEventReport("d1", Id(first.OrderId), "delivered", Morning)]));
        Assert.Equal(["d1"], ack.EventsAccepted);
        // The dispatcher (signed in again on the day) takes the last stop off and publishes version 2; the delivered stop stays.
        dispatcher = await api.ClientAsAsync(Roles.Dispatcher);
        var edit = await Scenario.Read<EditResult>(await dispatcher.PostAsJsonAsync($"/api/v1/plan-versions/{plan.Id}/edits",
            new EditRequest("unassign", route.Stops[^1].OrderId)));
        (await dispatcher.PostAsync($"/api/v1/plan-versions/{edit.VersionId}/publish", null)).EnsureSuccessStatusCode();
        var order = (await dispatcher.GetFromJsonAsync<OrderResponse>($"/api/v1/orders/{first.OrderId}"))!;
        var link = await api.TrackingTokenAsync(order.Id);

        await Redis.KeyDeleteAsync(api.RedisKeyPrefix + "courier:" + Id(route.CourierId));

        Assert.Equal(StopStatus.Delivered, (await ViewAsync(link)).Status);
    }

    [Fact]
    public async Task YesterdaysLink_WhileTheCourierDrivesToday_NeitherShowsTodaysPositionNorOverwritesTodaysState()
    {
        var dispatcher = await api.ClientAsAsync(Roles.Dispatcher);
        var s = await Scenario.CreateAsync(dispatcher, couriers: 1);
        var courier = s.Couriers[0];
        var today = DeliveryApiFactory.PlanDate.AddDays(1);
        var vehicle = (await dispatcher.GetFromJsonAsync<List<VehicleResponse>>($"/api/v1/depots/{s.Depot.Id}/vehicles"))![0];
        (await dispatcher.PutAsJsonAsync($"/api/v1/couriers/{courier.Id}/shifts/{today:yyyy-MM-dd}",
            new ShiftRequest(vehicle.Id, new TimeOnly(8, 0), new TimeOnly(18, 0), null, null, null))).EnsureSuccessStatusCode();
        await s.ImportAsync(Scenario.Csv(1, prefix: "Y"));
        await PublishAsync(dispatcher, s.Depot.Id, DeliveryApiFactory.PlanDate);
        (await dispatcher.PostAsync($"/api/v1/depots/{s.Depot.Id}/orders/import?date={today:yyyy-MM-dd}",
            new StringContent(Scenario.Csv(1, prefix: "T", offset: 3), Encoding.UTF8, "text/csv"))).EnsureSuccessStatusCode();
        var todays = await PublishAsync(dispatcher, s.Depot.Id, today);
        var yesterdays = (await dispatcher.GetFromJsonAsync<List<OrderResponse>>($"/api/v1/depots/{s.Depot.Id}/orders?date={DeliveryApiFactory.PlanDate:yyyy-MM-dd}"))![0];
        var yesterdaysLink = await api.TrackingTokenAsync(yesterdays.Id);
        var device = await Scenario.Read<DeviceTokenResponse>(await dispatcher.PostAsJsonAsync($"/api/v1/couriers/{courier.Id}/devices", new IssueDeviceRequest("tablet")));
        var now = Morning.AddDays(1);
        api.Time.SetUtcNow(now);
        await using var tablet = Tablet(device.Token);
        await tablet.StartAsync();
        var stop = todays.Routes.Single(r => r.Stops.Count > 0).Stops[0];
        await tablet.InvokeAsync<BatchAck>("SendPositions", new CourierBatch(null, [new PositionReport(1, now, stop.Latitude + 0.01, stop.Longitude, 5)], []));

        var old = await ViewAsync(yesterdaysLink);

        Assert.Null(old.Courier);
        var stored = JsonDocument.Parse((string)(await Redis.StringGetAsync(api.RedisKeyPrefix + "courier:" + Id(courier.Id)))!);
        Assert.Equal(today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), stored.RootElement.GetProperty("date").GetString());
    }

    private IDatabase Redis => api.Services.GetRequiredService<IConnectionMultiplexer>().GetDatabase();

    private async Task<PlanVersionView> PublishAsync(HttpClient dispatcher, long depotId, DateOnly date)
    {
        var started = await Scenario.Read<JobResponse>(await dispatcher.PostAsync($"/api/v1/depots/{depotId}/plans?date={date:yyyy-MM-dd}", null));
        var job = await Planning.WaitAsync(dispatcher, started.Id);
        Assert.Equal("succeeded", job.Status);
        return await Scenario.Read<PlanVersionView>(await dispatcher.PostAsync($"/api/v1/plan-versions/{job.ResultVersionId}/publish", null));
    }

    private Task<CustomerView> ViewAsync(string token) => TestHubs.CustomerViewAsync(api, token);

    private async Task<(HttpClient Dispatcher, PlanVersionView Plan, RouteView Route, string Token)> RouteWithTabletAsync(int orders = 2)
    {
        var dispatcher = await api.ClientAsAsync(Roles.Dispatcher);
        var (_, plan) = await PublishedPlan.CreateAsync(dispatcher, couriers: 1, orders: orders);
        var route = plan.Routes.Single(r => r.Stops.Count > 0);
        var device = await Scenario.Read<DeviceTokenResponse>(await dispatcher.PostAsJsonAsync($"/api/v1/couriers/{route.CourierId}/devices",
            new IssueDeviceRequest("tablet")));
        return (dispatcher, plan, route, device.Token);
    }

    private HubConnection Tablet(string token) => TestHubs.Connect(api, "/hubs/courier", token);

    private HubConnection Live(string token) => TestHubs.Connect(api, "/hubs/live", token);

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);
}
