using Delivery.Planner.Model;
using Delivery.Planner.Solving;
using Delivery.Planner.Validation;

namespace Delivery.Planner.Tests.Solving;

/// <summary>Timing a given sequence (hand edits) with the planner's schedule: breaks, waiting, several windows, maximum duration.</summary>
public sealed class RouteTimingTests
{
    [Fact]
    public void Time_BreakWindowBetweenStops_BreakPlacedAndRouteValid()
    {
        // a at 100 s east, b at 200 s east; the break (60 s) may start between 150 and 160: after a, before b.
        var problem = new TestWorld().Depot("d", 0, 0)
            .Vehicle("v", tweak: v => v with { Break = new Break(new TimeWindow(150, 160), 60) })
            .Order("a", 100, 0, service: 10)
            .Order("b", 200, 0, service: 10, windows: [new TimeWindow(0, 100), new TimeWindow(300, 400)])
            .Build();

        var timed = RouteTiming.Time(problem, "v", ["a", "b"]);

        Assert.Empty(timed.Violations);
        Assert.Equal(new PlannedBreak(150, 60, 1), timed.Route.Break);
        // b: arrives at 310 (break end 210 + 100), inside its second window.
        Assert.Equal((310L, 310L, 1), (timed.Route.Stops[1].ArrivalSeconds, timed.Route.Stops[1].ServiceStartSeconds, timed.Route.Stops[1].WindowIndex));
        Assert.Empty(PlanValidator.Validate(problem, new PlanResult([timed.Route], [], new SolveStatistics(0, 1, TimeSpan.Zero, "test", 0))));
    }

    [Fact]
    public void Time_WindowMissedAndBreakTooLate_EarliestScheduleWithEveryViolation()
    {
        var problem = new TestWorld().Depot("d", 0, 0)
            .Vehicle("v", tweak: v => v with { Break = new Break(new TimeWindow(0, 50), 60), MaxRouteSeconds = 350 })
            .Order("a", 100, 0, windows: [new TimeWindow(0, 50)])
            .Order("b", 200, 0)
            .Build();

        var timed = RouteTiming.Time(problem, "v", ["a", "b"]);

        Assert.Contains(timed.Violations, v => v.Kind == PlanViolationKind.WindowMissed && v.OrderId == "a");
        Assert.Contains(timed.Violations, v => v.Kind == PlanViolationKind.MaxRouteDurationExceeded);
        Assert.DoesNotContain(timed.Violations, v => v.Kind == PlanViolationKind.ReportedTimesInconsistent);
        Assert.NotNull(timed.Route.Break);
        Assert.Equal(["a", "b"], timed.Route.Stops.Select(s => s.OrderId));
    }

    [Fact]
    public void Time_UnknownOrder_Throws() =>
        Assert.Throws<ArgumentException>(() => RouteTiming.Time(new TestWorld().Depot("d", 0, 0).Vehicle("v").Build(), "v", ["x"]));
}
