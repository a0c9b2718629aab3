using Delivery.Planner.Model;
using Delivery.Planner.Solving;
using Delivery.Planner.Travel;
using Delivery.Planner.Validation;

namespace Delivery.Planner.Tests.Solving;

/// <summary>
/// Time-dependent travel (one matrix per time slice): the search plans on the slices' bound, the final routes are
/// re-timed on the slice each leg departs in, and the validator checks them with the same times.
/// </summary>
public sealed class TimeDependentTravelTests
{
    /// <summary>
    /// Three stops on a line 100 s apart (a, b, c: their windows close at 250 and 450); from t = 150 every leg takes twice as
    /// long (a rush hour). Returns the problem and its off-peak matrix.
    /// </summary>
    private static (PlanningProblem Problem, TravelMatrix OffPeak) RushHour()
    {
        var problem = new TestWorld().Depot("d", 0, 0).Vehicle("v", shiftEnd: 5_000)
            .Order("a", 100, 0, windows: [new TimeWindow(0, 250)]).Order("b", 200, 0, windows: [new TimeWindow(0, 450)]).Order("c", 300, 0)
            .Build();
        var fast = problem.Matrix;
        var slow = Scaled(fast, 2);
        return (problem with { Matrix = slow, TimeDependent = new TimeDependentTravel([(0, fast), (150, slow)]) }, fast);
    }

    private static TravelMatrix Scaled(TravelMatrix m, long factor) =>
        new(m.Size, m.Durations.ToArray().Select(d => d * factor).ToArray(), m.Distances.ToArray());

    [Fact]
    public void Plan_RushHourSlice_LegsTimedByTheirDepartureAndValid()
    {
        var (problem, _) = RushHour();

        var result = TestWorld.Solve(problem); // asserts the validator finds nothing wrong

        var route = Assert.Single(result.Routes);
        Assert.Equal(["a", "b", "c"], route.Stops.Select(s => s.OrderId));
        // a: leaves at 0 (fast slice) → 100; b: leaves a at 100 (fast) → 200; c: leaves b at 200 (slow: 200 s) → 400; home 600 s (slow) → 1000.
        Assert.Equal([100L, 200L, 400L], route.Stops.Select(s => s.ArrivalSeconds));
        Assert.Equal(1000L, route.EndSeconds - route.StartSeconds);
    }

    [Fact]
    public void Validate_RouteTimedOnOneMatrix_ReportedTimesInconsistent()
    {
        var (problem, offPeak) = RushHour();
        // The same sequence timed on the off-peak matrix all day: c would arrive at 300, but leaving b at 200 takes 200 s.
        var timedAllDay = RouteTiming.Time(problem with { TimeDependent = null, Matrix = offPeak }, "v", ["a", "b", "c"]).Route;

        var violations = PlanValidator.Validate(problem, new PlanResult([timedAllDay], [], new SolveStatistics(0, 1, TimeSpan.Zero, "test", 0)));

        Assert.Contains(violations, v => v.Kind == PlanViolationKind.ReportedTimesInconsistent && v.OrderId == "c");
        Assert.Empty(PlanValidator.Validate(problem, new PlanResult([RouteTiming.Time(problem, "v", ["a", "b", "c"]).Route], [],
            new SolveStatistics(0, 1, TimeSpan.Zero, "test", 0))));
    }
}
