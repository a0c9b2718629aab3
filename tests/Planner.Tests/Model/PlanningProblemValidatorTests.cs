using Delivery.Planner.Model;
using Delivery.Planner.Solving;
using Delivery.Planner.Tests.Solving;

namespace Delivery.Planner.Tests.Model;

public sealed class PlanningProblemValidatorTests
{
    private static InputError SingleError(PlanningProblem problem)
    {
        var e = Assert.Throws<PlanningInputException>(() => new OrToolsRoutePlanner().Plan(problem, TestWorld.Settings()));
        return Assert.Single(e.Errors);
    }

    [Fact]
    public void TimeWindow_EndBeforeStart_ThrowsNamingEnd()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new TimeWindow(100, 50));

        Assert.Equal("end", e.ParamName);
    }

    [Fact]
    public void Plan_NegativeDemand_RejectedNamingOrderAndField()
    {
        var problem = new TestWorld().Depot("D", 0, 0).Vehicle("v1")
            .Order("bad", 10, 0, tweak: o => o with { Demand = new Load(-5, 0, 1) })
            .Build();

        var error = SingleError(problem);

        Assert.Equal(("order", "bad", "demand.weight"), (error.Entity, error.Id, error.Field));
    }

    [Fact]
    public void Plan_LatitudeOutOfRange_RejectedNamingOrderAndField()
    {
        var problem = new TestWorld().Depot("D", 0, 0).Vehicle("v1").Order("north", 10, 95).Build() with { Coordinates = CoordinateSystem.Geographic };

        var error = SingleError(problem);

        Assert.Equal(("order", "north", "location.latitude"), (error.Entity, error.Id, error.Field));
    }

    [Fact]
    public void Plan_UnknownSkill_RejectedNamingOrderAndField()
    {
        var problem = new TestWorld().Depot("D", 0, 0).Vehicle("v1")
            .Order("x", 10, 0, tweak: o => o with { RequiredSkills = new HashSet<string> { "teleport" } })
            .Build();

        var error = SingleError(problem);

        Assert.Equal(("order", "x", "requiredSkills"), (error.Entity, error.Id, error.Field));
        Assert.Contains("teleport", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_NegativeServiceTimeAndBadPriority_ReportsBoth()
    {
        var problem = new TestWorld().Depot("D", 0, 0).Vehicle("v1")
            .Order("x", 10, 0, tweak: o => o with { ServiceSeconds = -1, Priority = 11 })
            .Build();

        var e = Assert.Throws<PlanningInputException>(() => new OrToolsRoutePlanner().Plan(problem, TestWorld.Settings()));

        Assert.Equal(["priority", "serviceSeconds"], e.Errors.Select(x => x.Field).Order());
    }

    [Fact]
    public void Plan_LockedSequenceThatCannotBeDriven_RejectedNamingTheLock()
    {
        var problem = new TestWorld().Depot("D", 0, 0).Vehicle("v1")
            .Order("a", 100, 0, windows: [new TimeWindow(100, 110)]).Order("b", -100, 0, windows: [new TimeWindow(100, 110)])
            .Build() with { LockedRoutes = [new RouteLock("v1", ["a", "b"])] };

        var error = SingleError(problem);

        Assert.Equal(("lock", "v1", "orderIds"), (error.Entity, error.Id, error.Field));
    }

    [Fact]
    public void Plan_PinToUnknownVehicle_Rejected()
    {
        var problem = new TestWorld().Depot("D", 0, 0).Vehicle("v1").Order("a", 10, 0).Build()
            with { Pins = new Dictionary<string, string> { ["a"] = "ghost" } };

        var error = SingleError(problem);

        Assert.Equal(("pin", "a", "vehicleId"), (error.Entity, error.Id, error.Field));
    }
}
