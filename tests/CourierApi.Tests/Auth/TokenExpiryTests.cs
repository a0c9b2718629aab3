using System.Net;
using System.Net.Http.Json;
using Delivery.CourierApi.Auth;
using Delivery.CourierApi.Features.Fleet;
using Delivery.CourierApi.Features.Orders;

namespace Delivery.CourierApi.Tests.Auth;

/// <summary>Tokens that end with time: a device token after <c>Auth:DeviceTokenDays</c>, a tracking link after the delivery day's validity.</summary>
public sealed class TokenExpiryTests(DeliveryApiFactory api) : IClassFixture<DeliveryApiFactory>
{
    [Fact]
    public async Task DeviceAndTrackingTokens_PastTheirLifetime_AreRefused()
    {
        var dispatcher = await api.ClientAsAsync(Roles.Dispatcher);
        var s = await Scenario.CreateAsync(dispatcher, couriers: 1);
        var device = await Scenario.Read<DeviceTokenResponse>(await dispatcher.PostAsJsonAsync($"/api/v1/couriers/{s.Couriers[0].Id}/devices", new IssueDeviceRequest("tablet")));
        var order = await s.OrderAsync("E1");
        var tablet = api.ClientWithDeviceToken(device.Token);
        Assert.NotEqual(HttpStatusCode.Unauthorized, (await tablet.GetAsync("/api/v1/courier/route")).StatusCode);

        api.Time.Advance(TimeSpan.FromDays(91));

        Assert.Equal(HttpStatusCode.Unauthorized, (await tablet.GetAsync("/api/v1/courier/route")).StatusCode);
        var link = await api.CreateClient().GetAsync($"/api/v1/tracking/{order.TrackingToken}");
        Assert.Equal(HttpStatusCode.Gone, link.StatusCode);
    }
}
