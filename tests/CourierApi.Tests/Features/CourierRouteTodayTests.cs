using System.Net;
using System.Net.Http.Json;
using System.Text;
using Delivery.CourierApi.Auth;
using Delivery.CourierApi.Features.Courier;
using Delivery.CourierApi.Features.Fleet;
using Delivery.CourierApi.Features.Orders;
using Delivery.CourierApi.Features.Plans;

namespace Delivery.CourierApi.Tests.Features;

/// <summary>A courier's "today" is the date at the courier's depot, not the UTC date.</summary>
public sealed class CourierRouteTodayTests(DeliveryApiFactory api) : IClassFixture<DeliveryApiFactory>
{
    private static readonly DateOnly Day = new(2026, 12, 2);

    [Fact]
    public async Task Route_JustAfterMidnightInTokyo_IsTheTokyoDaysRoute()
    {
        var dispatcher = await api.ClientAsAsync(Roles.Dispatcher);
        var depot = await Scenario.Read<DepotResponse>(await dispatcher.PostAsJsonAsync("/api/v1/depots",
            Fixtures.Depot("tokyo") with { TimeZone = "Asia/Tokyo" }));
        var vehicle = await Scenario.Read<VehicleResponse>(await dispatcher.PostAsJsonAsync($"/api/v1/depots/{depot.Id}/vehicles",
            new CreateVehicleRequest("van-t", new LoadDto(500_000, 2_000_000, 40), [])));
        var courier = await Scenario.Read<CourierResponse>(await dispatcher.PostAsJsonAsync($"/api/v1/depots/{depot.Id}/couriers",
            new CreateCourierRequest("Courier T", "+81300000000", null)));
        (await dispatcher.PutAsJsonAsync($"/api/v1/couriers/{courier.Id}/shifts/{Day:yyyy-MM-dd}",
            new ShiftRequest(vehicle.Id, new TimeOnly(8, 0), new TimeOnly(18, 0), null, null, null))).EnsureSuccessStatusCode();
        var imported = await Scenario.Read<ImportReport>(await dispatcher.PostAsync($"/api/v1/depots/{depot.Id}/orders/import?date={Day:yyyy-MM-dd}",
            new StringContent(Scenario.Csv(3, prefix: "T"), Encoding.UTF8, "text/csv")));
        Assert.Equal(3, imported.Created);
        var started = await Scenario.Read<JobResponse>(await dispatcher.PostAsync($"/api/v1/depots/{depot.Id}/plans?date={Day:yyyy-MM-dd}", null));
        var job = await Planning.WaitAsync(dispatcher, started.Id);
        (await dispatcher.PostAsync($"/api/v1/plan-versions/{job.ResultVersionId}/publish", null)).EnsureSuccessStatusCode();
        var device = await Scenario.Read<DeviceTokenResponse>(await dispatcher.PostAsJsonAsync($"/api/v1/couriers/{courier.Id}/devices",
            new IssueDeviceRequest("tablet")));

        // 00:05 on 2 December in Tokyo is 15:05 on 1 December UTC.
        api.Time.SetUtcNow(new DateTimeOffset(2026, 12, 1, 15, 5, 0, TimeSpan.Zero));
        var response = await api.ClientWithDeviceToken(device.Token).GetAsync("/api/v1/courier/route");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var mine = (await response.Content.ReadFromJsonAsync<CourierRouteResponse>())!;
        Assert.Equal(Day, mine.Date);
        Assert.Equal(courier.Id, mine.Route.CourierId);
        Assert.Equal(3, mine.Route.Stops.Count);
    }
}
