using Delivery.Planner.Model;
using Delivery.Planner.Solving;

namespace Delivery.Planner.Tests.Solving;

public sealed partial class OrToolsRoutePlannerTests
{
    [Fact]
    public void Plan_WithProgress_ReportsStrictlyImprovingSolutions()
    {
        var problem = TestWorld.Random(30, 6, seed: 5, capacity: 30).Build();
        var log = new ProgressLog();

        TestWorld.Solve(problem, TestWorld.Settings(1, workers: 2), log);

        var reports = log.Reports;
        Assert.NotEmpty(reports);
        Assert.All(reports.Zip(reports.Skip(1)), pair => Assert.True(pair.Second.Cost < pair.First.Cost));
        Assert.Equal(0, reports[^1].Unassigned);
    }

    [Fact(Timeout = 120_000)]
    public async Task Plan_CancelledAfterFirstSolution_ReturnsBestPlanSoFar()
    {
        var problem = TestWorld.Random(80, 16, seed: 11).Build();
        using var cts = new CancellationTokenSource();
        var log = new ProgressLog(_ => cts.Cancel());

        // The limit is far beyond the test's timeout: only cancellation can end this solve in time.
        var result = await Task.Run(() => TestWorld.Solve(problem, TestWorld.Settings(600, workers: 2), log, cts.Token));

        Assert.NotEmpty(log.Reports);
        Assert.Equal(80, result.Routes.Sum(r => r.Stops.Count) + result.Unassigned.Count);
        Assert.NotEmpty(result.Routes);
    }

    [Fact(Timeout = 120_000)]
    public async Task Plan_CancelledBeforeStart_StillReturnsAValidPlan()
    {
        var problem = TestWorld.Random(20, 5, seed: 2).Build();
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();

        var result = await Task.Run(() => TestWorld.Solve(problem, TestWorld.Settings(600), null, cts.Token));

        Assert.Equal(20, result.Routes.Sum(r => r.Stops.Count) + result.Unassigned.Count);
    }

    [Fact]
    public void Plan_ReplanWithNewOrdersAndALock_KeepsLockAndMovesFewStops()
    {
        var world = TestWorld.Random(15, 5, seed: 21, capacity: 20);
        var first = TestWorld.Solve(world.Build(PlanObjective.FewestVehiclesThenTravel), TestWorld.Settings(1, 2));
        Assert.Empty(first.Unassigned);
        var vehicleOf = first.Routes.SelectMany(r => r.Stops.Select(s => (s.OrderId, r.VehicleId))).ToDictionary(x => x.OrderId, x => x.VehicleId);
        var locked = first.Routes[0];
        world.Order("new1", 45, 55, windows: [new TimeWindow(0, 1500)]).Order("new2", 55, 45, windows: [new TimeWindow(0, 1500)]);
        var problem = world.Build(PlanObjective.FewestVehiclesThenTravel) with
        {
            LockedRoutes = [new RouteLock(locked.VehicleId, locked.Stops.Select(s => s.OrderId).ToList())],
            PreviousRoutes = first.Routes.Select(r => new RouteSequence(r.VehicleId, r.Stops.Select(s => s.OrderId).ToList())).ToList(),
        };

        var second = TestWorld.Solve(problem, TestWorld.Settings(1, 2));

        Assert.Equal(locked.Stops.Select(s => s.OrderId), second.Routes.Single(r => r.VehicleId == locked.VehicleId).Stops.Select(s => s.OrderId));
        Assert.Empty(second.Unassigned);
        var moved = second.Routes.SelectMany(r => r.Stops.Where(s => vehicleOf.TryGetValue(s.OrderId, out var v) && v != r.VehicleId)).Count();
        Assert.True(moved <= 3, $"{moved} of 15 stops changed vehicle");
    }
}
