using Delivery.Planner.Model;
using Delivery.Planner.Solving;

namespace Delivery.Planner.Tests.Solving;

public sealed partial class OrToolsRoutePlannerTests
{
    private static UnassignedOrder SolveAndGetUnassigned(TestWorld world, string orderId)
    {
        var result = TestWorld.Solve(world.Build());
        return Assert.Single(result.Unassigned, u => u.OrderId == orderId);
    }

    [Fact]
    public void Plan_NoVehicleHasBothSkills_NoVehicleWithSkill()
    {
        var world = new TestWorld().Depot("D", 0, 0)
            .Vehicle("cold", tweak: v => v with { Skills = new HashSet<string> { "fridge" } })
            .Vehicle("hazmat", tweak: v => v with { Skills = new HashSet<string> { "adr" } })
            .Order("both", 10, 0, tweak: o => o with { RequiredSkills = new HashSet<string> { "fridge", "adr" } })
            .Order("ok", 0, 10);

        var u = SolveAndGetUnassigned(world, "both");

        Assert.Equal(UnassignedReason.NoVehicleWithSkill, u.Reason);
        Assert.Contains("adr", u.Detail, StringComparison.Ordinal);
        Assert.Equal("adr, fridge", u.Args!["skills"]);
    }

    [Fact]
    public void Plan_WeightAboveEveryCapacity_DemandExceedsEveryVehicleNamingWeight()
    {
        var world = new TestWorld().Depot("D", 0, 0).Vehicle("v1", capacity: 100)
            .Order("piano", 10, 0, tweak: o => o with { Demand = new Load(500, 1, 1) });

        var u = SolveAndGetUnassigned(world, "piano");

        Assert.Equal(UnassignedReason.DemandExceedsEveryVehicle, u.Reason);
        Assert.Contains("weight", u.Detail, StringComparison.Ordinal);
        Assert.Equal(("weight", "500", "100"), (u.Args!["dimension"], u.Args["need"], u.Args["most"]));
    }

    [Fact]
    public void Plan_WindowClosesBeforeAnyArrival_WindowUnreachable()
    {
        var world = new TestWorld().Depot("D", 0, 0).Vehicle("v1")
            .Order("early", 100, 0, windows: [new TimeWindow(0, 50)]);

        var u = SolveAndGetUnassigned(world, "early");

        Assert.Equal(UnassignedReason.WindowUnreachable, u.Reason);
        Assert.Equal("0/50", u.Args!["windows"]);
        Assert.True(long.Parse(u.Args["earliestAt"], System.Globalization.CultureInfo.InvariantCulture) > 50);
    }

    [Fact]
    public void Plan_CannotReturnBeforeShiftEnd_ShiftTooShort()
    {
        var world = new TestWorld().Depot("D", 0, 0).Vehicle("v1", shiftEnd: 150)
            .Order("far", 100, 0, windows: [new TimeWindow(0, 200)]);

        var u = SolveAndGetUnassigned(world, "far");

        Assert.Equal(UnassignedReason.ShiftTooShort, u.Reason);
    }

    [Fact]
    public void Plan_MaxRouteDurationTooShort_ShiftTooShort()
    {
        var world = new TestWorld().Depot("D", 0, 0).Vehicle("v1", tweak: v => v with { MaxRouteSeconds = 150 })
            .Order("far", 100, 0);

        var u = SolveAndGetUnassigned(world, "far");

        Assert.Equal(UnassignedReason.ShiftTooShort, u.Reason);
    }

    [Fact]
    public void Plan_TotalDemandAboveFleetCapacity_FleetFullNamingCapacity()
    {
        var world = new TestWorld().Depot("D", 0, 0).Vehicle("v1", capacity: 3);
        for (var i = 0; i < 5; i++)
        {
            world.Order($"o{i}", 10 + i, 0);
        }

        var result = TestWorld.Solve(world.Build());

        Assert.Equal(2, result.Unassigned.Count);
        Assert.All(result.Unassigned, u =>
        {
            Assert.Equal(UnassignedReason.FleetFull, u.Reason);
            Assert.Contains("capacity", u.Detail, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void Plan_TwoSimultaneousWindowsFarApart_FleetFullNamingTime()
    {
        var world = new TestWorld().Depot("D", 0, 0).Vehicle("v1")
            .Order("east", 100, 0, windows: [new TimeWindow(100, 110)])
            .Order("west", -100, 0, windows: [new TimeWindow(100, 110)]);

        var result = TestWorld.Solve(world.Build());

        var u = Assert.Single(result.Unassigned);
        Assert.Equal(UnassignedReason.FleetFull, u.Reason);
        Assert.Contains("time windows", u.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_PinnedToVehicleWithoutSkill_PinInfeasible()
    {
        var world = new TestWorld().Depot("D", 0, 0)
            .Vehicle("plain").Vehicle("cold", tweak: v => v with { Skills = new HashSet<string> { "fridge" } })
            .Order("milk", 10, 0, tweak: o => o with { RequiredSkills = new HashSet<string> { "fridge" } });
        var problem = world.Build() with { Pins = new Dictionary<string, string> { ["milk"] = "plain" } };

        var result = TestWorld.Solve(problem);

        Assert.Equal(UnassignedReason.PinInfeasible, Assert.Single(result.Unassigned).Reason);
    }
}
