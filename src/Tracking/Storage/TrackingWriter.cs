using Npgsql;

namespace Delivery.Tracking.Storage;

/// <summary>Writes one batch's positions and events in a single transaction; returns after commit.</summary>
internal sealed class TrackingWriter(NpgsqlDataSource dataSource, PositionStore positionStore)
{
    /// <summary>Stores both lists; returns the event keys that were new.</summary>
    public async Task<IReadOnlySet<string>> WriteAsync(
        IReadOnlyList<PositionRecord> positions, IReadOnlyList<DeliveryEventRecord> events, CancellationToken ct)
    {
        if (positions.Count == 0 && events.Count == 0)
        {
            return new HashSet<string>();
        }
        if (positions.Count > 0)
        {
            await positionStore.EnsurePartitionsAsync(positions, ct).ConfigureAwait(false);
        }
        await using var conn = await dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
        await using var tx = await conn.BeginTransactionAsync(ct).ConfigureAwait(false);
        if (positions.Count > 0)
        {
            await PositionStore.WriteAsync(conn, tx, positions, ct).ConfigureAwait(false);
        }
        var inserted = await DeliveryEventStore.WriteAsync(conn, tx, events, ct).ConfigureAwait(false);
        await tx.CommitAsync(ct).ConfigureAwait(false);
        return inserted;
    }
}
