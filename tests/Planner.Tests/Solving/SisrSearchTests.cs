using Delivery.Planner.Model;
using Delivery.Planner.Solving;
using Delivery.Planner.Solving.RuinRecreate;

namespace Delivery.Planner.Tests.Solving;

public sealed class SisrSearchTests
{
    /// <summary>
    /// The search's O(1) insertion test (departure and latest-arrival bounds) must agree with re-timing the whole route
    /// the validator's way, for every order and position, on routes with several windows per order, service times,
    /// a shift end and capacities in three dimensions.
    /// </summary>
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void CanInsertAt_AgreesWithFullRetiming(int seed)
    {
        var rng = new Random(seed);
        var world = new TestWorld().Depot("D", 50, 50).Depot("E", 0, 0)
            .Vehicle("v", capacity: 12, shiftEnd: 1_500, start: "D", end: "E");
        for (var i = 0; i < 25; i++)
        {
            var windows = Enumerable.Range(0, 1 + rng.Next(3)).Select(_ => rng.Next(0, 1_300)).Order()
                .Select(s => new TimeWindow(s, s + rng.Next(20, 200))).ToArray();
            world.Order($"o{i}", rng.Next(0, 100), rng.Next(0, 100), demand: 1 + rng.Next(2), service: rng.Next(0, 30), windows: windows);
        }
        var problem = world.Build();
        var ix = new ProblemIndex(problem);
        var model = new SearchModel(ix, new SolveScope([0], Enumerable.Range(0, 25).ToArray()));
        var route = new RouteState(0, 25);
        var sequence = new List<int>();
        var checkedInsertions = 0;
        var feasibleInsertions = 0;
        for (var round = 0; round < 40; round++)
        {
            route.Set(model, sequence.ToArray());
            var candidates = new List<(int At, int Order)>();
            foreach (var o in Enumerable.Range(0, 25).Except(sequence))
            {
                for (var at = 0; at <= sequence.Count; at++)
                {
                    var full = sequence.ToList();
                    full.Insert(at, o);
                    var expected = RouteScheduler.Simulate(ix, 0, full, problem.Vehicles[0].Shift.Start, -1).Route is not null;
                    var actual = route.Fits(model, o) && route.CanInsertAt(model, at, o, model.Node(o));
                    Assert.True(expected == actual, $"order {o} at {at} into [{string.Join(',', sequence)}]: full re-timing {expected}, O(1) test {actual}");
                    checkedInsertions++;
                    if (expected)
                    {
                        candidates.Add((at, o));
                    }
                }
            }
            feasibleInsertions += candidates.Count;
            if (candidates.Count == 0)
            {
                break;
            }
            var (pos, order) = candidates[rng.Next(candidates.Count)];
            sequence.Insert(pos, order);
        }
        // The instance must exercise both outcomes, or the agreement says nothing.
        Assert.InRange(feasibleInsertions, 1, checkedInsertions - 1);
        Assert.True(sequence.Count >= 3, $"only {sequence.Count} stops could be routed");
    }

    [Fact]
    public void Run_NeverLosesAnOrder_KeepsSkillsPinsDepotsBreaksAndDurations_AndImproves()
    {
        var rng = new Random(5);
        var world = new TestWorld().Depot("D", 20, 20).Depot("E", 80, 80)
            .Vehicle("a", capacity: 12, shiftEnd: 2_500, start: "D")
            .Vehicle("b", capacity: 12, shiftEnd: 2_500, start: "E")
            .Vehicle("c", capacity: 12, shiftEnd: 2_500, start: "D", end: "E", tweak: v => v with { Skills = new HashSet<string> { "fridge" } })
            .Vehicle("d", capacity: 12, shiftEnd: 2_500, start: "E", tweak: v => v with { Break = new Break(new TimeWindow(600, 900), 60) })
            .Vehicle("e", capacity: 12, shiftEnd: 2_500, start: "D", tweak: v => v with { MaxRouteSeconds = 900 });
        for (var i = 0; i < 40; i++)
        {
            var s = rng.Next(0, 1_800);
            world.Order($"o{i}", rng.Next(0, 100), rng.Next(0, 100), demand: 1, service: 10,
                windows: i % 5 == 0 ? [new TimeWindow(s, s + 150), new TimeWindow(s + 400, s + 550)] : [new TimeWindow(s, s + 300)],
                tweak: i % 7 == 0 ? o => o with { RequiredSkills = new HashSet<string> { "fridge" } } : null);
        }
        var problem = world.Build() with { Pins = new Dictionary<string, string> { ["o3"] = "e" } };
        var ix = new ProblemIndex(problem);
        var scope = new SolveScope(Enumerable.Range(0, 5).ToArray(), Enumerable.Range(0, 40).ToArray());
        // A poor but feasible start: orders one by one into the first route that can take them at the end.
        var start = Solution.Empty(5);
        start.Routes[3] = [1];
        foreach (var o in Enumerable.Range(0, 40).Where(o => o != 1))
        {
            foreach (var v in new[] { 4, 0, 1, 2 })
            {
                var candidate = start.Routes[v].Append(o).ToArray();
                if (ix.Allowed[o][v] && RouteScheduler.Schedule(ix, v, candidate).Route is not null)
                {
                    start.Routes[v] = candidate;
                    break;
                }
            }
        }
        var startOutcome = Portfolio.Evaluate(ix, scope, start, "start");
        var search = new SisrSearch(new SearchModel(ix, scope), start, scope.Orders, new RuinRecreateSettings(), seed: 11);

        var time = TimeProvider.System;
        var (best, _) = search.Run(time, time.GetTimestamp() + time.TimestampFrequency, CancellationToken.None);

        var outcome = Portfolio.Evaluate(ix, scope, best, "sisr");
        Assert.True(search.Steps > 100, $"only {search.Steps} steps");
        Assert.True(outcome.Unassigned <= startOutcome.Unassigned, $"{outcome.Unassigned} left out, {startOutcome.Unassigned} at the start");
        Assert.True(outcome.Cost < startOutcome.Cost, $"cost {outcome.Cost} not below the start's {startOutcome.Cost}");
        var routed = best.Routes.SelectMany(r => r).ToList();
        Assert.Equal(routed.Count, routed.Distinct().Count());
        // Every order routed at the start stays routed; orders the start left out are taken in where they fit.
        Assert.Superset(startOutcome.Solution.RoutedOrders(), routed.ToHashSet());
        for (var v = 0; v < 5; v++)
        {
            Assert.All(best.Routes[v], o => Assert.True(ix.Allowed[o][v], $"order {problem.Orders[o].Id} on vehicle {problem.Vehicles[v].Id}"));
            // Re-timed the validator's way: the break is taken in its window and vehicle e drives at most 900 s.
            Assert.NotNull(RouteScheduler.Schedule(ix, v, best.Routes[v]).Route);
        }
    }

