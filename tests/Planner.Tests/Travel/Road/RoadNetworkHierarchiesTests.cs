using Delivery.Planner.Model;
using Delivery.Planner.Travel.Road;

namespace Delivery.Planner.Tests.Travel.Road;

/// <summary>The contraction hierarchy is stored beside the network and read back by the next load instead of being rebuilt.</summary>
public sealed class RoadNetworkHierarchiesTests : IAsyncLifetime
{
    private static readonly Location[] Corners = [SmallNetwork.V1, SmallNetwork.V2, SmallNetwork.V3, SmallNetwork.V4];
    private readonly RoadTestDatabase _db = new("chstore");

    public Task InitializeAsync() => SmallNetwork.CreateAsync(_db);

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task PrepareAsync_SecondLoad_ReadsStoredHierarchyWithSameAnswers()
    {
        var first = await _db.LoadAsync();
        Assert.False(await first.PrepareAsync(_db.DataSource));
        Assert.Equal(1L, await _db.ScalarAsync<long>($"SELECT count(*) FROM {_db.Schema}.{RoadNetwork.HierarchyTable}"));

        var second = await _db.LoadAsync();
        Assert.True(await second.PrepareAsync(_db.DataSource));

        using var stored = new RoadTravelTimeSource(second, new RoadTravelTimeOptions { UseContractionHierarchy = true });
        using var dijkstra = new RoadTravelTimeSource(await _db.LoadAsync(), new RoadTravelTimeOptions { UseContractionHierarchy = false });
        var a = await stored.GetMatrixAsync(Corners);
        var b = await dijkstra.GetMatrixAsync(Corners);
        for (var i = 0; i < Corners.Length; i++)
        {
            for (var j = 0; j < Corners.Length; j++)
            {
                Assert.Equal(b.Duration(i, j), a.Duration(i, j));
                Assert.Equal(b.Distance(i, j), a.Distance(i, j));
            }
        }
    }

    [Fact]
    public async Task PrepareAsync_OtherSpeedProfile_BuildsItsOwn()
    {
        Assert.False(await (await _db.LoadAsync()).PrepareAsync(_db.DataSource));
        var slowed = await _db.LoadAsync([new SpeedFactor("residential", 0.5)]);
        Assert.False(await slowed.PrepareAsync(_db.DataSource));
        Assert.Equal(2L, await _db.ScalarAsync<long>($"SELECT count(*) FROM {_db.Schema}.{RoadNetwork.HierarchyTable}"));
    }
}
