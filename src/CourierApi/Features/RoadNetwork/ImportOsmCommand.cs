using System.Globalization;
using Delivery.Planner.Travel.Road;

namespace Delivery.CourierApi.Features.RoadNetwork;

/// <summary>
/// <c>import-osm FILE [--schema NAME]</c>: imports an OpenStreetMap extract as the road network and exits, without
/// starting the web server. The database comes from <c>ConnectionStrings:Delivery</c>; the schema defaults to
/// <c>RoadNetwork:Schema</c> (itself <c>roads</c> by default). <c>--if-missing</c> imports only when the schema holds no
/// network yet (run.sh's first start). Other arguments are configuration overrides.
/// </summary>
internal static class ImportOsmCommand
{
    public const string Verb = "import-osm";

    public static bool IsInvoked(string[] args) => args.Length > 0 && args[0] == Verb;

    /// <summary>Runs the import; returns the process exit code (0 done, 1 import failed, 2 bad arguments).</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, IConfiguration? configuration = null,
        CancellationToken cancellationToken = default)
    {
        string? file = null, schema = null;
        var ifMissing = false;
        var rest = new List<string>();
        for (var i = 1; i < args.Length; i++)
        {
            if (args[i] == "--schema")
            {
                if (i + 1 >= args.Length)
                {
                    await error.WriteLineAsync("--schema needs a schema name, e.g. --schema roads.");
                    return 2;
                }
                schema = args[++i];
            }
            else if (args[i] == "--if-missing")
            {
                ifMissing = true;
            }
            else if (file is null && !args[i].StartsWith("--", StringComparison.Ordinal))
            {
                file = args[i];
            }
            else
            {
                rest.Add(args[i]);
            }
        }
        if (file is null)
        {
            await error.WriteLineAsync($"Usage: {Verb} FILE.osm.pbf [--schema NAME] [--if-missing]");
            return 2;
        }

        configuration ??= WebApplication.CreateBuilder(rest.ToArray()).Configuration;
        var connectionString = configuration.GetConnectionString("Delivery");
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            await error.WriteLineAsync("ConnectionStrings:Delivery is not configured (set ConnectionStrings__Delivery).");
            return 2;
        }
        var defaults = configuration.GetSection(OsmImportOptions.Section).Get<OsmImportOptions>() ?? new OsmImportOptions();
        var options = new OsmImportOptions
        {
            Schema = schema ?? configuration[RoadNetworkOptions.Section + ":Schema"] ?? defaults.Schema,
            MapConfigPath = defaults.MapConfigPath,
            OsmiumPath = defaults.OsmiumPath,
            Osm2pgroutingPath = defaults.Osm2pgroutingPath,
            WorkDirectory = defaults.WorkDirectory,
        };
        try
        {
            if (ifMissing && await HasNetworkAsync(connectionString, options.Schema, cancellationToken))
            {
                await output.WriteLineAsync($"Schema '{options.Schema}' already holds a road network; not importing {file} again.");
                return 0;
            }
            var importer = new OsmImporter(connectionString, options);
            await output.WriteLineAsync($"Importing {file} into schema '{options.Schema}'…");
            var report = await importer.ImportAsync(file, cancellationToken);
            await output.WriteLineAsync(Describe(report));
            return 0;
        }
        catch (ArgumentException ex)
        {
            await error.WriteLineAsync($"Invalid argument: {ex.Message}");
            return 2;
        }
        catch (RoadNetworkImportException ex)
        {
            await error.WriteLineAsync($"Import failed, the previous network is unchanged: {ex.Message}");
            return 1;
        }
    }

    private static async Task<bool> HasNetworkAsync(string connectionString, string schema, CancellationToken ct)
    {
        try
        {
            await using var connection = new Npgsql.NpgsqlConnection(connectionString);
            await connection.OpenAsync(ct);
            return await RoadNetworkLoading.HasNetworkAsync(connection, schema, ct);
        }
        catch (Npgsql.NpgsqlException ex)
        {
            throw new RoadNetworkImportException($"The database is unreachable: {ex.Message}", ex);
        }
    }

    public static string Describe(ImportReport report) => string.Create(CultureInfo.InvariantCulture,
        $"Imported into schema '{report.Schema}': {report.Edges:N0} edges ({report.OneWayEdges:N0} one-way), {report.Vertices:N0} vertices, " +
        $"{report.SccVertices:N0} in the largest strongly connected component, in {report.Elapsed.TotalSeconds:F1} s.");
}
