using System.Net;
using System.Net.Http.Json;
using Delivery.CourierApi.Auth;
using Delivery.CourierApi.Features.Fleet;
using Delivery.CourierApi.Features.Orders;
using Delivery.CourierApi.Features.Pairing;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace Delivery.CourierApi.Tests.Auth;

/// <summary>Device tokens end open connections when revoked and record last-seen; customers' tracking tokens are stored as hashes only.</summary>
public sealed class TokensTests(DeliveryApiFactory api) : IClassFixture<DeliveryApiFactory>
{
    [Fact]
    public async Task RevokeDevice_OpenCourierHubConnection_IsEndedAtOnceAndCannotReconnect()
    {
        var dispatcher = await api.ClientAsAsync(Roles.Dispatcher);
        var s = await Scenario.CreateAsync(dispatcher, couriers: 1);
        var device = await Scenario.Read<DeviceTokenResponse>(await dispatcher.PostAsJsonAsync($"/api/v1/couriers/{s.Couriers[0].Id}/devices", new IssueDeviceRequest("tablet")));
        await using var hub = Tablet(device.Token);
        var closed = new TaskCompletionSource();
        hub.Closed += _ => { closed.TrySetResult(); return Task.CompletedTask; };
        await hub.StartAsync();

        (await dispatcher.DeleteAsync($"/api/v1/devices/{device.DeviceId}")).EnsureSuccessStatusCode();

        await closed.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(HubConnectionState.Disconnected, hub.State);
        await using var again = Tablet(device.Token);
        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => again.StartAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    [Fact]
    public async Task DeviceToken_Used_LastSeenAndExpiryInTheCouriersDeviceList()
    {
        var dispatcher = await api.ClientAsAsync(Roles.Dispatcher);
        var s = await Scenario.CreateAsync(dispatcher, couriers: 1);
        var courier = s.Couriers[0].Id;
        var device = await Scenario.Read<DeviceTokenResponse>(await dispatcher.PostAsJsonAsync($"/api/v1/couriers/{courier}/devices", new IssueDeviceRequest("tablet")));
        Assert.Null((await dispatcher.GetFromJsonAsync<List<DeviceView>>($"/api/v1/couriers/{courier}/devices"))!.Single().LastSeenAt);

        await api.ClientWithDeviceToken(device.Token).GetAsync("/api/v1/courier/route");

        var listed = (await dispatcher.GetFromJsonAsync<List<DeviceView>>($"/api/v1/couriers/{courier}/devices"))!.Single();
        Assert.Equal(api.Time.GetUtcNow(), listed.LastSeenAt);
        Assert.Equal(api.Time.GetUtcNow().AddDays(90), listed.ExpiresAt);
        Assert.Equal(listed.ExpiresAt, device.ExpiresAt);
    }

    [Fact]
    public async Task CreateOrder_TrackingToken_ShownOnceStoredAsItsHashOnly()
    {
        var dispatcher = await api.ClientAsAsync(Roles.Dispatcher);
        var s = await Scenario.CreateAsync(dispatcher, couriers: 1);
        var created = await s.OrderAsync("H1");
        var token = created.TrackingToken!;

        Assert.True(token.Length >= 22);
        Assert.Null((await dispatcher.GetFromJsonAsync<OrderResponse>($"/api/v1/orders/{created.Id}"))!.TrackingToken);
        Assert.Equal(1L, await api.Database.ScalarAsync(
            $"SELECT count(*) FROM tracking_links WHERE order_id = {created.Id} AND token_hash = sha256(convert_to('{token}', 'UTF8'))"));
        Assert.Equal(0L, await api.Database.ScalarAsync(
            $"SELECT count(*) FROM orders o WHERE o::text LIKE '%{token}%'"));
        Assert.Equal(0L, await api.Database.ScalarAsync(
            $"SELECT count(*) FROM information_schema.columns WHERE table_schema = '{api.Database.Schema}' AND column_name = 'tracking_token'"));
        Assert.Equal(HttpStatusCode.OK, (await api.CreateClient().GetAsync($"/api/v1/tracking/{token}/page")).StatusCode);
    }

    private HubConnection Tablet(string token) => new HubConnectionBuilder()
        .WithUrl(new Uri(api.Server.BaseAddress, "hubs/courier"), o =>
        {
            o.HttpMessageHandlerFactory = _ => api.Server.CreateHandler();
            o.Transports = HttpTransportType.LongPolling;
            o.AccessTokenProvider = () => Task.FromResult<string?>(token);
        })
        .Build();
}
