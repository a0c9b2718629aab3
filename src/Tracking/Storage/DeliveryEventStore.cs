using System.Text.Json;
using Delivery.Tracking.Ingest;
using Delivery.Tracking.Live;
using Npgsql;
using NpgsqlTypes;

namespace Delivery.Tracking.Storage;

/// <summary>
/// Durable, idempotent store of delivery events: an event whose <see cref="DeliveryEventRecord.EventKey"/> is already
/// stored is skipped. Methods return only after the transaction has committed.
/// </summary>
public sealed class DeliveryEventStore
{
    private const string Columns =
        "event_key, courier_id, depot_id, route_id, plan_version, stop_id, order_id, kind, occurred_at, source, " +
        "reason, refused_items, recalculated_total, note, window_start, window_end";

    private readonly NpgsqlDataSource _dataSource;
    private readonly TimeProvider _time;

    internal DeliveryEventStore(NpgsqlDataSource dataSource, [Microsoft.Extensions.DependencyInjection.FromKeyedServices(TrackingServiceCollectionExtensions.ClockKey)] TimeProvider time)
    {
        _dataSource = dataSource;
        _time = time;
    }

    /// <summary>Stores <paramref name="events"/>; returns the keys that were new.</summary>
    public async Task<IReadOnlySet<string>> AppendAsync(IReadOnlyList<DeliveryEventRecord> events, CancellationToken cancellationToken = default)
    {
        await using var conn = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var tx = await conn.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var inserted = await WriteAsync(conn, tx, events, _time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
        return inserted;
    }

    /// <summary>Events of a route in time order.</summary>
    public Task<IReadOnlyList<DeliveryEventRecord>> ListByRouteAsync(string routeId, CancellationToken cancellationToken = default) =>
        QueryAsync($"SELECT {Columns} FROM delivery_events WHERE route_id = $1 ORDER BY occurred_at, id", [routeId], cancellationToken);

    /// <summary>Events that occurred in [<paramref name="from"/>, <paramref name="to"/>) in time order.</summary>
    public Task<IReadOnlyList<DeliveryEventRecord>> ListBetweenAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default) =>
        QueryAsync($"SELECT {Columns} FROM delivery_events WHERE occurred_at >= $1 AND occurred_at < $2 ORDER BY occurred_at, id",
            [from.ToUniversalTime(), to.ToUniversalTime()], cancellationToken);

    /// <summary>Inserts new events; <paramref name="recordedAt"/> is the host's clock (not the database's), so a simulated day stamps simulated time.</summary>
    internal static async Task<IReadOnlySet<string>> WriteAsync(NpgsqlConnection conn, NpgsqlTransaction tx, IReadOnlyList<DeliveryEventRecord> events, DateTimeOffset recordedAt, CancellationToken ct)
    {
        var inserted = new HashSet<string>(StringComparer.Ordinal);
        if (events.Count == 0)
        {
            return inserted;
        }
        await using var batch = new NpgsqlBatch(conn, tx);
        foreach (var e in events)
        {
            var cmd = new NpgsqlBatchCommand(
                $"INSERT INTO delivery_events ({Columns}, recorded_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17) " +
                "ON CONFLICT (event_key) DO NOTHING RETURNING event_key");
            object?[] values =
            [
                e.EventKey, e.CourierId, e.DepotId, e.RouteId, e.PlanVersion, e.StopId, e.OrderId, KindText(e.Kind),
                e.OccurredAt.ToUniversalTime(), e.Source.ToString().ToLowerInvariant(), e.Reason,
                e.RefusedItems is null ? null : JsonSerializer.Serialize(e.RefusedItems, TrackingJsonContext.Default.IReadOnlyListRefusedItem),
                e.RecalculatedTotal, e.Note, e.WindowStartUtc?.ToUniversalTime(), e.WindowEndUtc?.ToUniversalTime(), recordedAt.ToUniversalTime(),
            ];
            for (var i = 0; i < values.Length; i++)
            {
                var p = new NpgsqlParameter { Value = values[i] ?? DBNull.Value };
                if (i == 11)
                {
                    p.NpgsqlDbType = NpgsqlDbType.Jsonb;
                }
                else if (i == 12)
                {
                    p.NpgsqlDbType = NpgsqlDbType.Numeric;
                }
                else if (values[i] is null)
                {
                    p.NpgsqlDbType = i >= 14 ? NpgsqlDbType.TimestampTz : NpgsqlDbType.Text;
                }
                cmd.Parameters.Add(p);
            }
            batch.BatchCommands.Add(cmd);
        }
        await using var reader = await batch.ExecuteReaderAsync(ct).ConfigureAwait(false);
        do
        {
            while (await reader.ReadAsync(ct).ConfigureAwait(false))
            {
                inserted.Add(reader.GetString(0));
            }
        }
        while (await reader.NextResultAsync(ct).ConfigureAwait(false));
        return inserted;
    }

    internal static string KindText(DeliveryEventKind kind) => kind switch
    {
        DeliveryEventKind.Arrived => "arrived",
        DeliveryEventKind.Delivered => "delivered",
        DeliveryEventKind.PartlyDelivered => "partly_delivered",
        DeliveryEventKind.Failed => "failed",
        DeliveryEventKind.Note => "note",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown event kind."),
    };

    internal static DeliveryEventKind? ParseKind(string? text) => text switch
    {
        "arrived" => DeliveryEventKind.Arrived,
        "delivered" => DeliveryEventKind.Delivered,
        "partly_delivered" => DeliveryEventKind.PartlyDelivered,
        "failed" => DeliveryEventKind.Failed,
        "note" => DeliveryEventKind.Note,
        _ => null,
    };

    private async Task<IReadOnlyList<DeliveryEventRecord>> QueryAsync(string sql, object[] args, CancellationToken ct)
    {
        await using var cmd = _dataSource.CreateCommand(sql);
        foreach (var a in args)
        {
            cmd.Parameters.Add(new NpgsqlParameter { Value = a });
        }
        var list = new List<DeliveryEventRecord>();
        await using var r = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await r.ReadAsync(ct).ConfigureAwait(false))
        {
            list.Add(new DeliveryEventRecord(
                r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetInt32(4), r.GetString(5), r.GetString(6),
                ParseKind(r.GetString(7)) ?? throw new InvalidOperationException($"Unknown stored event kind '{r.GetString(7)}'."),
                Utc(r, 8), Enum.Parse<EventSource>(r.GetString(9), ignoreCase: true),
                r.IsDBNull(10) ? null : r.GetString(10),
                r.IsDBNull(11) ? null : JsonSerializer.Deserialize(r.GetString(11), TrackingJsonContext.Default.IReadOnlyListRefusedItem),
                r.IsDBNull(12) ? null : r.GetDecimal(12),
                r.IsDBNull(13) ? null : r.GetString(13),
                r.IsDBNull(14) ? null : Utc(r, 14),
                r.IsDBNull(15) ? null : Utc(r, 15)));
        }
        return list;
    }

    private static DateTimeOffset Utc(NpgsqlDataReader r, int i) => new(r.GetDateTime(i), TimeSpan.Zero);
}