    [Fact]
    public void Plan_Replan_WithOnlyImprovingMoves_KeepsAnOptimalPreviousPlanAsItIs()
    {
        // Two clusters far apart, one vehicle each: the previous plan is optimal, so a re-plan must not move a stop.
        var world = new TestWorld().Depot("D", 50, 50).Vehicle("left").Vehicle("right");
        for (var i = 0; i < 6; i++)
        {
            world.Order($"l{i}", 0 + i, 0).Order($"r{i}", 100 - i, 100);
        }
        var first = TestWorld.Solve(world.Build(), TestWorld.Settings(1, 2));
        var previous = first.Routes.Select(r => new RouteSequence(r.VehicleId, r.Stops.Select(s => s.OrderId).ToList())).ToList();

        var second = TestWorld.Solve(world.Build() with { PreviousRoutes = previous }, TestWorld.Settings(1, 2));

        Assert.Equal(
            previous.Where(r => r.OrderIds.Count > 0).Select(r => (r.VehicleId, string.Join(',', r.OrderIds))).Order(),
            second.Routes.Where(r => r.Stops.Count > 0).Select(r => (r.VehicleId, string.Join(',', r.Stops.Select(s => s.OrderId)))).Order());
        Assert.Contains("sisr", second.Statistics.Strategy, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_FewestVehiclesObjective_EmptiesRoutesTheOrdersFitWithoutAndStaysDrivable()
    {
        // 20 orders, one item each, 10 per vehicle: two vehicles suffice; the start uses one per order.
        var world = new TestWorld().Depot("D", 50, 50);
        for (var v = 0; v < 20; v++)
        {
            world.Vehicle($"v{v}", capacity: 10, shiftEnd: 5_000);
        }
        var rng = new Random(3);
        for (var i = 0; i < 20; i++)
        {
            world.Order($"o{i}", rng.Next(0, 100), rng.Next(0, 100), demand: 1, service: 5, windows: [new TimeWindow(0, 4_000)]);
        }
        var problem = world.Build(PlanObjective.FewestVehiclesThenTravel);
        var ix = new ProblemIndex(problem);
        var scope = new SolveScope(Enumerable.Range(0, 20).ToArray(), Enumerable.Range(0, 20).ToArray());
        var start = new Solution(Enumerable.Range(0, 20).Select(o => new[] { o }).ToArray());
        var search = new SisrSearch(new SearchModel(ix, scope), start, scope.Orders, new RuinRecreateSettings(), seed: 5);

        var time = TimeProvider.System;
        var (best, _) = search.Run(time, time.GetTimestamp() + 2 * time.TimestampFrequency, CancellationToken.None);

        Assert.Equal(2, best.VehiclesUsed);
        Assert.Equal(18, search.FleetReductions);
        Assert.Equal(20, best.RoutedOrders().Count);
        for (var v = 0; v < 20; v++)
        {
            Assert.NotNull(RouteScheduler.Schedule(ix, v, best.Routes[v]).Route);
        }
    }

    [Fact]
    public void Plan_LargeEvening_SearchBuildsItsOwnPlanBesideOrTools_AndEveryOrderIsAccountedFor()
    {
        // From 200 orders one core builds a plan by ruin and recreate from nothing while OR-Tools builds its own.
        var problem = TestWorld.Random(240, 30, seed: 8, capacity: 40).Build(PlanObjective.FewestVehiclesThenTravel);

        var result = TestWorld.Solve(problem, TestWorld.Settings(2, workers: 2));

        Assert.Equal(240, result.Routes.Sum(r => r.Stops.Count) + result.Unassigned.Count);
        Assert.Contains("sisr", result.Statistics.Strategy, StringComparison.Ordinal);
        Assert.All(result.Unassigned, u => Assert.False(string.IsNullOrWhiteSpace(u.Detail)));
    }
}
