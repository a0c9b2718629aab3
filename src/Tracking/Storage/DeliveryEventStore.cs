using System.Text.Json;
using Delivery.Tracking.Ingest;
using Delivery.Tracking.Live;
using Delivery.Tracking.Notifications;
using Npgsql;
using NpgsqlTypes;

namespace Delivery.Tracking.Storage;

/// <summary>
/// Durable, idempotent store of delivery events: an event whose <see cref="DeliveryEventRecord.EventKey"/> is already
/// stored is skipped. An event that <see cref="DeliveryEventRecord.Corrects"/> another marks it corrected (both rows
/// stay); lists leave corrected events out. Methods return only after the transaction has committed.
/// </summary>
public sealed class DeliveryEventStore
{
    private const string Columns =
        "event_key, courier_id, depot_id, route_id, plan_version, stop_id, order_id, kind, occurred_at, source, " +
        "reason, refused_items, recalculated_total, note, window_start, window_end, corrects, entered_by";

    private readonly NpgsqlDataSource _dataSource;
    private readonly NotificationOutbox? _outbox;
    private readonly TimeProvider _time;

    internal DeliveryEventStore(NpgsqlDataSource dataSource, [Microsoft.Extensions.DependencyInjection.FromKeyedServices(TrackingServiceCollectionExtensions.ClockKey)] TimeProvider time, NotificationOutbox? outbox = null)
    {
        _dataSource = dataSource;
        _time = time;
        _outbox = outbox;
    }

    /// <summary>Stores <paramref name="events"/>; returns the keys that were new.</summary>
    public async Task<IReadOnlySet<string>> AppendAsync(IReadOnlyList<DeliveryEventRecord> events, CancellationToken cancellationToken = default)
    {
        await using var conn = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var tx = await conn.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var inserted = await WriteAsync(conn, tx, events, _time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
        if (events.Any(e => e.IsHandover))
        {
            _outbox?.Wake();
        }
        return inserted;
    }

    /// <summary>Events of a route in time order.</summary>
    public Task<IReadOnlyList<DeliveryEventRecord>> ListByRouteAsync(string routeId, CancellationToken cancellationToken = default) =>
        QueryAsync($"SELECT {Columns} FROM delivery_events WHERE route_id = $1 AND corrected_by IS NULL ORDER BY occurred_at, id", [routeId], cancellationToken);

    /// <summary>
    /// A courier's events at <paramref name="stopIds"/> that occurred in [<paramref name="from"/>, <paramref name="to"/>),
    /// in time order, whichever version of the day's route they were recorded under (a stop's id outlives a re-publish).
    /// </summary>
    public Task<IReadOnlyList<DeliveryEventRecord>> ListByStopsAsync(string courierId, IReadOnlyList<string> stopIds, DateTimeOffset from, DateTimeOffset to,
        CancellationToken cancellationToken = default) =>
        QueryAsync($"SELECT {Columns} FROM delivery_events WHERE courier_id = $1 AND stop_id = ANY($2) AND occurred_at >= $3 AND occurred_at < $4 " +
            "AND corrected_by IS NULL ORDER BY occurred_at, id", [courierId, stopIds.ToArray(), from.ToUniversalTime(), to.ToUniversalTime()], cancellationToken);

    /// <summary>Every paper outcome of a stop, corrected ones included, oldest first (the audit of corrections).</summary>
    public Task<IReadOnlyList<DeliveryEventRecord>> ListPaperHistoryAsync(string routeId, string stopId, CancellationToken cancellationToken = default) =>
        QueryAsync($"SELECT {Columns} FROM delivery_events WHERE route_id = $1 AND stop_id = $2 AND source = 'paper' ORDER BY id", [routeId, stopId], cancellationToken);

    /// <summary>Events that occurred in [<paramref name="from"/>, <paramref name="to"/>) in time order.</summary>
    public Task<IReadOnlyList<DeliveryEventRecord>> ListBetweenAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default) =>
        QueryAsync($"SELECT {Columns} FROM delivery_events WHERE occurred_at >= $1 AND occurred_at < $2 AND corrected_by IS NULL ORDER BY occurred_at, id",
            [from.ToUniversalTime(), to.ToUniversalTime()], cancellationToken);

