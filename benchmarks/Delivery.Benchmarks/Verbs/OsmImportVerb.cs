using Delivery.Planner.Travel.Road;

namespace Delivery.Benchmarks.Verbs;

/// <summary>
/// <c>import-osm FILE.osm.pbf [--schema roads]</c>: imports an OpenStreetMap extract as the live road network
/// (what <c>scripts/import-osm.sh</c> runs) and prints the report.
/// </summary>
internal sealed class OsmImportVerb : IVerb
{
    public string Name => "import-osm";

    public string Summary => "import an .osm.pbf as the road network: import-osm FILE [--schema roads]";

    public async Task<int> RunAsync(string[] args)
    {
        var options = new Options(args);
        if (options.Positional.Count != 1)
        {
            Console.Error.WriteLine("usage: import-osm FILE.osm.pbf [--schema roads]");
            return 2;
        }
        var schema = options.Get("schema") ?? "roads";
        try
        {
            var report = await new OsmImporter(RoadBench.ConnectionString(), new OsmImportOptions { Schema = schema })
                .ImportAsync(options.Positional[0]);
            var text = Results.Table(
                ["schema", "edges", "vertices", "one-way edges", "SCC vertices", "seconds"],
                [[report.Schema, report.Edges.ToString(), report.Vertices.ToString(), report.OneWayEdges.ToString(), report.SccVertices.ToString(), Results.F(report.Elapsed.TotalSeconds, 1)]]);
            Results.Publish("import-osm", text, new Dictionary<string, object?>
            {
                ["schema"] = report.Schema,
                ["edges"] = report.Edges,
                ["vertices"] = report.Vertices,
                ["one_way_edges"] = report.OneWayEdges,
                ["scc_vertices"] = report.SccVertices,
                ["import_s"] = Math.Round(report.Elapsed.TotalSeconds, 2),
            });
            return 0;
        }
        catch (RoadNetworkImportException ex)
        {
            Console.Error.WriteLine($"import failed: {ex.Message}");
            return 1;
        }
    }
}
