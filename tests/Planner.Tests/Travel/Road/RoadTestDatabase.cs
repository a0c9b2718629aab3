using Delivery.Planner.Travel.Road;
using Npgsql;

namespace Delivery.Planner.Tests.Travel.Road;

/// <summary>
/// The real test PostgreSQL (DELIVERY_TEST_PG) and a schema name of its own; dropping removes the schema and any
/// staging schema an import left behind.
/// </summary>
internal sealed class RoadTestDatabase : IAsyncDisposable
{
    public static string ConnectionString { get; } =
        Environment.GetEnvironmentVariable("DELIVERY_TEST_PG") ?? "Host=127.0.0.1;Port=55432;Username=postgres;Database=delivery_test";

    public RoadTestDatabase(string prefix)
    {
        Schema = $"t_{prefix}_{Guid.NewGuid():N}"[..(prefix.Length + 14)];
        DataSource = NpgsqlDataSource.Create(ConnectionString);
    }

    public string Schema { get; }

    public NpgsqlDataSource DataSource { get; }

    public OsmImporter Importer() => new(ConnectionString, new OsmImportOptions { Schema = Schema });

    /// <summary>Loads the network on osm2pgrouting's own edge times (no urban caps) unless <paramref name="freeFlowKmh"/> gives some.</summary>
    public Task<RoadNetwork> LoadAsync(IReadOnlyList<SpeedFactor>? factors = null, Dictionary<string, double>? freeFlowKmh = null) =>
        RoadNetwork.LoadAsync(DataSource, new RoadNetworkOptions { Schema = Schema, SpeedFactors = factors ?? [], FreeFlowKmh = freeFlowKmh ?? [] });

    public async Task ExecuteAsync(string sql)
    {
        await using var cmd = DataSource.CreateCommand(sql);
        await cmd.ExecuteNonQueryAsync();
    }

    public async Task<T> ScalarAsync<T>(string sql)
    {
        await using var cmd = DataSource.CreateCommand(sql);
        return (T)(await cmd.ExecuteScalarAsync())!;
    }

    public async ValueTask DisposeAsync()
    {
        await ExecuteAsync($"""
            DO $$ DECLARE s text; BEGIN
              FOR s IN SELECT nspname FROM pg_namespace WHERE nspname = '{Schema}' OR nspname LIKE '{Schema}\_stg\_%' LOOP
                EXECUTE format('DROP SCHEMA %I CASCADE', s);
              END LOOP;
            END $$;
            """);
        await DataSource.DisposeAsync();
    }
}
