using Delivery.Planner.Model;
using Delivery.Planner.Solving;
using Delivery.Planner.Validation;
using static Delivery.Planner.Tests.Validation.ValidatorFixture;

namespace Delivery.Planner.Tests.Validation;

public sealed partial class PlanValidatorTests
{
    private static PlanResult WithV2(PlannedRoute route) => ValidPlan().WithRoute(1, route);

    [Fact]
    public void Validate_ArrivalOffByOne_ReportedTimesInconsistent()
    {
        var stop = Stop("c", 11, 1) with { ServiceStartSeconds = 11, DepartureSeconds = 16 };

        AssertHas(Check(Problem(), WithV2(new PlannedRoute("v2", [stop], 0, 26, 200, 20, null))), PlanViolationKind.ReportedTimesInconsistent, "c");
    }

    [Fact]
    public void Validate_ServiceStartOutsideNamedWindow_ReportedTimesInconsistent()
    {
        var plan = WithV2(new PlannedRoute("v2", [Stop("c", 10, 1, serviceStart: 2000)], 0, 2015, 200, 20, null));

        AssertHas(Check(Problem(), plan), PlanViolationKind.ReportedTimesInconsistent, "c");
    }

    [Fact]
    public void Validate_DepartureWithoutService_ReportedTimesInconsistent()
    {
        var stop = Stop("c", 10, 1) with { DepartureSeconds = 10 };

        AssertHas(Check(Problem(), WithV2(new PlannedRoute("v2", [stop], 0, 20, 200, 20, null))), PlanViolationKind.ReportedTimesInconsistent, "c");
    }

    [Fact]
    public void Validate_WrongRouteEnd_ReportedTimesInconsistent()
    {
        AssertHas(Check(Problem(), WithV2(ValidPlan().Routes[1] with { EndSeconds = 24 })), PlanViolationKind.ReportedTimesInconsistent);
    }

    [Fact]
    public void Validate_WrongDistance_ReportedDistanceInconsistent()
    {
        AssertHas(Check(Problem(), WithV2(ValidPlan().Routes[1] with { DistanceMeters = 201 })), PlanViolationKind.ReportedDistanceInconsistent);
    }

    [Fact]
    public void Validate_WrongTravelTime_ReportedDistanceInconsistent()
    {
        AssertHas(Check(Problem(), WithV2(ValidPlan().Routes[1] with { TravelSeconds = 19 })), PlanViolationKind.ReportedDistanceInconsistent);
    }

    [Fact]
    public void Validate_WrongLoadAfter_ReportedLoadInconsistent()
    {
        var plan = WithV2(new PlannedRoute("v2", [Stop("c", 10, 2)], 0, 25, 200, 20, null));

        AssertHas(Check(Problem(), plan), PlanViolationKind.ReportedLoadInconsistent, "c");
    }

    [Fact]
    public void Validate_AbsurdReportedTimes_ViolationsNotException()
    {
        var stop = new PlannedStop("c", long.MaxValue, long.MaxValue, long.MaxValue, 0, new Load(0, 0, 1));

        AssertHas(Check(Problem(), WithV2(new PlannedRoute("v2", [stop], 0, long.MaxValue, 200, 20, null))), PlanViolationKind.ReportedTimesInconsistent, "c");
    }

    private static PlanningProblem WithBreak(long windowStart = 0, long windowEnd = 100, long duration = 10) =>
        Problem(vehicles: [Vehicle("v1") with { Break = new Break(new TimeWindow(windowStart, windowEnd), duration) }, Vehicle("v2", "fridge")]);

    /// <summary>v1 serves a (leaves 15), breaks 15–25, then b: arrives 35, leaves 40, home at 50.</summary>
    private static PlannedRoute V1WithBreak(long breakStart = 15, long duration = 10, int afterStop = 1) =>
        new("v1", [Stop("a", 10, 1), Stop("b", breakStart + duration + Leg, 2)], 0, breakStart + duration + 2 * Leg + Service, 300, 30,
            new PlannedBreak(breakStart, duration, afterStop));

    [Fact]
    public void Validate_BreakAfterFirstStop_NoViolations()
    {
        Assert.Empty(Check(WithBreak(), ValidPlan().WithRoute(0, V1WithBreak())));
    }

    [Fact]
    public void Validate_BreakAtDepotBeforeFirstStop_NoViolations()
    {
        var route = new PlannedRoute("v1", [Stop("a", 20, 1), Stop("b", 35, 2)], 0, 50, 300, 30, new PlannedBreak(0, 10, 0));

        Assert.Empty(Check(WithBreak(), ValidPlan().WithRoute(0, route)));
    }

    [Fact]
    public void Validate_NoBreakPlanned_BreakMissing()
    {
        AssertHas(Check(WithBreak(), ValidPlan()), PlanViolationKind.BreakMissing);
    }

    [Fact]
    public void Validate_BreakAfterItsWindow_BreakOutsideWindow()
    {
        AssertHas(Check(WithBreak(0, 10), ValidPlan().WithRoute(0, V1WithBreak())), PlanViolationKind.BreakOutsideWindow);
    }

    [Fact]
    public void Validate_BreakShorterThanRequired_BreakTooShort()
    {
        AssertHas(Check(WithBreak(duration: 20), ValidPlan().WithRoute(0, V1WithBreak())), PlanViolationKind.BreakTooShort);
    }

    [Fact]
    public void Validate_BreakBeforeCourierIsFree_BreakMisplaced()
    {
        AssertHas(Check(WithBreak(), ValidPlan().WithRoute(0, V1WithBreak(breakStart: 12))), PlanViolationKind.BreakMisplaced);
    }

    [Fact]
    public void Validate_BreakAfterMissingStop_BreakMisplaced()
    {
        AssertHas(Check(WithBreak(), ValidPlan().WithRoute(0, V1WithBreak(afterStop: 3))), PlanViolationKind.BreakMisplaced);
    }
}
