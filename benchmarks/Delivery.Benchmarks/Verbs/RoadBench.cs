using Delivery.Planner.Model;
using Delivery.Planner.Travel.Road;
using Npgsql;

namespace Delivery.Benchmarks.Verbs;

/// <summary>Shared set-up of the road verbs: database, the Porto network (imported once), sampled vertices.</summary>
internal static class RoadBench
{
    /// <summary>
    /// The database: <c>ConnectionStrings__Delivery</c> when the services are already up (as
    /// <c>scripts/services.sh env</c> prints), else the services are started. Commands never time out.
    /// </summary>
    public static string ConnectionString()
    {
        var cs = Environment.GetEnvironmentVariable("ConnectionStrings__Delivery") ?? Services.Start().Postgres;
        return new NpgsqlConnectionStringBuilder(cs) { CommandTimeout = 0 }.ConnectionString;
    }

    /// <summary>An extract under <c>../shared/data/osm</c> beside the checkout (or <c>DELIVERY_SHARED_DATA</c>).</summary>
    public static string Extract(string fileName)
    {
        var shared = Environment.GetEnvironmentVariable("DELIVERY_SHARED_DATA")
            ?? Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(Results.Folder)!)!, "..", "shared", "data");
        var path = Path.GetFullPath(Path.Combine(shared, "osm", fileName));
        return File.Exists(path) ? path : throw new FileNotFoundException($"OSM extract not found: {path}", path);
    }

    /// <summary>Imports <paramref name="pbf"/> into <paramref name="schema"/> unless a network is already there.</summary>
    public static async Task<ImportReport?> EnsureNetworkAsync(NpgsqlDataSource db, string connectionString, string schema, string pbf)
    {
        await using (var connection = await db.OpenConnectionAsync())
        {
            if (await NetworkSchema.HasNetworkAsync(connection, schema, CancellationToken.None))
            {
                return null;
            }
        }
        Console.WriteLine($"importing {Path.GetFileName(pbf)} into schema {schema} (once) ...");
        return await new OsmImporter(connectionString, new OsmImportOptions { Schema = schema }).ImportAsync(pbf);
    }

    /// <summary><paramref name="count"/> distinct vertices of the largest component, shuffled with <paramref name="seed"/>.</summary>
    public static async Task<(long[] Ids, Location[] Locations)> SampleVerticesAsync(NpgsqlDataSource db, string schema, int count, int seed)
    {
        await using var cmd = db.CreateCommand($"SELECT id, lon::float8, lat::float8 FROM {NetworkSchema.CheckName(schema)}.ways_vertices_pgr WHERE in_scc ORDER BY id");
        await using var reader = await cmd.ExecuteReaderAsync();
        var all = new List<(long Id, Location Location)>();
        while (await reader.ReadAsync())
        {
            all.Add((reader.GetInt64(0), new Location(reader.GetDouble(1), reader.GetDouble(2))));
        }
        var picked = all.ToArray();
        new Random(seed).Shuffle(picked);
        picked = picked[..Math.Min(count, picked.Length)];
        return (picked.Select(p => p.Id).ToArray(), picked.Select(p => p.Location).ToArray());
    }
}
