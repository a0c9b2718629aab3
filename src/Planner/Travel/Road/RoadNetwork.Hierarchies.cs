using System.Globalization;
using Npgsql;

namespace Delivery.Planner.Travel.Road;

/// <summary>Contraction hierarchies kept in the network's schema (<c>hierarchies</c>), so a restart reads them instead of contracting again.</summary>
public sealed partial class RoadNetwork
{
    /// <summary>The table in the network schema that holds built hierarchies; a re-import drops it with the schema.</summary>
    public const string HierarchyTable = "hierarchies";

    /// <summary>
    /// Makes the contraction hierarchy of the profile at <paramref name="timeOfDay"/> ready: read from the network's
    /// schema when one was stored for this very network and profile, otherwise built (a few seconds to a minute on a
    /// city) and stored for the next start. Returns true when a stored hierarchy was used.
    /// </summary>
    public async Task<bool> PrepareAsync(NpgsqlDataSource dataSource, TimeOnly? timeOfDay = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        var schema = NetworkSchema.CheckName(Options.Schema);
        var profile = ProfileKey(timeOfDay);
        var fingerprint = Fingerprint();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (var create = new NpgsqlCommand(
            $"CREATE TABLE IF NOT EXISTS {schema}.{HierarchyTable} (profile text PRIMARY KEY, fingerprint text NOT NULL, data bytea NOT NULL, built_at timestamptz NOT NULL DEFAULT now())",
            connection))
        {
            await create.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        await using (var read = new NpgsqlCommand($"SELECT data FROM {schema}.{HierarchyTable} WHERE profile = $1 AND fingerprint = $2", connection))
        {
            read.Parameters.Add(new NpgsqlParameter { Value = profile });
            read.Parameters.Add(new NpgsqlParameter { Value = fingerprint });
            if (await read.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is byte[] stored
                && ContractionHierarchy.Deserialize(stored, VertexCount) is { } hierarchy)
            {
                _hierarchies.TryAdd(profile, new Lazy<ContractionHierarchy>(hierarchy));
                return true;
            }
        }
        var built = await Task.Run(() => HierarchyAt(timeOfDay), cancellationToken).ConfigureAwait(false);
        await using var write = new NpgsqlCommand($"""
            INSERT INTO {schema}.{HierarchyTable} (profile, fingerprint, data) VALUES ($1, $2, $3)
            ON CONFLICT (profile) DO UPDATE SET fingerprint = excluded.fingerprint, data = excluded.data, built_at = now()
            """, connection);
        write.Parameters.Add(new NpgsqlParameter { Value = profile });
        write.Parameters.Add(new NpgsqlParameter { Value = fingerprint });
        write.Parameters.Add(new NpgsqlParameter { Value = built.Serialize() });
        await write.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        return false;
    }

    /// <summary>Names this network's graph: the hierarchy format, the sizes and a hash of the vertex order and edge weights.</summary>
    private string Fingerprint()
    {
        var hash = 14695981039346656037UL; // FNV-1a over vertex ids (in memory order) and edge costs; wraps by design
        unchecked
        {
            foreach (var id in _vertexIds)
            {
                hash = (hash ^ (ulong)id) * 1099511628211UL;
            }
            foreach (var cost in Graph.Cost)
            {
                hash = (hash ^ (ulong)BitConverter.DoubleToInt64Bits(cost)) * 1099511628211UL;
            }
        }
        return string.Create(CultureInfo.InvariantCulture, $"ch{ContractionHierarchy.Format}:{VertexCount}:{DirectedEdgeCount}:{hash:x16}");
    }
}
