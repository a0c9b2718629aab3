using Delivery.Planner.Model;
using Delivery.Planner.Solving;

namespace Delivery.Planner.Tests.Solving;

public sealed partial class OrToolsRoutePlannerTests
{
    [Fact]
    public void Plan_FourOrdersOnALine_ServesAllInOneRouteInOrder()
    {
        var problem = new TestWorld().Depot("D", 0, 0).Vehicle("v1")
            .Order("c", 30, 0).Order("a", 10, 0).Order("d", 40, 0).Order("b", 20, 0)
            .Build();

        var result = TestWorld.Solve(problem);

        Assert.Empty(result.Unassigned);
        var route = Assert.Single(result.Routes);
        Assert.Equal(["a", "b", "c", "d"], route.Stops.Select(s => s.OrderId).Order());
        Assert.Equal(80, route.DistanceMeters);
    }

    [Fact]
    public void Plan_RandomInstanceWithTwoWorkers_PassesValidator()
    {
        var problem = TestWorld.Random(40, 8, seed: 3).Build(PlanObjective.FewestVehiclesThenTravel);

        var result = TestWorld.Solve(problem, TestWorld.Settings(1, workers: 2));

        Assert.Empty(result.Unassigned);
        Assert.Equal(40, result.Routes.Sum(r => r.Stops.Count));
    }

    [Fact]
    public void Plan_EveryPortfolioMember_FindsAValidPlan()
    {
        // Five workers run every configuration once: a member with invalid OR-Tools parameters would find nothing.
        var problem = TestWorld.Random(25, 6, seed: 4, capacity: 20).Build();

        foreach (var config in SearchConfig.Portfolio)
        {
            using var session = RoutingModelBuilder.Build(new ProblemIndex(problem), new SolveScope([.. Enumerable.Range(0, 6)], [.. Enumerable.Range(0, 25)]));
            var routes = session.Solve(config, TimeSpan.FromMilliseconds(300), null, null, CancellationToken.None);
            Assert.True(routes is not null, $"{config.Name} found no solution");
            Assert.Equal(25, routes.Values.Sum(r => r.Length));
        }
        TestWorld.Solve(problem, TestWorld.Settings(1, workers: SearchConfig.Portfolio.Count));
    }
}
