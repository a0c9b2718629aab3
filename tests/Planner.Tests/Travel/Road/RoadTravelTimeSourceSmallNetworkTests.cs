using Delivery.Planner.Model;
using Delivery.Planner.Travel.Road;

namespace Delivery.Planner.Tests.Travel.Road;

/// <summary>Known answers on the hand-built square (see <see cref="SmallNetwork"/>).</summary>
public sealed class RoadTravelTimeSourceSmallNetworkTests : IAsyncLifetime
{
    private static readonly Location[] Corners = [SmallNetwork.V1, SmallNetwork.V2, SmallNetwork.V3, SmallNetwork.V4];
    private readonly RoadTestDatabase _db = new("small");

    public Task InitializeAsync() => SmallNetwork.CreateAsync(_db);

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task GetMatrixAsync_OneWayStreets_GivesAsymmetricTimesAndDistances(bool hierarchy)
    {
        using var source = new RoadTravelTimeSource(await _db.LoadAsync(), new RoadTravelTimeOptions { UseContractionHierarchy = hierarchy });

        var m = await source.GetMatrixAsync(Corners);

        long[,] expected = { { 0, 10, 20, 10 }, { 10, 0, 10, 20 }, { 15, 25, 0, 10 }, { 10, 20, 10, 0 } };
        for (var i = 0; i < 4; i++)
        {
            for (var j = 0; j < 4; j++)
            {
                Assert.True(expected[i, j] == m.Duration(i, j), $"duration {i + 1}->{j + 1}: expected {expected[i, j]}, got {m.Duration(i, j)}");
            }
        }
        Assert.Equal(100, m.Distance(1, 2));
        Assert.Equal(241, m.Distance(2, 1));
        Assert.Equal(141, m.Distance(2, 0));
        Assert.Equal(200, m.Distance(0, 2));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task GetRoadMatrixAsync_ResidentialSlowedInMorningBand_AppliesOnlyInsideBand(bool hierarchy)
    {
        var factors = new[] { new SpeedFactor("residential", 0.5, new TimeOnly(7, 0), new TimeOnly(10, 0)) };
        using var source = new RoadTravelTimeSource(await _db.LoadAsync(factors), new RoadTravelTimeOptions { UseContractionHierarchy = hierarchy });

        var morning = (await source.GetRoadMatrixAsync(Corners, new TimeOnly(8, 0))).Matrix;
        var noon = (await source.GetRoadMatrixAsync(Corners, new TimeOnly(12, 0))).Matrix;

        Assert.Equal(20, morning.Duration(0, 1));
        Assert.Equal(35, morning.Duration(2, 1));
        Assert.Equal(10, morning.Duration(1, 2));
        Assert.Equal(10, noon.Duration(0, 1));
        Assert.Equal(25, noon.Duration(2, 1));
    }

    [Fact]
    public async Task GetMatrixAsync_UrbanFreeFlowCaps_SlowOnlyEdgesFasterThanTheirClassCap()
    {
        // Way 1 (residential) is 100 m in 10 s = 36 km/h, above the urban 25 km/h: 14.4 s. The primary ways (36 km/h) are under 45 km/h.
        using var source = new RoadTravelTimeSource(await _db.LoadAsync(freeFlowKmh: new(RoadNetworkOptions.UrbanFreeFlowKmh)),
            new RoadTravelTimeOptions { UseContractionHierarchy = false });

        var m = await source.GetMatrixAsync(Corners);

        Assert.Equal(14, m.Duration(0, 1));
        Assert.Equal(10, m.Duration(1, 2));
        Assert.Equal(100, m.Distance(0, 1));
    }

    [Fact]
    public async Task GetRoadMatrixAsync_FewNewLocations_ComputesOnlyTheirRowsAndColumns()
    {
        using var source = new RoadTravelTimeSource(await _db.LoadAsync());
        await source.GetRoadMatrixAsync(Corners[..2], null);

        var replan = await source.GetRoadMatrixAsync([SmallNetwork.V3, .. Corners], null);

        Assert.Equal(2, replan.RowsComputed);
        Assert.Equal(2, replan.ColumnsComputed);
        using var fresh = new RoadTravelTimeSource(await _db.LoadAsync());
        var expected = await fresh.GetMatrixAsync([SmallNetwork.V3, .. Corners]);
        Assert.Equal(expected.Durations.ToArray(), replan.Matrix.Durations.ToArray());
        Assert.Equal(expected.Distances.ToArray(), replan.Matrix.Distances.ToArray());
    }

    [Fact]
    public async Task Snap_VertexOutsideComponent_SnapsToNearestComponentVertex()
    {
        var network = await _db.LoadAsync();

        var snap = network.Snap(SmallNetwork.V5);

        Assert.Equal(4, snap.VertexId);
        Assert.InRange(snap.SnapMeters, 50, 62);
        Assert.False(snap.ProbableBadAddress);
        Assert.Equal(0, snap.NearestRoadMeters!.Value, 3);
        Assert.Equal(5, network.SnappableVertices + 1);
    }

    [Fact]
    public async Task Snap_FarFromAnyRoad_FlagsProbableBadAddress()
    {
        var network = await _db.LoadAsync();

        var far = network.Snap(new Location(SmallNetwork.V2.X + 0.018, SmallNetwork.V2.Y));
        var near = network.Snap(new Location(SmallNetwork.V1.X, SmallNetwork.V1.Y - 0.0018));

        Assert.True(far.ProbableBadAddress);
        Assert.Null(far.NearestRoadMeters);
        Assert.Equal(2, far.VertexId);
        Assert.InRange(far.SnapMeters, 950, 1050);
        Assert.False(near.ProbableBadAddress);
        Assert.InRange(near.NearestRoadMeters!.Value, 190, 210);
    }

    [Fact]
    public async Task GetRoadMatrixAsync_BadAddress_IsListedNotDropped()
    {
        using var source = new RoadTravelTimeSource(await _db.LoadAsync());

        var result = await source.GetRoadMatrixAsync([SmallNetwork.V1, new Location(SmallNetwork.V1.X, SmallNetwork.V1.Y - 0.01)], null);

        Assert.Equal([1], result.ProbableBadAddresses);
        Assert.Equal(2, result.Matrix.Size);
    }

    [Fact]
    public async Task GetLeg_AgainstOneWay_FollowsRoadsAroundTheBlock()
    {
        using var source = new RoadTravelTimeSource(await _db.LoadAsync());

        var leg = source.GetLeg(SmallNetwork.V3, SmallNetwork.V2);

        Assert.Equal([SmallNetwork.V3, SmallNetwork.V1, SmallNetwork.V2], leg.Polyline);
        Assert.Equal(25, leg.DurationSeconds);
        Assert.Equal(241, leg.DistanceMeters);
    }

    [Fact]
    public async Task LoadAsync_SchemaWithoutNetwork_ThrowsNamingSchema()
    {
        var ex = await Assert.ThrowsAsync<InvalidOperationException>(
            () => RoadNetwork.LoadAsync(_db.DataSource, new RoadNetworkOptions { Schema = "t_no_such_network" }));

        Assert.Contains("t_no_such_network", ex.Message);
    }

    [Fact]
    public void SpeedFactor_NonPositiveFactor_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new SpeedFactor("residential", 0));
        Assert.Throws<ArgumentException>(() => new SpeedFactor("residential", 0.8, new TimeOnly(7, 0), null));
    }

    [Fact]
    public void SpeedFactor_BandAcrossMidnight_AppliesOnBothSides()
    {
        var night = new SpeedFactor("*", 1.2, new TimeOnly(22, 0), new TimeOnly(5, 0));

        Assert.True(night.Applies("primary", new TimeOnly(23, 30)));
        Assert.True(night.Applies("primary", new TimeOnly(4, 59)));
        Assert.False(night.Applies("primary", new TimeOnly(12, 0)));
        Assert.False(night.Applies("primary", null));
    }
}
