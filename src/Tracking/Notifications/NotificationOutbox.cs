using System.Text.Json;
using Npgsql;
using NpgsqlTypes;

namespace Delivery.Tracking.Notifications;

/// <summary>
/// The durable outbox of customer notifications (table <c>notification_outbox</c>). Producers queue a notification in
/// the transaction that stores its cause (<see cref="Enqueue(NpgsqlBatch, OutboxMessage)"/>), or on its own when the
/// cause is a live-state change; <see cref="NotificationSender"/> on any node claims due ones with
/// <c>FOR UPDATE SKIP LOCKED</c> and a lease, so each is sent by one node at a time and a node's death only delays it.
/// </summary>
public sealed class NotificationOutbox(NpgsqlDataSource dataSource)
{
    private const string InsertSql = """
        INSERT INTO notification_outbox (order_id, kind, cause, depot_id, payload) VALUES ($1, $2, $3, $4, $5)
        ON CONFLICT (order_id, kind, cause) DO NOTHING
        """;

    private const string EntryColumns =
        "id, order_id, kind, cause, depot_id, status, attempts, last_error, created_at, next_attempt_at, sent_at, payload::text";

    private readonly SemaphoreSlim _wake = new(0, 1);

    /// <summary>Adds the insert of <paramref name="message"/> to <paramref name="batch"/> (the caller's transaction).</summary>
    public static void Enqueue(NpgsqlBatch batch, OutboxMessage message)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(message);
        var command = new NpgsqlBatchCommand(InsertSql);
        AddParameters(command.Parameters, message);
        batch.BatchCommands.Add(command);
    }

    /// <summary>Queues <paramref name="messages"/> inside the caller's transaction on <paramref name="connection"/>; returns how many were new.</summary>
    public static async Task<int> EnqueueAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, IReadOnlyList<OutboxMessage> messages,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        if (messages.Count == 0)
        {
            return 0;
        }
        await using var batch = new NpgsqlBatch(connection, transaction);
        foreach (var m in messages)
        {
            Enqueue(batch, m);
        }
        return await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Queues <paramref name="messages"/> in a transaction of their own; returns how many were new.</summary>
    public async Task<int> EnqueueAsync(IReadOnlyList<OutboxMessage> messages, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        if (messages.Count == 0)
        {
            return 0;
        }
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var added = await EnqueueAsync(connection, null, messages, cancellationToken).ConfigureAwait(false);
        Wake();
        return added;
    }

    /// <summary>Tells this node's sender that something was queued (other nodes find it on their next poll).</summary>
    public void Wake()
    {
        if (_wake.CurrentCount == 0)
        {
            try
            {
                _wake.Release();
            }
            catch (SemaphoreFullException)
            {
                // Already woken.
            }
        }
    }

    /// <summary>Waits until <see cref="Wake"/> is called or <paramref name="timeout"/> passes (real time).</summary>
    internal Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _wake.WaitAsync(timeout, cancellationToken);

    /// <summary>
    /// Claims up to <paramref name="limit"/> due notifications: each one's attempt count goes up and it is leased until
    /// <paramref name="leaseUntil"/>, so no other node sends it meanwhile.
    /// </summary>
    internal async Task<IReadOnlyList<OutboxEntry>> ClaimAsync(DateTimeOffset now, DateTimeOffset leaseUntil, int limit, CancellationToken ct)
    {
        await using var cmd = dataSource.CreateCommand($"""
            UPDATE notification_outbox o SET attempts = o.attempts + 1, next_attempt_at = $2
            FROM (SELECT id FROM notification_outbox WHERE status = 'pending' AND next_attempt_at <= $1
                  ORDER BY next_attempt_at, id LIMIT $3 FOR UPDATE SKIP LOCKED) due
            WHERE o.id = due.id
            RETURNING {string.Join(", ", EntryColumns.Split(", ").Select(c => "o." + c))}
            """);
        cmd.Parameters.Add(new NpgsqlParameter { Value = now.ToUniversalTime() });
        cmd.Parameters.Add(new NpgsqlParameter { Value = leaseUntil.ToUniversalTime() });
        cmd.Parameters.Add(new NpgsqlParameter { Value = limit });
        return await ReadAsync(cmd, ct).ConfigureAwait(false);
    }

    /// <summary>Marks a claimed notification sent.</summary>
    internal Task MarkSentAsync(long id, DateTimeOffset now, CancellationToken ct) =>
        ExecAsync("UPDATE notification_outbox SET status = 'sent', sent_at = $2, last_error = NULL, next_attempt_at = NULL WHERE id = $1",
            ct, id, now.ToUniversalTime());

    /// <summary>Records a failed send: retried at <paramref name="retryAt"/>, or parked when it is null.</summary>
    internal Task MarkFailedAsync(long id, string error, DateTimeOffset? retryAt, CancellationToken ct) => retryAt is { } at
        ? ExecAsync("UPDATE notification_outbox SET last_error = $2, next_attempt_at = $3 WHERE id = $1", ct, id, error, at.ToUniversalTime())
        : ExecAsync("UPDATE notification_outbox SET status = 'parked', last_error = $2, next_attempt_at = NULL WHERE id = $1", ct, id, error);

    /// <summary>Notifications, newest first, optionally of one status, depot or order.</summary>
    public async Task<IReadOnlyList<OutboxEntry>> ListAsync(string? status, string? depotId, string? orderId, int limit, CancellationToken cancellationToken = default)
    {
        await using var cmd = dataSource.CreateCommand($"""
            SELECT {EntryColumns} FROM notification_outbox
            WHERE ($1::text IS NULL OR status = $1) AND ($2::text IS NULL OR depot_id = $2) AND ($3::text IS NULL OR order_id = $3)
            ORDER BY id DESC LIMIT $4
            """);
        cmd.Parameters.Add(new NpgsqlParameter { Value = (object?)status ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        cmd.Parameters.Add(new NpgsqlParameter { Value = (object?)depotId ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        cmd.Parameters.Add(new NpgsqlParameter { Value = (object?)orderId ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        cmd.Parameters.Add(new NpgsqlParameter { Value = limit });
        return await ReadAsync(cmd, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Puts a parked notification back in the queue with a fresh count of attempts; false when there is none parked with that id.</summary>
    public async Task<bool> RetryAsync(long id, CancellationToken cancellationToken = default)
    {
        var changed = await ExecAsync("""
            UPDATE notification_outbox SET status = 'pending', attempts = 0, next_attempt_at = '-infinity' WHERE id = $1 AND status = 'parked'
            """, cancellationToken, id).ConfigureAwait(false);
        Wake();
        return changed == 1;
    }

    private static void AddParameters(NpgsqlParameterCollection parameters, OutboxMessage m)
    {
        parameters.Add(new NpgsqlParameter { Value = m.OrderId });
        parameters.Add(new NpgsqlParameter { Value = m.Kind });
        parameters.Add(new NpgsqlParameter { Value = m.Cause });
        parameters.Add(new NpgsqlParameter { Value = (object?)m.DepotId ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        parameters.Add(new NpgsqlParameter { Value = m.PayloadJson, NpgsqlDbType = NpgsqlDbType.Jsonb });
    }

    private async Task<int> ExecAsync(string sql, CancellationToken ct, params object[] args)
    {
        await using var cmd = dataSource.CreateCommand(sql);
        foreach (var a in args)
        {
            cmd.Parameters.Add(new NpgsqlParameter { Value = a });
        }
        return await cmd.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }

    private static async Task<IReadOnlyList<OutboxEntry>> ReadAsync(NpgsqlCommand cmd, CancellationToken ct)
    {
        var list = new List<OutboxEntry>();
        await using var r = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await r.ReadAsync(ct).ConfigureAwait(false))
        {
            list.Add(new OutboxEntry(r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetString(3), r.IsDBNull(4) ? null : r.GetString(4),
                r.GetString(5), r.GetInt32(6), r.IsDBNull(7) ? null : r.GetString(7), Utc(r, 8), r.IsDBNull(9) ? null : Instant(r, 9),
                r.IsDBNull(10) ? null : Utc(r, 10), r.GetString(11)));
        }
        return list;
    }

    private static DateTimeOffset Utc(NpgsqlDataReader r, int i) => new(r.GetDateTime(i), TimeSpan.Zero);

    // '-infinity' (due at once) reads as DateTime.MinValue.
    private static DateTimeOffset Instant(NpgsqlDataReader r, int i) =>
        r.GetFieldValue<DateTime>(i) is var d && d == DateTime.MinValue ? DateTimeOffset.MinValue : new DateTimeOffset(d, TimeSpan.Zero);

    /// <summary>Serialises a tracking notification as its webhook body.</summary>
    internal static string Json(CustomerNotification n) => JsonSerializer.Serialize(n, Live.TrackingJsonContext.Default.CustomerNotification);
}
