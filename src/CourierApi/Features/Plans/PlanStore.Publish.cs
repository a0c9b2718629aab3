using System.Text.Json;
using Delivery.CourierApi.Data;
using Delivery.CourierApi.Hosting;
using Delivery.Tracking.Notifications;
using Npgsql;
using NpgsqlTypes;

namespace Delivery.CourierApi.Features.Plans;

internal sealed partial class PlanStore
{
    private static readonly JsonSerializerOptions WebJson = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// Publishes a version: the previously published one is superseded; orders on routes become planned; every order
    /// whose planned window the customer has not been told yet gets a "planned" notification in the outbox, in the same
    /// transaction (keyed by order and version, so publishing the same version again queues nothing). Returns how many were queued.
    /// </summary>
    public async Task<int> PublishAsync(long versionId, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var status = await connection.ScalarAsync<string?>("SELECT status FROM plan_versions WHERE id = $1 FOR UPDATE", ct, versionId)
            ?? throw new NotFoundException("Plan version", versionId);
        if (status == "superseded")
        {
            throw new ConflictException("Version superseded", $"Version {versionId} was superseded by a later published version; publish the newest one.");
        }
        var now = time.GetUtcNow();
        await connection.ExecAsync("""
            UPDATE plan_versions SET status = 'superseded'
            WHERE plan_id = (SELECT plan_id FROM plan_versions WHERE id = $1) AND status = 'published' AND id <> $1
            """, ct, versionId);
        await connection.ExecAsync("UPDATE plan_versions SET status = 'published', published_at = $2 WHERE id = $1", ct, versionId, now);
        await connection.ExecAsync("""
            UPDATE orders SET status = 'planned', updated_at = $2
            WHERE status = 'open' AND id IN (SELECT s.order_id FROM stops s JOIN routes r ON r.id = s.route_id WHERE r.plan_version_id = $1)
            """, ct, versionId, now);
        var queued = await QueuePlannedAsync(connection, tx, versionId, ct);
        await tx.CommitAsync(ct);
        return queued;
    }

    /// <summary>Queues "planned" for the version's orders whose window (the stop's, or ±1 h around service) differs from the one last told.</summary>
    private async Task<int> QueuePlannedAsync(NpgsqlConnection connection, NpgsqlTransaction tx, long versionId, CancellationToken ct)
    {
        var (depotId, zoneId) = (await connection.FirstAsync("""
            SELECT p.depot_id, d.time_zone FROM plan_versions v JOIN plans p ON p.id = v.plan_id JOIN depots d ON d.id = p.depot_id WHERE v.id = $1
            """, r => Tuple.Create(r.GetInt64(0), r.GetString(1)), ct, versionId))!;
        var zone = Zones.Find(zoneId);
        var changed = await connection.ListAsync("""
            WITH planned AS (
                SELECT o.id, coalesce(w.win, tstzrange(s.planned_service_start - interval '1 hour', s.planned_service_start + interval '1 hour', '[]')) AS win
                FROM stops s JOIN routes r ON r.id = s.route_id JOIN orders o ON o.id = s.order_id
                LEFT JOIN LATERAL (SELECT x AS win FROM unnest(o.windows) x ORDER BY lower(x) OFFSET greatest(s.window_index, 0) LIMIT 1) w ON s.window_index >= 0
                WHERE r.plan_version_id = $1)
            UPDATE orders o SET notified_window = planned.win FROM planned
            WHERE o.id = planned.id AND o.notified_window IS DISTINCT FROM planned.win
            RETURNING o.id, o.shop_order_id, o.customer_name, o.customer_phone, planned.win
            """, r => (Id: r.GetInt64(0), Shop: r.GetString(1), Name: r.GetString(2), Phone: r.OptString(3),
                Window: r.Get<NpgsqlRange<DateTime>>(4)), ct, versionId);
        // Each message carries a link of its own (only its hash is stored); earlier links keep working.
        var tokens = await links.MintAsync(connection, changed.Select(o => o.Id).ToList(), ct);
        var baseUrl = notifications.Value.TrackingBaseUrl;
        var messages = changed.Select(o =>
        {
            var (start, end) = (new DateTimeOffset(o.Window.LowerBound, TimeSpan.Zero), new DateTimeOffset(o.Window.UpperBound, TimeSpan.Zero));
            var body = new DeliveryPlannedNotification("delivery.planned", o.Id, o.Shop, o.Name, o.Phone, start, end,
                $"Your delivery is planned for {Zones.FormatWindow(start, end, zone)}.", baseUrl + tokens[o.Id]);
            return new OutboxMessage(Key(o.Id), "planned", $"version:{versionId}", Key(depotId), JsonSerializer.Serialize(body, WebJson));
        }).ToList();
        return await NotificationOutbox.EnqueueAsync(connection, tx, messages, ct);
    }

    private static string Key(long id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
