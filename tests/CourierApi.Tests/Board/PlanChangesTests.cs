using System.Net;
using System.Net.Http.Json;
using Delivery.CourierApi.Auth;
using Delivery.CourierApi.Features.Plans;
using Delivery.CourierApi.Features.Routes;

namespace Delivery.CourierApi.Tests.Board;

/// <summary>What moved between plan versions: after an edit of a published plan, and after a re-plan with a locked route.</summary>
public sealed class PlanChangesTests(DeliveryApiFactory api) : IClassFixture<DeliveryApiFactory>
{
    [Fact]
    public async Task Changes_EditOfPublishedPlan_ListsExactlyTheMovedStop()
    {
        var dispatcher = await api.ClientAsAsync(Roles.Dispatcher);
        var s = await Scenario.CreateAsync(dispatcher, couriers: 2);
        await s.ImportAsync(Scenario.Csv(10));
        var job = await Planning.WaitAsync(dispatcher, (await Planning.StartAsync(dispatcher, s.Depot.Id)).Id);
        var v1 = await Scenario.Read<PlanVersionView>(await dispatcher.PostAsync($"/api/v1/plan-versions/{job.ResultVersionId}/publish", null));
        var first = await dispatcher.GetFromJsonAsync<PlanChangesView>($"/api/v1/plan-versions/{v1.Id}/changes");
        Assert.Null(first!.PreviousVersionId);
        Assert.Empty(first.Stops);

        // Move one stop to the other courier (or to the only route when the plan used one courier).
        var from = v1.Routes.Where(r => r.Stops.Count > 0).MaxBy(r => r.Stops.Count)!;
        var to = v1.Routes.First(r => r.RouteId != from.RouteId);
        var moved = from.Stops[0];
        var edit = await Scenario.Read<EditResult>(await dispatcher.PostAsJsonAsync($"/api/v1/plan-versions/{v1.Id}/edits",
            new EditRequest("move", moved.OrderId, to.CourierId, Position: 1, Confirm: true)));
        Assert.True(edit.NewVersion);

        var changes = (await dispatcher.GetFromJsonAsync<PlanChangesView>($"/api/v1/plan-versions/{edit.VersionId}/changes"))!;
        Assert.Equal(v1.Id, changes.PreviousVersionId);
        var change = Assert.Single(changes.Stops);
        Assert.Equal((moved.OrderId, StopChangeKind.Moved, from.CourierId, 1, to.CourierId, 1),
            (change.OrderId, change.Kind, change.FromCourierId, change.FromSequence, change.ToCourierId, change.ToSequence));
        Assert.Equal(9, changes.UnchangedStops); // the others shifted by one place, but kept their order
        if (to.Stops.Count == 0)
        {
            Assert.Equal(to.CourierId, Assert.Single(changes.RoutesAdded).CourierId);
        }
        if (from.Stops.Count == 1)
        {
            Assert.Equal(from.CourierId, Assert.Single(changes.RoutesEmptied).CourierId);
        }
    }

    [Fact]
    public async Task Changes_ReplanWithLockedRouteAndNewOrders_LockedStopsStayNewOnesAdded()
    {
        var dispatcher = await api.ClientAsAsync(Roles.Dispatcher);
        var s = await Scenario.CreateAsync(dispatcher, couriers: 2);
        await s.ImportAsync(Scenario.Csv(12));
        var job = await Planning.WaitAsync(dispatcher, (await Planning.StartAsync(dispatcher, s.Depot.Id)).Id);
        var v1 = (await dispatcher.GetFromJsonAsync<PlanVersionView>($"/api/v1/plan-versions/{job.ResultVersionId}"))!;
        var locked = v1.Routes.MaxBy(r => r.Stops.Count)!;
        (await dispatcher.PutAsJsonAsync($"/api/v1/routes/{locked.RouteId}/lock", new LockRequest(true))).EnsureSuccessStatusCode();
        await s.ImportAsync(Scenario.Csv(3, prefix: "N"));
        var replan = await Planning.WaitAsync(dispatcher, (await Planning.StartAsync(dispatcher, s.Depot.Id)).Id);
        var v2 = (await dispatcher.GetFromJsonAsync<PlanVersionView>($"/api/v1/plan-versions/{replan.ResultVersionId}"))!;

        var changes = (await dispatcher.GetFromJsonAsync<PlanChangesView>($"/api/v1/plan-versions/{v2.Id}/changes"))!;
        Assert.Equal(v1.Id, changes.PreviousVersionId);
        Assert.DoesNotContain(changes.Stops, c => c.FromCourierId == locked.CourierId || (c.ToCourierId == locked.CourierId && c.Kind != StopChangeKind.Added));
        var newOnRoutes = v2.Routes.SelectMany(r => r.Stops).Count(x => x.ShopOrderId.StartsWith('N'));
        Assert.Equal(newOnRoutes, changes.Stops.Count(c => c.Kind == StopChangeKind.Added));
        Assert.All(changes.Stops.Where(c => c.Kind == StopChangeKind.Added), c => Assert.StartsWith("N", c.ShopOrderId));
        Assert.Equal(v2.Totals.Stops, changes.UnchangedStops + changes.Stops.Count(c => c.ToCourierId is not null));
    }

    [Fact]
    public async Task Changes_AgainstAnotherPlan_ProblemNamesAgainst()
    {
        var dispatcher = await api.ClientAsAsync(Roles.Dispatcher);
        var a = await Scenario.CreateAsync(dispatcher, couriers: 1);
        await a.ImportAsync(Scenario.Csv(2));
        var ja = await Planning.WaitAsync(dispatcher, (await Planning.StartAsync(dispatcher, a.Depot.Id)).Id);
        var b = await Scenario.CreateAsync(dispatcher, couriers: 1);
        await b.ImportAsync(Scenario.Csv(2));
        var jb = await Planning.WaitAsync(dispatcher, (await Planning.StartAsync(dispatcher, b.Depot.Id)).Id);

        var analyst = await api.ClientAsAsync(Roles.Analyst);
        var response = await analyst.GetAsync($"/api/v1/plan-versions/{ja.ResultVersionId}/changes?against={jb.ResultVersionId}");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("\"against\"", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData(new[] { 1, 2, 3, 4 }, 4)]
    [InlineData(new[] { 4, 1, 2, 3 }, 3)]
    [InlineData(new[] { 2, 1, 4, 3 }, 2)]
    public void LongestKeptInOrder_FindsLongestRun(int[] sequence, int kept) =>
        Assert.Equal(kept, PlanChanges.LongestKeptInOrder(sequence).Count);
}
