using Delivery.Planner.Model;
using Delivery.Planner.Solving;
using Delivery.Planner.Validation;
using static Delivery.Planner.Tests.Validation.ValidatorFixture;

namespace Delivery.Planner.Tests.Validation;

public sealed partial class PlanValidatorTests
{
    private static IReadOnlyList<PlanViolation> Check(PlanningProblem problem, PlanResult plan) => PlanValidator.Validate(problem, plan);

    private static void AssertHas(IReadOnlyList<PlanViolation> violations, PlanViolationKind kind, string? orderId = null)
    {
        Assert.True(violations.Any(v => v.Kind == kind && (orderId is null || v.OrderId == orderId)),
            $"expected {kind}{(orderId is null ? "" : " on " + orderId)}; got: {string.Join(" | ", violations)}");
    }

    [Fact]
    public void Validate_ValidPlan_NoViolations()
    {
        Assert.Empty(Check(Problem(), ValidPlan()));
    }

    [Fact]
    public void Validate_WaitForSecondWindow_NoViolations()
    {
        var problem = Problem([Order("a", new TimeWindow(0, 5), new TimeWindow(20, 30)), Order("b"), Order("c")]);
        var plan = ValidPlan().WithRoute(0, new PlannedRoute("v1",
            [Stop("a", 10, 1, serviceStart: 20, window: 1), Stop("b", 35, 2)], 0, 50, 300, 30, null));

        Assert.Empty(Check(problem, plan));
    }

    [Fact]
    public void Validate_ServiceStartLaterThanEarliestButInWindow_NoViolations()
    {
        var plan = ValidPlan().WithRoute(1, new PlannedRoute("v2", [Stop("c", 10, 1, serviceStart: 100)], 0, 115, 200, 20, null));

        Assert.Empty(Check(Problem(), plan));
    }

    [Fact]
    public void Validate_ArrivalAfterEveryWindow_WindowMissed()
    {
        var problem = Problem([Order("a", new TimeWindow(0, 5)), Order("b"), Order("c")]);

        AssertHas(Check(problem, ValidPlan()), PlanViolationKind.WindowMissed, "a");
    }

    [Fact]
    public void Validate_LoadAboveCapacity_CapacityExceeded()
    {
        var small = Vehicle("v1") with { Capacity = new Load(0, 0, 1) };
        var problem = Problem(vehicles: [small, Vehicle("v2", "fridge")]);

        AssertHas(Check(problem, ValidPlan()), PlanViolationKind.CapacityExceeded);
    }

    [Fact]
    public void Validate_LeavesBeforeShift_ShiftStartViolated()
    {
        var late = Vehicle("v1") with { Shift = new TimeWindow(5, 1000) };

        AssertHas(Check(Problem(vehicles: [late, Vehicle("v2", "fridge")]), ValidPlan()), PlanViolationKind.ShiftStartViolated);
    }

    [Fact]
    public void Validate_BackAfterShift_ShiftEndExceeded()
    {
        var shortShift = Vehicle("v1") with { Shift = new TimeWindow(0, 35) };

        AssertHas(Check(Problem(vehicles: [shortShift, Vehicle("v2", "fridge")]), ValidPlan()), PlanViolationKind.ShiftEndExceeded);
    }

    [Fact]
    public void Validate_RouteLongerThanMaximum_MaxRouteDurationExceeded()
    {
        var limited = Vehicle("v1") with { MaxRouteSeconds = 30 };

        AssertHas(Check(Problem(vehicles: [limited, Vehicle("v2", "fridge")]), ValidPlan()), PlanViolationKind.MaxRouteDurationExceeded);
    }

    [Fact]
    public void Validate_OrderWithoutSkill_SkillMissing()
    {
        var problem = Problem([Order("a") with { RequiredSkills = new HashSet<string> { "fridge" } }, Order("b"), Order("c")]);

        AssertHas(Check(problem, ValidPlan()), PlanViolationKind.SkillMissing, "a");
    }

    [Fact]
    public void Validate_LockedSequenceReversed_LockBroken()
    {
        var problem = Problem() with { LockedRoutes = [new RouteLock("v1", ["b", "a"])] };

        AssertHas(Check(problem, ValidPlan()), PlanViolationKind.LockBroken);
    }

    [Fact]
    public void Validate_LockedSequenceKept_NoViolations()
    {
        var problem = Problem() with { LockedRoutes = [new RouteLock("v1", ["a", "b"])] };

        Assert.Empty(Check(problem, ValidPlan()));
    }

    [Fact]
    public void Validate_PinnedOrderOnOtherVehicle_PinBroken()
    {
        var problem = Problem() with { Pins = new Dictionary<string, string> { ["a"] = "v2" } };

        AssertHas(Check(problem, ValidPlan()), PlanViolationKind.PinBroken, "a");
    }

    [Fact]
    public void Validate_OrderNeitherRoutedNorUnassigned_OrderMissing()
    {
        var plan = Plan([ValidPlan().Routes[0]]);

        AssertHas(Check(Problem(), plan), PlanViolationKind.OrderMissing, "c");
    }

    [Fact]
    public void Validate_OrderRoutedAndUnassigned_OrderDuplicated()
    {
        var plan = Plan(ValidPlan().Routes, new UnassignedOrder("c", UnassignedReason.FleetFull, "no room left"));

        AssertHas(Check(Problem(), plan), PlanViolationKind.OrderDuplicated, "c");
    }

    [Fact]
    public void Validate_OrderRoutedTwice_OrderDuplicated()
    {
        var plan = ValidPlan().WithRoute(1, new PlannedRoute("v2", [Stop("a", 10, 1), Stop("c", 25, 2)], 0, 40, 300, 30, null));

        AssertHas(Check(Problem(), plan), PlanViolationKind.OrderDuplicated, "a");
    }

    [Fact]
    public void Validate_RouteWithUnknownOrder_UnknownOrder()
    {
        var plan = ValidPlan().WithRoute(1, new PlannedRoute("v2", [Stop("c", 10, 1), Stop("zz", 25, 2)], 0, 40, 300, 30, null));

        AssertHas(Check(Problem(), plan), PlanViolationKind.UnknownOrder, "zz");
    }

    [Fact]
    public void Validate_RouteForUnknownVehicle_UnknownVehicle()
    {
        var plan = ValidPlan().WithRoute(1, ValidPlan().Routes[1] with { VehicleId = "v9" });

        AssertHas(Check(Problem(), plan), PlanViolationKind.UnknownVehicle);
    }

    [Fact]
    public void Validate_TwoRoutesForOneVehicle_VehicleUsedTwice()
    {
        var plan = ValidPlan().WithRoute(1, ValidPlan().Routes[1] with { VehicleId = "v1" });

        AssertHas(Check(Problem(), plan), PlanViolationKind.VehicleUsedTwice);
    }

    [Fact]
    public void Validate_UnassignedWithEmptyDetail_UnassignedWithoutReason()
    {
        var plan = Plan([ValidPlan().Routes[0]], new UnassignedOrder("c", UnassignedReason.FleetFull, " "));

        AssertHas(Check(Problem(), plan), PlanViolationKind.UnassignedWithoutReason, "c");
    }

    [Fact]
    public void Validate_InvalidProblem_ThrowsPlanningInputException()
    {
        var problem = Problem() with { Pins = new Dictionary<string, string> { ["a"] = "nobody" } };

        Assert.Throws<PlanningInputException>(() => PlanValidator.Validate(problem, ValidPlan()));
    }
}
