using Delivery.Planner.Model;

namespace Delivery.Planner.Tests.Solving;

public sealed partial class OrToolsRoutePlannerTests
{
    [Fact]
    public void Plan_FirstWindowClosedOnArrival_ServesInSecondWindow()
    {
        var problem = new TestWorld().Depot("D", 0, 0).Vehicle("v1")
            .Order("a", 50, 0, windows: [new TimeWindow(0, 10), new TimeWindow(100, 200)])
            .Build();

        var stop = Assert.Single(Assert.Single(TestWorld.Solve(problem).Routes).Stops);

        Assert.Equal(1, stop.WindowIndex);
        Assert.Equal(100, stop.ServiceStartSeconds);
    }

    [Fact]
    public void Plan_TwoOrdersWithDisjointWindows_OrderedByWindowNotByDistance()
    {
        // b is nearer, but its only windows are after a's: the gap between b's windows must not be used either.
        var problem = new TestWorld().Depot("D", 0, 0).Vehicle("v1")
            .Order("a", 20, 0, windows: [new TimeWindow(0, 30)])
            .Order("b", 10, 0, windows: [new TimeWindow(0, 5), new TimeWindow(60, 70)])
            .Build();

        var route = Assert.Single(TestWorld.Solve(problem).Routes);

        Assert.Equal(["a", "b"], route.Stops.Select(s => s.OrderId));
        Assert.Equal(60, route.Stops[1].ServiceStartSeconds);
    }

    [Fact]
    public void Plan_OrderNeedsSkill_RoutedOnTheOnlyVehicleWithIt()
    {
        var problem = new TestWorld().Depot("D", 0, 0)
            .Vehicle("plain").Vehicle("cold", tweak: v => v with { Skills = new HashSet<string> { "fridge" } })
            .Order("milk", 10, 0, tweak: o => o with { RequiredSkills = new HashSet<string> { "fridge" } })
            .Order("book", 0, 10)
            .Build();

        var result = TestWorld.Solve(problem);

        Assert.Contains(result.Routes.Single(r => r.Stops.Any(s => s.OrderId == "milk")).VehicleId, new[] { "cold" });
    }

    [Fact]
    public void Plan_VehicleWithBreak_TakesBreakInsideItsWindow()
    {
        var problem = new TestWorld().Depot("D", 0, 0)
            .Vehicle("v1", tweak: v => v with { Break = new Break(new TimeWindow(25, 35), 30) })
            .Order("a", 10, 0, service: 10).Order("b", 20, 0, service: 10).Order("c", 30, 0, service: 10)
            .Build();

        var route = Assert.Single(TestWorld.Solve(problem).Routes);

        Assert.NotNull(route.Break);
        Assert.InRange(route.Break.StartSeconds, 25, 35);
        Assert.Equal(30, route.Break.DurationSeconds);
        Assert.Equal(3, route.Stops.Count);
    }

    [Fact]
    public void Plan_VehicleEndsAtOtherDepot_RouteRunsStartToEnd()
    {
        var problem = new TestWorld().Depot("A", 0, 0).Depot("B", 100, 0)
            .Vehicle("v1", start: "A", end: "B")
            .Order("x", 60, 0).Order("y", 30, 0)
            .Build();

        var route = Assert.Single(TestWorld.Solve(problem).Routes);

        Assert.Equal(["y", "x"], route.Stops.Select(s => s.OrderId));
        Assert.Equal(100, route.DistanceMeters);
    }

    [Fact]
    public void Plan_TwoDepots_EachOrderServedFromTheNearerDepot()
    {
        var problem = new TestWorld().Depot("A", 0, 0).Depot("B", 1000, 0)
            .Vehicle("fromA", start: "A").Vehicle("fromB", start: "B")
            .Order("a1", 10, 0).Order("a2", 0, 10).Order("b1", 990, 0).Order("b2", 1000, 10)
            .Build();

        var result = TestWorld.Solve(problem);

        Assert.Equal(["a1", "a2"], result.Routes.Single(r => r.VehicleId == "fromA").Stops.Select(s => s.OrderId).Order());
        Assert.Equal(["b1", "b2"], result.Routes.Single(r => r.VehicleId == "fromB").Stops.Select(s => s.OrderId).Order());
    }

    [Fact]
    public void Plan_LockedRoute_KeepsItsExactSequenceEvenWhenWorse()
    {
        var problem = new TestWorld().Depot("D", 0, 0).Vehicle("v1").Vehicle("v2")
            .Order("a", 10, 0).Order("b", 20, 0).Order("c", 30, 0).Order("d", 0, 10)
            .Build() with { LockedRoutes = [new RouteLock("v1", ["c", "a", "b"])] };

        var result = TestWorld.Solve(problem);

        Assert.Equal(["c", "a", "b"], result.Routes.Single(r => r.VehicleId == "v1").Stops.Select(s => s.OrderId));
        Assert.Equal(["d"], result.Routes.Single(r => r.VehicleId == "v2").Stops.Select(s => s.OrderId));
    }

    [Fact]
    public void Plan_OrderPinnedToFartherVehicle_RoutedOnThePinnedVehicle()
    {
        var problem = new TestWorld().Depot("A", 0, 0).Depot("B", 500, 0)
            .Vehicle("nearA", start: "A").Vehicle("nearB", start: "B")
            .Order("a", 10, 0).Order("pinned", 20, 0)
            .Build() with { Pins = new Dictionary<string, string> { ["pinned"] = "nearB" } };

        var result = TestWorld.Solve(problem);

        Assert.Equal(["pinned"], result.Routes.Single(r => r.VehicleId == "nearB").Stops.Select(s => s.OrderId));
    }

    [Fact]
    public void Plan_CapacityForTwoOfThree_KeepsTheHighPriorityOrder()
    {
        // The high-priority order is the farthest: dropping it would save the most travel.
        var problem = new TestWorld().Depot("D", 0, 0).Vehicle("v1", capacity: 2)
            .Order("near1", 10, 0).Order("near2", 0, 10)
            .Order("vip", 300, 300, tweak: o => o with { Priority = 5 })
            .Build();

        var result = TestWorld.Solve(problem);

        Assert.Contains("vip", Assert.Single(result.Routes).Stops.Select(s => s.OrderId));
        var dropped = Assert.Single(result.Unassigned);
        Assert.StartsWith("near", dropped.OrderId, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_FewestVehiclesObjective_UsesOneVehicleWhenOneSuffices()
    {
        var problem = new TestWorld().Depot("D", 0, 0).Vehicle("v1").Vehicle("v2").Vehicle("v3")
            .Order("a", 100, 0).Order("b", -100, 0).Order("c", 0, 100).Order("d", 0, -100)
            .Build(PlanObjective.FewestVehiclesThenTravel);

        var result = TestWorld.Solve(problem);

        Assert.Single(result.Routes);
        Assert.Empty(result.Unassigned);
    }
}
