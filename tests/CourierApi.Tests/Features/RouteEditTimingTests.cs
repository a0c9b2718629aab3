using System.Net.Http.Json;
using Delivery.CourierApi.Auth;
using Delivery.CourierApi.Features.Fleet;
using Delivery.CourierApi.Features.Plans;
using Delivery.CourierApi.Features.Routes;

namespace Delivery.CourierApi.Tests.Features;

/// <summary>Hand edits are re-timed with the planner's own schedule: the courier's break is placed, not dropped.</summary>
public sealed class RouteEditTimingTests(DeliveryApiFactory api) : IClassFixture<DeliveryApiFactory>
{
    [Fact]
    public async Task Edit_RouteWithBreak_RetimedWithTheBreakPlaced()
    {
        var dispatcher = await api.ClientAsAsync(Roles.Dispatcher);
        var s = await Scenario.CreateAsync(dispatcher, couriers: 1);
        var courier = s.Couriers[0];
        var vehicle = (await dispatcher.GetFromJsonAsync<List<VehicleResponse>>($"/api/v1/depots/{s.Depot.Id}/vehicles"))![0];
        // A 30-minute break to start between 12:00 and 12:30 (Lisbon = UTC in December), between morning and afternoon windows.
        (await dispatcher.PutAsJsonAsync($"/api/v1/couriers/{courier.Id}/shifts/{DeliveryApiFactory.PlanDate:yyyy-MM-dd}",
            new ShiftRequest(vehicle.Id, new TimeOnly(8, 0), new TimeOnly(18, 0), null, null, new BreakDto(new TimeOnly(12, 0), new TimeOnly(12, 30), 30))))
            .EnsureSuccessStatusCode();
        await s.ImportAsync(Scenario.Csv(8, prefix: "B"));
        var job = await Planning.WaitAsync(dispatcher, (await Planning.StartAsync(dispatcher, s.Depot.Id)).Id);
        var plan = (await dispatcher.GetFromJsonAsync<PlanVersionView>($"/api/v1/plan-versions/{job.ResultVersionId}"))!;
        var route = plan.Routes.Single(r => r.Stops.Count > 0);
        AssertBreakPlaced(route);

        // Swap the last two stops (kept even if it breaks a window): the route is re-timed and the break placed again.
        var edit = await Scenario.Read<EditResult>(await dispatcher.PostAsJsonAsync($"/api/v1/plan-versions/{plan.Id}/edits",
            new EditRequest("swap", route.Stops[^1].OrderId, OtherOrderId: route.Stops[^2].OrderId, Confirm: true)));

        var edited = Assert.Single(edit.ChangedRoutes);
        Assert.Equal(route.Stops[^1].OrderId, edited.Stops[^2].OrderId);
        AssertBreakPlaced(edited);
        var stored = (await dispatcher.GetFromJsonAsync<PlanVersionView>($"/api/v1/plan-versions/{edit.VersionId}"))!.Routes.Single(r => r.Stops.Count > 0);
        Assert.Equal(edited.Break, stored.Break);
        Assert.Equal(edited.Stops.Select(x => x.PlannedArrival), stored.Stops.Select(x => x.PlannedArrival));
    }

    private static void AssertBreakPlaced(RouteView route)
    {
        var brk = route.Break;
        Assert.NotNull(brk);
        var day = new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);
        Assert.InRange(brk.StartsAt, day.AddHours(12), day.AddHours(12.5));
        Assert.Equal(TimeSpan.FromMinutes(30), brk.EndsAt - brk.StartsAt);
        // Served before the break, driven on after it: no stop overlaps it.
        Assert.All(route.Stops.Where(x => x.Sequence <= brk.AfterStop), x => Assert.True(x.PlannedDeparture <= brk.StartsAt, $"stop {x.Sequence} departs after the break starts"));
        Assert.All(route.Stops.Where(x => x.Sequence > brk.AfterStop), x => Assert.True(x.PlannedArrival >= brk.EndsAt, $"stop {x.Sequence} is reached during the break"));
    }
}
