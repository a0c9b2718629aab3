using Npgsql;
using NpgsqlTypes;

namespace Delivery.Tracking.Storage;

/// <summary>
/// Durable store of GPS fixes. Batches go through binary COPY into a temporary table, then
/// <c>INSERT … ON CONFLICT DO NOTHING</c> into the day-partitioned <c>positions</c>, so a resent batch is stored once.
/// Methods return only after the transaction has committed.
/// </summary>
public sealed class PositionStore
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly PositionPartitions _partitions;

    internal PositionStore(NpgsqlDataSource dataSource, PositionPartitions partitions)
    {
        _dataSource = dataSource;
        _partitions = partitions;
    }

    /// <summary>Stores <paramref name="positions"/>; returns how many were new (duplicates are skipped).</summary>
    public async Task<int> AppendAsync(IReadOnlyList<PositionRecord> positions, CancellationToken cancellationToken = default)
    {
        if (positions.Count == 0)
        {
            return 0;
        }
        await EnsurePartitionsAsync(positions, cancellationToken).ConfigureAwait(false);
        await using var conn = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await CreateStagingAsync(conn, cancellationToken).ConfigureAwait(false);
        await using var tx = await conn.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var inserted = await WriteAsync(conn, tx, positions, cancellationToken).ConfigureAwait(false);
        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
        return inserted;
    }

    /// <summary>The latest fix of <paramref name="courierId"/> recorded in [<paramref name="since"/>, <paramref name="before"/>), or null.</summary>
    public async Task<PositionRecord?> LatestAsync(string courierId, DateTimeOffset since, DateTimeOffset before, CancellationToken cancellationToken = default)
    {
        await using var cmd = _dataSource.CreateCommand(
            """
            SELECT courier_id, device_id, seq, recorded_at, received_at, lat, lon, accuracy_m, speed_mps, heading_deg
            FROM positions WHERE courier_id = $1 AND recorded_at >= $2 AND recorded_at < $3 ORDER BY recorded_at DESC, seq DESC LIMIT 1
            """);
        cmd.Parameters.Add(new NpgsqlParameter { Value = courierId });
        cmd.Parameters.Add(new NpgsqlParameter { Value = since.ToUniversalTime() });
        cmd.Parameters.Add(new NpgsqlParameter { Value = before.ToUniversalTime() });
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? Read(reader) : null;
    }

    /// <summary>Fixes of <paramref name="deviceId"/> in recording order (tests and audits).</summary>
    public async Task<IReadOnlyList<PositionRecord>> ListByDeviceAsync(string deviceId, CancellationToken cancellationToken = default)
    {
        await using var cmd = _dataSource.CreateCommand(
            """
            SELECT courier_id, device_id, seq, recorded_at, received_at, lat, lon, accuracy_m, speed_mps, heading_deg
            FROM positions WHERE device_id = $1 ORDER BY recorded_at, seq
            """);
        cmd.Parameters.Add(new NpgsqlParameter { Value = deviceId });
        var list = new List<PositionRecord>();
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            list.Add(Read(reader));
        }
        return list;
    }

    /// <summary>Number of stored fixes whose device id starts with <paramref name="devicePrefix"/>.</summary>
    public async Task<long> CountAsync(string devicePrefix, CancellationToken cancellationToken = default)
    {
        await using var cmd = _dataSource.CreateCommand("SELECT count(*) FROM positions WHERE device_id LIKE $1 || '%'");
        cmd.Parameters.Add(new NpgsqlParameter { Value = devicePrefix });
        return (long)(await cmd.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }

    internal Task EnsurePartitionsAsync(IEnumerable<PositionRecord> positions, CancellationToken ct) =>
        _partitions.EnsureAsync(_dataSource, positions.Select(p => DateOnly.FromDateTime(p.RecordedAt.UtcDateTime)).Distinct(), ct);

    /// <summary>
    /// Creates the connection's staging table for <see cref="WriteAsync"/> unless it has one. It lives as long as the
    /// session and is emptied at every commit, so a connection that keeps writing creates it once, not once per batch
    /// (a temporary table per transaction costs PostgreSQL catalog writes every time).
    /// </summary>
    internal static async Task CreateStagingAsync(NpgsqlConnection conn, CancellationToken ct)
    {
        await using var create = new NpgsqlCommand("CREATE TEMP TABLE IF NOT EXISTS positions_in (LIKE positions) ON COMMIT DELETE ROWS", conn);
        await create.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }

    /// <summary>
    /// COPY into the staging table + INSERT inside the caller's transaction (the connection must have had
    /// <see cref="CreateStagingAsync"/>); returns the number of new rows.
    /// </summary>
    internal static async Task<int> WriteAsync(NpgsqlConnection conn, NpgsqlTransaction tx, IReadOnlyList<PositionRecord> positions, CancellationToken ct)
    {
        await using (var importer = await conn.BeginBinaryImportAsync(
            "COPY positions_in (courier_id, device_id, seq, recorded_at, received_at, lat, lon, accuracy_m, speed_mps, heading_deg) FROM STDIN (FORMAT BINARY)",
            ct).ConfigureAwait(false))
        {
            // Asynchronous row writes: a flush that waits on the socket must not block a thread-pool thread
            // (synchronous writes here starved the pool under load and pushed push latency up tenfold).
            foreach (var p in positions)
            {
                await importer.StartRowAsync(ct).ConfigureAwait(false);
                await importer.WriteAsync(p.CourierId, NpgsqlDbType.Text, ct).ConfigureAwait(false);
                await importer.WriteAsync(p.DeviceId, NpgsqlDbType.Text, ct).ConfigureAwait(false);
                await importer.WriteAsync(p.Seq, NpgsqlDbType.Bigint, ct).ConfigureAwait(false);
                await importer.WriteAsync(p.RecordedAt.UtcDateTime, NpgsqlDbType.TimestampTz, ct).ConfigureAwait(false);
                await importer.WriteAsync(p.ReceivedAt.UtcDateTime, NpgsqlDbType.TimestampTz, ct).ConfigureAwait(false);
                await importer.WriteAsync(p.Lat, NpgsqlDbType.Double, ct).ConfigureAwait(false);
                await importer.WriteAsync(p.Lon, NpgsqlDbType.Double, ct).ConfigureAwait(false);
                await WriteNullableAsync(importer, p.AccuracyM, ct).ConfigureAwait(false);
                await WriteNullableAsync(importer, p.SpeedMps, ct).ConfigureAwait(false);
                await WriteNullableAsync(importer, p.HeadingDeg, ct).ConfigureAwait(false);
            }
            await importer.CompleteAsync(ct).ConfigureAwait(false);
        }
        await using var insert = new NpgsqlCommand(
            "INSERT INTO positions SELECT * FROM positions_in ORDER BY recorded_at, seq ON CONFLICT DO NOTHING", conn, tx);
        return await insert.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }

    private static Task WriteNullableAsync(NpgsqlBinaryImporter importer, double? value, CancellationToken ct) =>
        value is { } v ? importer.WriteAsync((float)v, NpgsqlDbType.Real, ct) : importer.WriteNullAsync(ct);

    private static PositionRecord Read(NpgsqlDataReader r) => new(
        r.GetString(0), r.GetString(1), r.GetInt64(2),
        new DateTimeOffset(r.GetDateTime(3), TimeSpan.Zero), new DateTimeOffset(r.GetDateTime(4), TimeSpan.Zero),
        r.GetDouble(5), r.GetDouble(6),
        r.IsDBNull(7) ? null : r.GetFloat(7), r.IsDBNull(8) ? null : r.GetFloat(8), r.IsDBNull(9) ? null : r.GetFloat(9));
}
