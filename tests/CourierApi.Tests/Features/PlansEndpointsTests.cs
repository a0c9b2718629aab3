using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Delivery.CourierApi.Auth;
using Delivery.CourierApi.Features.Plans;

namespace Delivery.CourierApi.Tests.Features;

public sealed class PlansEndpointsTests(DeliveryApiFactory api) : IClassFixture<DeliveryApiFactory>
{
    [Fact]
    public async Task PlanJob_Evening_ProducesReviewableRoutesAndGeoJson()
    {
        var dispatcher = await api.ClientAsAsync(Roles.Dispatcher);
        var s = await Scenario.CreateAsync(dispatcher, couriers: 2);
        await s.ImportAsync(Scenario.Csv(20));

        var job = await Planning.StartAsync(dispatcher, s.Depot.Id);
        var done = await Planning.WaitAsync(dispatcher, job.Id);

        Assert.Equal("succeeded", done.Status);
        Assert.NotNull(done.ResultVersionId);
        Assert.NotNull(done.Progress?.BestCost);
        var plan = await dispatcher.GetFromJsonAsync<PlanVersionView>($"/api/v1/depots/{s.Depot.Id}/plans/2026-12-01");
        Assert.Equal(done.ResultVersionId, plan!.Id);
        Assert.Equal("draft", plan.Status);
        Assert.Equal(20, plan.Totals.Stops + plan.Totals.Unassigned);
        Assert.All(plan.Routes.SelectMany(r => r.Stops), stop =>
        {
            Assert.True(stop.WindowStart <= stop.PlannedServiceStart && stop.PlannedServiceStart <= stop.WindowEnd);
            Assert.True(stop.SlackMinutes >= 0);
        });
        var geo = await dispatcher.GetFromJsonAsync<RouteFeatureCollection>($"/api/v1/plan-versions/{plan.Id}/geojson");
        Assert.Equal(plan.Totals.Routes, geo!.Features.Count);
        Assert.All(geo.Features, f => Assert.Equal(f.Properties.Stops + 2, f.Geometry.Coordinates.Count));
        Assert.Equal(plan.Id, geo.VersionId);
        // By depot and date (what the board asks for together with the plan): the newest version's lines, the same ones.
        var latest = await dispatcher.GetFromJsonAsync<RouteFeatureCollection>($"/api/v1/depots/{s.Depot.Id}/plans/2026-12-01/geojson");
        Assert.Equal(plan.Id, latest!.VersionId);
        Assert.Equal(geo.Features.Select(f => (f.Properties.RouteId, f.Geometry.Coordinates.Count)), latest.Features.Select(f => (f.Properties.RouteId, f.Geometry.Coordinates.Count)));
    }

    [Fact]
    public async Task PlanJob_SecondWhileFirstActive_Is409NamingTheJob()
    {
        var dispatcher = await api.ClientAsAsync(Roles.Dispatcher);
        var s = await Scenario.CreateAsync(dispatcher, couriers: 1);
        await s.ImportAsync(Scenario.Csv(5));
        var first = await Planning.StartAsync(dispatcher, s.Depot.Id, seconds: 5);
        var second = await dispatcher.PostAsync($"/api/v1/depots/{s.Depot.Id}/plans?date=2026-12-01", null);
        var state = (await dispatcher.GetFromJsonAsync<JobResponse>($"/api/v1/planning-jobs/{first.Id}"))!.Status;
        if (state is "queued" or "running")
        {
            Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
            var body = await second.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal(first.Id, body.GetProperty("jobId").GetInt64());
        }
        await dispatcher.PostAsync($"/api/v1/planning-jobs/{first.Id}/cancel", null);
        await Planning.WaitAsync(dispatcher, first.Id);
    }

    [Fact]
    public async Task Cancel_RunningJob_KeepsBestPlan()
    {
        var dispatcher = await api.ClientAsAsync(Roles.Dispatcher);
        var s = await Scenario.CreateAsync(dispatcher, couriers: 2);
        await s.ImportAsync(Scenario.Csv(30));
        var job = await Planning.StartAsync(dispatcher, s.Depot.Id, seconds: 60);
        await Planning.WaitAsync(dispatcher, job.Id, "running", "succeeded");
        // Wait for a first solution, then cancel.
        var until = DateTime.UtcNow.AddSeconds(60);
        while ((await dispatcher.GetFromJsonAsync<JobResponse>($"/api/v1/planning-jobs/{job.Id}"))!.Progress?.BestCost is null && DateTime.UtcNow < until)
        {
            await Task.Delay(100);
        }
        var cancel = await dispatcher.PostAsync($"/api/v1/planning-jobs/{job.Id}/cancel", null);
        Assert.Equal(HttpStatusCode.Accepted, cancel.StatusCode);

        var done = await Planning.WaitAsync(dispatcher, job.Id);

        Assert.Equal("cancelled", done.Status);
        Assert.NotNull(done.ResultVersionId);
        var plan = await dispatcher.GetFromJsonAsync<PlanVersionView>($"/api/v1/plan-versions/{done.ResultVersionId}");
        Assert.Equal(30, plan!.Totals.Stops + plan.Totals.Unassigned);
        Assert.True(done.Progress!.ElapsedSeconds < 60);
    }

    [Fact]
    public async Task PlanJob_PinnedOrder_IsRoutedOnItsCourier()
    {
        var dispatcher = await api.ClientAsAsync(Roles.Dispatcher);
        var s = await Scenario.CreateAsync(dispatcher, couriers: 3);
        await s.ImportAsync(Scenario.Csv(9));
        var order = (await dispatcher.GetFromJsonAsync<List<Delivery.CourierApi.Features.Orders.OrderResponse>>(
            $"/api/v1/depots/{s.Depot.Id}/orders?date=2026-12-01"))![4];
        var pinned = await dispatcher.PutAsJsonAsync($"/api/v1/orders/{order.Id}/pin", new Delivery.CourierApi.Features.Routes.PinRequest(s.Couriers[2].Id));
        Assert.Equal(s.Couriers[2].Id, (await Scenario.Read<Delivery.CourierApi.Features.Orders.OrderResponse>(pinned)).PinnedCourierId);

        var done = await Planning.WaitAsync(dispatcher, (await Planning.StartAsync(dispatcher, s.Depot.Id)).Id);

        var plan = await dispatcher.GetFromJsonAsync<PlanVersionView>($"/api/v1/plan-versions/{done.ResultVersionId}");
        Assert.Contains(plan!.Routes.Single(r => r.CourierId == s.Couriers[2].Id).Stops, x => x.OrderId == order.Id);
    }

    [Fact]
    public async Task PlanJob_Analyst_Is403()
    {
        var analyst = await api.ClientAsAsync(Roles.Analyst);
        var response = await analyst.PostAsync("/api/v1/depots/1/plans?date=2026-12-01", null);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
