using Delivery.Planner.Model;
using Delivery.Planner.Travel;

namespace Delivery.Planner.Tests.Travel;

public sealed class TravelTimeSourceTests
{
    [Fact]
    public async Task StraightLine_OneDegreeOfLatitude_AppliesCircuityAndSpeed()
    {
        var source = new StraightLineTravelTimeSource(circuityFactor: 1.3, speedKmh: 36);
        Location[] points = [Location.FromLatLon(41.0, -8.6), Location.FromLatLon(42.0, -8.6)];

        var m = await source.GetMatrixAsync(points);

        // One degree of latitude is 111.195 km on the mean-radius sphere; ×1.3 = 144.554 km; at 10 m/s = 14,455 s.
        Assert.InRange(m.Distance(0, 1), 144_500, 144_600);
        Assert.Equal((long)Math.Round(m.Distance(0, 1) / 10.0), m.Duration(0, 1), tolerance: 1);
        Assert.Equal(m.Distance(0, 1), m.Distance(1, 0));
        Assert.Equal(0, m.Duration(0, 0));
    }

    [Fact]
    public void StraightLine_SpeedNotPositive_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new StraightLineTravelTimeSource(speedKmh: 0));
    }

    [Theory]
    [InlineData(false, 10, 14)]   // sqrt(2) = 1.41421… ×10 → 14.14 → 14
    [InlineData(true, 10, 14)]    // truncated to 1.4 → 14
    [InlineData(false, 1000, 1414)]
    [InlineData(true, 1000, 1400)]
    public async Task Euclidean_ScaleAndTruncation_GiveDimacsValues(bool truncate, double scale, long expected)
    {
        var source = new EuclideanTravelTimeSource(scale, truncate);

        var m = await source.GetMatrixAsync([new Location(0, 0), new Location(1, 1)]);

        Assert.Equal(expected, m.Duration(0, 1));
        Assert.Equal(expected, m.Distance(1, 0));
    }

    [Fact]
    public async Task Factory_BuildsMatrixDepotsThenOrders()
    {
        var depots = new[] { new Depot("D", new Location(0, 0)) };
        var vehicles = new[] { new Vehicle { Id = "v", StartDepotId = "D", EndDepotId = "D", Shift = new TimeWindow(0, 1000), Capacity = new Load(1, 1, 1) } };
        var orders = new[] { new Order { Id = "a", Location = new Location(3, 4) }, new Order { Id = "b", Location = new Location(6, 8) } };

        var problem = await PlanningProblemFactory.CreateAsync(depots, vehicles, orders, new EuclideanTravelTimeSource(), coordinates: CoordinateSystem.Planar);

        Assert.Equal(3, problem.Matrix.Size);
        Assert.Equal(5, problem.Matrix.Distance(problem.DepotNode(0), problem.OrderNode(0)));
        Assert.Equal(10, problem.Matrix.Distance(problem.DepotNode(0), problem.OrderNode(1)));
    }

    [Fact]
    public async Task Factory_LongitudeOutOfRange_RejectedBeforeTheMatrix()
    {
        var depots = new[] { new Depot("D", new Location(200, 0)) };

        var e = await Assert.ThrowsAsync<PlanningInputException>(() =>
            PlanningProblemFactory.CreateAsync(depots, [], [], new StraightLineTravelTimeSource()));

        Assert.Equal(("depot", "D", "location.longitude"), (e.Errors[0].Entity, e.Errors[0].Id, e.Errors[0].Field));
    }
}
