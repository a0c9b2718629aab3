using System.Diagnostics;
using Delivery.Planner.Travel.Road;
using Npgsql;

namespace Delivery.Benchmarks.Verbs;

/// <summary>
/// <c>matrix</c>: 1,000 × 1,000 road matrices on Porto, ours (in-memory parallel Dijkstra) against pgRouting's
/// <c>pgr_dijkstraCostMatrix</c> in the same run, for 100, 300 and 1,000 stops; every pair checked for equality.
/// </summary>
internal sealed class MatrixVerb : IVerb
{
    public string Name => "matrix";

    public string Summary => "road matrix time on Porto: ours vs pgr_dijkstraCostMatrix [--sizes 100,300,1000] [--schema bench_porto] [--no-pgrouting] [--dijkstra]";

    public async Task<int> RunAsync(string[] args)
    {
        var options = new Options(args);
        var schema = options.Get("schema") ?? "bench_porto";
        var sizes = (options.Get("sizes") ?? "100,300,1000").Split(',').Select(int.Parse).ToArray();
        var withPg = !options.Has("no-pgrouting");
        var cs = RoadBench.ConnectionString();
        await using var db = NpgsqlDataSource.Create(cs);

        var import = await RoadBench.EnsureNetworkAsync(db, cs, schema, RoadBench.Extract(options.Get("pbf") ?? "porto_portugal.osm.pbf"));
        var clock = Stopwatch.StartNew();
        var network = await RoadNetwork.LoadAsync(db, new RoadNetworkOptions { Schema = schema, FreeFlowKmh = [] } /* pgRouting reads cost_s as imported */);
        var loadSeconds = clock.Elapsed.TotalSeconds;
        var useHierarchy = !options.Has("dijkstra");
        clock.Restart();
        var prepareCpu = Process.GetCurrentProcess().TotalProcessorTime;
        if (useHierarchy)
        {
            network.Prepare();
        }
        var prepareSeconds = clock.Elapsed.TotalSeconds;
        var prepareCpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - prepareCpu).TotalSeconds;
        var (ids, locations) = await RoadBench.SampleVerticesAsync(db, schema, sizes.Max(), seed: options.GetInt("seed", 42));

        var rows = new List<IReadOnlyList<string>>();
        var result = new Dictionary<string, object?>
        {
            ["vertices"] = network.VertexCount,
            ["directed_edges"] = network.DirectedEdgeCount,
            ["hanging_tree_vertices"] = network.HangingTreeVertices,
            ["load_s"] = Math.Round(loadSeconds, 2),
            ["engine"] = useHierarchy ? "contraction-hierarchy" : "dijkstra",
            ["ch_build_s"] = useHierarchy ? Math.Round(prepareSeconds, 2) : null,
            ["ch_build_cpu_s"] = useHierarchy ? Math.Round(prepareCpuSeconds, 2) : null,
        };
        var totalMismatches = 0L;
        foreach (var n in sizes)
        {
            using var source = new RoadTravelTimeSource(network, new RoadTravelTimeOptions
            {
                MaxParallelism = options.GetInt("parallelism", Environment.ProcessorCount),
                UseContractionHierarchy = useHierarchy,
            });
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            clock.Restart();
            var matrix = await source.GetMatrixAsync(locations[..n]);
            var ours = clock.Elapsed.TotalSeconds;
            var oursCpu = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
            result[$"ours_{n}_s"] = Math.Round(ours, 3);
            result[$"ours_{n}_cpu_s"] = Math.Round(oursCpu, 3);
            if (!withPg)
            {
                rows.Add([n.ToString(), Results.F(ours, 3), Results.F(oursCpu, 2), "-", "-", "-"]);
                continue;
            }
            clock.Restart();
            var oracle = await PgCostMatrixAsync(db, schema, ids[..n]);
            var pg = clock.Elapsed.TotalSeconds;
            var index = ids[..n].Select((id, i) => (id, i)).ToDictionary(p => p.id, p => p.i);
            var mismatches = oracle.LongCount(o => RoadNetwork.RoundToWhole(o.Cost) != matrix.Duration(index[o.From], index[o.To]));
            totalMismatches += mismatches;
            result[$"pgrouting_{n}_s"] = Math.Round(pg, 3);
            result[$"ratio_{n}"] = Math.Round(pg / ours, 1);
            rows.Add([n.ToString(), Results.F(ours, 3), Results.F(oursCpu, 2), Results.F(pg, 2), Results.F(pg / ours, 1), $"{mismatches} of {oracle.Count}"]);
        }
        result["mismatches"] = withPg ? totalMismatches : null;
        var report = $"""
            Road matrix on Porto ({network.VertexCount:N0} vertices, {network.DirectedEdgeCount:N0} directed edges), stops = random vertices (seed {options.GetInt("seed", 42)})
            network: {(import is null ? "already imported" : $"imported in {import.Elapsed.TotalSeconds:F1} s ({import.Edges:N0} edges, {import.SccVertices:N0} SCC vertices)")}; loaded into memory in {loadSeconds:F2} s
            ours: {(useHierarchy
                ? $"contraction hierarchy (built once per network and speed profile in {prepareSeconds:F1} s wall, {prepareCpuSeconds:F1} s CPU; not in the matrix times) + bucket many-to-many on {Environment.ProcessorCount} cores"
                : $"one-to-many Dijkstra per source on {Environment.ProcessorCount} cores, CSR graph in Hilbert order, indexed binary heap, skipping the {network.HangingTreeVertices:N0} vertices of hanging trees that hold no target")}; pgRouting: pgr_dijkstraCostMatrix on cost_s/reverse_cost_s in one query.
            Equality: every pair pgRouting returns, rounded to whole seconds, against our duration.
            Wall times are under CPU contention from other work on this shared machine (load average {LoadAverage()}); "ours CPU s" is our process's CPU time over both cores.

            """ + Results.Table(["stops", "ours s", "ours CPU s", "pgRouting s", "ratio", "mismatches"], rows);
        Results.Publish("matrix", report, result);
        return totalMismatches == 0 ? 0 : 1;
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "n/a";

    private static async Task<List<(long From, long To, double Cost)>> PgCostMatrixAsync(NpgsqlDataSource db, string schema, long[] ids)
    {
        await using var cmd = db.CreateCommand($"""
            SELECT start_vid, end_vid, agg_cost FROM pgr_dijkstraCostMatrix(
              'SELECT gid AS id, source, target, cost_s AS cost, reverse_cost_s AS reverse_cost FROM {schema}.ways',
              @ids, directed => true)
            """);
        cmd.Parameters.AddWithValue("ids", ids);
        await using var reader = await cmd.ExecuteReaderAsync();
        var result = new List<(long, long, double)>();
        while (await reader.ReadAsync())
        {
            result.Add((reader.GetInt64(0), reader.GetInt64(1), reader.GetDouble(2)));
        }
        return result;
    }
}
