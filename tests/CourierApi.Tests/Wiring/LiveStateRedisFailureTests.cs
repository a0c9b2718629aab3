using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Delivery.CourierApi.Auth;
using Delivery.CourierApi.Features.Fleet;
using Delivery.CourierApi.Features.Orders;
using Delivery.Testing;
using Delivery.Tracking;
using Delivery.Tracking.Ingest;
using Delivery.Tracking.Live;
using Delivery.Tracking.Routes;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

namespace Delivery.CourierApi.Tests.Wiring;

/// <summary>
/// The real host on a Redis user of its own, so a test can take a command away from it (a real Redis failure, for this
/// host only) and give it back.
/// </summary>
public sealed class RedisUserHost : IAsyncLifetime
{
    private readonly ConnectionMultiplexer _admin = ConnectionMultiplexer.Connect(TestServices.Redis + ",allowAdmin=true");

    public RedisUserHost()
    {
        Acl("SETUSER", User, "on", ">" + Password, "~*", "&*", "+@all");
        Api.Settings["ConnectionStrings:Redis"] = $"{TestServices.Redis},user={User},password={Password}";
    }

    public string User { get; } = "t-" + Guid.NewGuid().ToString("N")[..12];

    private string Password => "pw-" + User;

    public DeliveryApiFactory Api { get; } = new();

    /// <summary>The host's Redis user may no longer run <paramref name="command"/> (it fails with NOPERM) until <see cref="Allow"/>.</summary>
    public void Deny(string command) => Acl("SETUSER", User, "-" + command);

    public void Allow(string command) => Acl("SETUSER", User, "+" + command);

    private void Acl(params object[] args) => _admin.GetDatabase().Execute("ACL", args);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await Api.DisposeAsync();
        Acl("DELUSER", User);
        await _admin.DisposeAsync();
    }
}

/// <summary>A Redis failure in the middle of a live update does not leave live state wrong for the rest of the day.</summary>
public sealed class LiveStateRedisFailureTests(RedisUserHost host) : IClassFixture<RedisUserHost>
{
    private static readonly DateTimeOffset Morning = new(2026, 12, 1, 9, 30, 0, TimeSpan.Zero);

    private DeliveryApiFactory Api => host.Api;

    [Fact]
    public async Task Ingest_RedisRefusesTheSaveOfADelivery_NextBatchResyncsFromTheRecord()
    {
        var dispatcher = await Api.ClientAsAsync(Roles.Dispatcher);
        var (_, plan) = await PublishedPlan.CreateAsync(dispatcher, couriers: 1, orders: 2);
        var route = plan.Routes.Single(r => r.Stops.Count > 0);
        var device = await Scenario.Read<DeviceTokenResponse>(await dispatcher.PostAsJsonAsync($"/api/v1/couriers/{route.CourierId}/devices",
            new IssueDeviceRequest("tablet")));
        var stop = route.Stops[0];
        var order = (await dispatcher.GetFromJsonAsync<OrderResponse>($"/api/v1/orders/{stop.OrderId}"))!;
        var link = await Api.TrackingTokenAsync(order.Id);
        Api.Time.SetUtcNow(Morning);
        await using var tablet = Tablet(device.Token);
        await tablet.StartAsync();
        await tablet.InvokeAsync<BatchAck>("SendPositions", new CourierBatch(null, [new PositionReport(1, Morning, stop.Latitude + 0.01, stop.Longitude, 5)], []));
        Assert.Equal(StopStatus.Open, (await ViewAsync(link)).Status);

        Api.Time.SetUtcNow(Morning.AddMinutes(5));
        host.Deny("set");
        BatchAck delivered;
        try
        {
            delivered = await tablet.InvokeAsync<BatchAck>("SendPositions", new CourierBatch(null, [],
                [new CourierEventReport("d1", stop.OrderId.ToString(CultureInfo.InvariantCulture), "delivered", Morning.AddMinutes(5))]));
        }
        finally
        {
            host.Allow("set");
        }
        Api.Time.SetUtcNow(Morning.AddMinutes(6));
        await tablet.InvokeAsync<BatchAck>("SendPositions", new CourierBatch(null,
            [new PositionReport(2, Morning.AddMinutes(6), stop.Latitude + 0.01, stop.Longitude, 5)], []));

        Assert.Equal(["d1"], delivered.EventsAccepted);
        Assert.Equal(StopStatus.Delivered, (await ViewAsync(link)).Status);
    }

    private Task<CustomerView> ViewAsync(string token) => TestHubs.CustomerViewAsync(Api, token);

    private HubConnection Tablet(string token) => TestHubs.Connect(Api, "/hubs/courier", token);
}
