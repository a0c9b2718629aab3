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
        await using var tx = await conn.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var inserted = await WriteAsync(conn, tx, positions, cancellationToken).ConfigureAwait(false);
        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
        return inserted;
    }

    /// <summary>The latest fix of <paramref name="courierId"/> recorded at or after <paramref name="since"/>, or null.</summary>
    public async Task<PositionRecord?> LatestAsync(string courierId, DateTimeOffset since, CancellationToken cancellationToken = default)
    {
        await using var cmd = _dataSource.CreateCommand(
            """
            SELECT courier_id, device_id, seq, recorded_at, received_at, lat, lon, accuracy_m, speed_mps, heading_deg
            FROM positions WHERE courier_id = $1 AND recorded_at >= $2 ORDER BY recorded_at DESC, seq DESC LIMIT 1
            """);
        cmd.Parameters.Add(new NpgsqlParameter { Value = courierId });
        cmd.Parameters.Add(new NpgsqlParameter { Value = since.ToUniversalTime() });
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

    /// <summary>COPY + INSERT inside the caller's transaction; returns the number of new rows.</summary>
    internal static async Task<int> WriteAsync(NpgsqlConnection conn, NpgsqlTransaction tx, IReadOnlyList<PositionRecord> positions, CancellationToken ct)
    {
        await using (var create = new NpgsqlCommand(
            "CREATE TEMP TABLE positions_in (LIKE positions) ON COMMIT DROP", conn, tx))
        {
            await create.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }
        await using (var importer = await conn.BeginBinaryImportAsync(
            "COPY positions_in (courier_id, device_id, seq, recorded_at, received_at, lat, lon, accuracy_m, speed_mps, heading_deg) FROM STDIN (FORMAT BINARY)",
            ct).ConfigureAwait(false))
        {
            // Rows are buffered in memory and flushed in large writes; the synchronous row API avoids an async state
            // machine per column on the hot path (this runs on the writer loop, never on a request thread).
            foreach (var p in positions)
            {
                importer.StartRow();
                importer.Write(p.CourierId, NpgsqlDbType.Text);
                importer.Write(p.DeviceId, NpgsqlDbType.Text);
                importer.Write(p.Seq, NpgsqlDbType.Bigint);
                importer.Write(p.RecordedAt.UtcDateTime, NpgsqlDbType.TimestampTz);
                importer.Write(p.ReceivedAt.UtcDateTime, NpgsqlDbType.TimestampTz);
                importer.Write(p.Lat, NpgsqlDbType.Double);
                importer.Write(p.Lon, NpgsqlDbType.Double);
                WriteNullable(importer, p.AccuracyM);
                WriteNullable(importer, p.SpeedMps);
                WriteNullable(importer, p.HeadingDeg);
            }
            await importer.CompleteAsync(ct).ConfigureAwait(false);
        }
        await using var insert = new NpgsqlCommand(
            "INSERT INTO positions SELECT * FROM positions_in ORDER BY recorded_at, seq ON CONFLICT DO NOTHING", conn, tx);
        return await insert.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }

    private static void WriteNullable(NpgsqlBinaryImporter importer, double? value)
    {
        if (value is { } v)
        {
            importer.Write((float)v, NpgsqlDbType.Real);
        }
        else
        {
            importer.WriteNull();
        }
    }

    private static PositionRecord Read(NpgsqlDataReader r) => new(
        r.GetString(0), r.GetString(1), r.GetInt64(2),
        new DateTimeOffset(r.GetDateTime(3), TimeSpan.Zero), new DateTimeOffset(r.GetDateTime(4), TimeSpan.Zero),
        r.GetDouble(5), r.GetDouble(6),
        r.IsDBNull(7) ? null : r.GetFloat(7), r.IsDBNull(8) ? null : r.GetFloat(8), r.IsDBNull(9) ? null : r.GetFloat(9));
}
