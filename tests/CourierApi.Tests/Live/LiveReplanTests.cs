using System.Net;
using System.Net.Http.Json;
using Delivery.CourierApi.Auth;
using Delivery.CourierApi.Features.Fleet;
using Delivery.CourierApi.Features.Live;
using Delivery.CourierApi.Tests.Wiring;
using Delivery.Tracking.Ingest;
using Microsoft.AspNetCore.SignalR.Client;

namespace Delivery.CourierApi.Tests.Live;

/// <summary>The in-day re-plan's preview over a published plan, with its own host (its clock moves past the cut-off).</summary>
public sealed class LiveReplanTests(DeliveryApiFactory api) : IClassFixture<DeliveryApiFactory>
{
    private static readonly string Date = LiveDayTests.Date;

    [Fact]
    public async Task Replan_FromCurrentPositions_PreviewsMovesBetweenCouriersOnShift_WritesNothing()
    {
        var planner = await api.ClientAsAsync(Roles.Dispatcher);
        var (scenario, plan) = await PublishedPlan.CreateAsync(planner, couriers: 2, orders: 8);
        var none = await Scenario.CreateAsync(planner, couriers: 1);
        var now = new DateTimeOffset(2026, 12, 1, 9, 45, 0, TimeSpan.Zero);
        api.Time.SetUtcNow(now);
        var dispatcher = await api.ClientAsAsync(Roles.Dispatcher);
        var route = plan.Routes.First(r => r.Stops.Count > 0);
        var device = await Scenario.Read<DeviceTokenResponse>(await dispatcher.PostAsJsonAsync($"/api/v1/couriers/{route.CourierId}/devices", new IssueDeviceRequest("tablet")));
        await using (var hub = TestHubs.Connect(api, "/hubs/courier", device.Token))
        {
            await hub.StartAsync();
            await hub.InvokeAsync<BatchAck>("SendPositions", new CourierBatch(null, [new PositionReport(1, now, 41.2100, -8.5600, 5)], []));
        }

        var url = $"/api/v1/depots/{scenario.Depot.Id}/live/replan?date={Date}&timeLimitSeconds=1";
        var preview = await Scenario.Read<ReplanPreview>(await dispatcher.PostAsync(url, null));
        Assert.Equal(plan.Id, preview.PlanVersionId);
        Assert.Equal(plan.Routes.Count, preview.Couriers); // both on shift, the one the evening plan left idle too
        Assert.All(preview.Moves, m =>
        {
            Assert.NotEqual(m.FromCourierId, m.ToCourierId);
            Assert.True(m.Position >= 1);
            Assert.True(m.PlannedArrival >= now, "planned from now on");
        });
        var day = await LiveDayTests.ReadDayAsync(dispatcher, scenario.Depot.Id);
        Assert.Equal(plan.Id, day.PlanVersionId); // a preview writes nothing

        var bad = await dispatcher.PostAsync($"/api/v1/depots/{scenario.Depot.Id}/live/replan?date={Date}&timeLimitSeconds=0", null);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("timeLimitSeconds", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, (await dispatcher.PostAsync($"/api/v1/depots/{none.Depot.Id}/live/replan?date={Date}", null)).StatusCode);
    }
}