    /// <summary>
    /// Inserts <paramref name="events"/> in the caller's transaction; a new handover queues its customer notification
    /// (delivered or failed) in the same statement, keyed (order, kind, <c>handover</c>): however often and from wherever
    /// (tablet, paper) the same handover is stored, the customer is told once. <paramref name="recordedAt"/> is the host's
    /// clock (not the database's), so a simulated day stamps simulated time.
    /// </summary>
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
            const string insert = $"INSERT INTO delivery_events ({Columns}, recorded_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19) " +
                "ON CONFLICT (event_key) DO NOTHING RETURNING event_key";
            var cmd = new NpgsqlBatchCommand(e.IsHandover
                ? $"""
                  WITH e AS ({insert}),
                  n AS (INSERT INTO notification_outbox (order_id, kind, cause, depot_id, payload, created_at) SELECT $20, $21, 'handover', $22, $23, $19 FROM e
                        ON CONFLICT (order_id, kind, cause) DO NOTHING)
                  SELECT event_key FROM e
                  """
                : insert);
            object?[] values =
            [
                e.EventKey, e.CourierId, e.DepotId, e.RouteId, e.PlanVersion, e.StopId, e.OrderId, KindText(e.Kind),
                e.OccurredAt.ToUniversalTime(), e.Source.ToString().ToLowerInvariant(), e.Reason,
                e.RefusedItems is null ? null : JsonSerializer.Serialize(e.RefusedItems, TrackingJsonContext.Default.IReadOnlyListRefusedItem),
                e.RecalculatedTotal, e.Note, e.WindowStartUtc?.ToUniversalTime(), e.WindowEndUtc?.ToUniversalTime(), e.Corrects, e.EnteredBy,
                recordedAt.ToUniversalTime(),
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
                    p.NpgsqlDbType = i is 14 or 15 ? NpgsqlDbType.TimestampTz : NpgsqlDbType.Text;
                }
                cmd.Parameters.Add(p);
            }
            if (e.IsHandover)
            {
                var kind = e.Kind == DeliveryEventKind.Failed ? "failed" : "delivered";
                cmd.Parameters.Add(new NpgsqlParameter { Value = e.OrderId });
                cmd.Parameters.Add(new NpgsqlParameter { Value = kind });
                cmd.Parameters.Add(new NpgsqlParameter { Value = e.DepotId });
                cmd.Parameters.Add(new NpgsqlParameter
                {
                    NpgsqlDbType = NpgsqlDbType.Jsonb,
                    Value = NotificationOutbox.Json(new CustomerNotification(kind, e.RouteId, e.StopId, e.OrderId, null, e.WindowEndUtc, e.OccurredAt.ToUniversalTime())),
                });
            }
            batch.BatchCommands.Add(cmd);
            if (e.Corrects is not null)
            {
                // The corrected event stays as it was, marked with the key of its correction.
                var mark = new NpgsqlBatchCommand("UPDATE delivery_events SET corrected_by = $1 WHERE event_key = $2 AND corrected_by IS NULL");
                mark.Parameters.Add(new NpgsqlParameter { Value = e.EventKey });
                mark.Parameters.Add(new NpgsqlParameter { Value = e.Corrects });
                batch.BatchCommands.Add(mark);
            }
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

    /// <summary>The stored name of <paramref name="kind"/> (<c>partly_delivered</c>).</summary>
    public static string KindText(DeliveryEventKind kind) => kind switch
    {
        DeliveryEventKind.Arrived => "arrived",
        DeliveryEventKind.Delivered => "delivered",
        DeliveryEventKind.PartlyDelivered => "partly_delivered",
        DeliveryEventKind.Failed => "failed",
        DeliveryEventKind.Note => "note",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown event kind."),
    };

    /// <summary>The kind a stored or sent name stands for; null when it names none.</summary>
    public static DeliveryEventKind? ParseKind(string? text) => text switch
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
                r.IsDBNull(15) ? null : Utc(r, 15),
                r.IsDBNull(16) ? null : r.GetString(16),
                r.IsDBNull(17) ? null : r.GetString(17)));
        }
        return list;
    }

    private static DateTimeOffset Utc(NpgsqlDataReader r, int i) => new(r.GetDateTime(i), TimeSpan.Zero);
}
