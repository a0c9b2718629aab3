using Delivery.Testing;

using Delivery.Planner.Model;
using Delivery.Planner.Travel.Road;

namespace Delivery.Planner.Tests.Travel.Road;

/// <summary>
/// pgRouting is the oracle: on the imported Helsinki extract, our matrix must equal <c>pgr_dijkstra</c>'s costs on the
/// same <c>cost_s</c>/<c>reverse_cost_s</c> columns, up to the rounding of the final sum to whole seconds.
/// </summary>
public sealed class RoadTravelTimeSourceOracleTests(HelsinkiNetworkFixture helsinki) : IClassFixture<HelsinkiNetworkFixture>
{
    [SharedDataTheory]
    [InlineData(false, false)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    [InlineData(true, true)]
    public async Task GetMatrixAsync_SampleOfVertices_EqualsPgRoutingDijkstra(bool deadEndsOnly, bool hierarchy)
    {
        // Dead ends sit in the hanging trees the search skips unless they hold a target: check them on their own too.
        var (ids, locations) = await SampleVerticesAsync(deadEndsOnly ? 25 : 60, seed: 7, deadEndsOnly);
        using var source = new RoadTravelTimeSource(helsinki.Network, new RoadTravelTimeOptions { UseContractionHierarchy = hierarchy });

        var matrix = await source.GetMatrixAsync(locations);

        var oracle = await PgDijkstraAsync(ids);
        var asymmetric = 0;
        for (var i = 0; i < ids.Length; i++)
        {
            for (var j = 0; j < ids.Length; j++)
            {
                var expected = i == j ? 0 : RoadNetwork.RoundToWhole(oracle[(ids[i], ids[j])]);
                Assert.True(expected == matrix.Duration(i, j), $"{ids[i]}->{ids[j]}: pgRouting {expected}, ours {matrix.Duration(i, j)}");
                asymmetric += matrix.Duration(i, j) != matrix.Duration(j, i) ? 1 : 0;
            }
        }
        Assert.True(asymmetric > 0, "one-way streets should make some pairs asymmetric");
    }

    [SharedDataTheory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task GetRoadMatrixAsync_ReplanWithNewStops_MatchesFreshMatrix(bool hierarchy)
    {
        var (_, locations) = await SampleVerticesAsync(40, seed: 11);
        using var cached = new RoadTravelTimeSource(helsinki.Network, new RoadTravelTimeOptions { UseContractionHierarchy = hierarchy });
        await cached.GetRoadMatrixAsync(locations[..35], null);

        var replan = await cached.GetRoadMatrixAsync(locations, null);

        Assert.Equal(5, replan.RowsComputed);
        Assert.Equal(5, replan.ColumnsComputed);
        using var fresh = new RoadTravelTimeSource(helsinki.Network, new RoadTravelTimeOptions { UseContractionHierarchy = !hierarchy });
        var expected = await fresh.GetMatrixAsync(locations);
        Assert.Equal(expected.Durations.ToArray(), replan.Matrix.Durations.ToArray());
        Assert.Equal(expected.Distances.ToArray(), replan.Matrix.Distances.ToArray());
    }

    [SharedDataFact]
    public async Task GetLeg_BetweenVertices_MatchesMatrixAndEndsAtSnappedVertices()
    {
        var (_, locations) = await SampleVerticesAsync(2, seed: 3);
        using var source = new RoadTravelTimeSource(helsinki.Network);
        var matrix = await source.GetMatrixAsync(locations);

        var leg = source.GetLeg(locations[0], locations[1]);

        Assert.Equal(matrix.Duration(0, 1), leg.DurationSeconds);
        Assert.Equal(matrix.Distance(0, 1), leg.DistanceMeters);
        Assert.Equal(locations[0], leg.Polyline[0]);
        Assert.Equal(locations[1], leg.Polyline[^1]);
        Assert.True(leg.Polyline.Count > 2);
    }

    private async Task<(long[] Ids, Location[] Locations)> SampleVerticesAsync(int count, int seed, bool deadEndsOnly = false)
    {
        var schema = helsinki.Database.Schema;
        var deadEnd = deadEndsOnly
            ? $" AND (SELECT count(DISTINCT CASE WHEN w.source = v.id THEN w.target ELSE w.source END) FROM {schema}.ways w WHERE v.id IN (w.source, w.target)) = 1"
            : "";
        await using var cmd = helsinki.Database.DataSource.CreateCommand(
            $"SELECT id, lon::float8, lat::float8 FROM {schema}.ways_vertices_pgr v WHERE in_scc{deadEnd} ORDER BY id");
        await using var reader = await cmd.ExecuteReaderAsync();
        var all = new List<(long Id, Location Location)>();
        while (await reader.ReadAsync())
        {
            all.Add((reader.GetInt64(0), new Location(reader.GetDouble(1), reader.GetDouble(2))));
        }
        var picked = all.OrderBy(_ => 0).ToArray();
        new Random(seed).Shuffle(picked);
        picked = picked[..count];
        return (picked.Select(p => p.Id).ToArray(), picked.Select(p => p.Location).ToArray());
    }

    private async Task<Dictionary<(long, long), double>> PgDijkstraAsync(long[] ids)
    {
        var schema = helsinki.Database.Schema;
        await using var cmd = helsinki.Database.DataSource.CreateCommand($"""
            SELECT start_vid, end_vid, agg_cost FROM pgr_dijkstra(
              'SELECT gid AS id, source, target, cost_s AS cost, reverse_cost_s AS reverse_cost FROM {schema}.ways',
              @ids, @ids, directed => true)
            WHERE edge = -1
            """);
        cmd.Parameters.AddWithValue("ids", ids);
        await using var reader = await cmd.ExecuteReaderAsync();
        var result = new Dictionary<(long, long), double>();
        while (await reader.ReadAsync())
        {
            result[(reader.GetInt64(0), reader.GetInt64(1))] = reader.GetDouble(2);
        }
        return result;
    }
}
