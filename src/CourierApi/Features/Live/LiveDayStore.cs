using Delivery.CourierApi.Data;
using Npgsql;

namespace Delivery.CourierApi.Features.Live;

/// <summary>What the live day reads beside Tracking's live state: the day's published routes, the stops' customers, the
/// customers' choices and callback requests, and the acknowledgements of alerts (table <c>live_alert_acks</c>).</summary>
internal sealed class LiveDayStore(NpgsqlDataSource db)
{
    /// <summary>A published route of the day with its courier.</summary>
    public sealed record DayRoute(long RouteId, long CourierId, string Name, string? Phone, DateTimeOffset Start, DateTimeOffset End, long VersionId, long ShiftId, bool Locked);

    /// <summary>What the plan and the order say about a stop.</summary>
    public sealed record StopFacts(string ShopOrderId, DateTimeOffset PlannedArrival, DateTimeOffset PlannedServiceStart, string CustomerName, string Address, string? Phone);

    public Task<string?> TimeZoneAsync(long depotId, CancellationToken ct) =>
        db.ScalarAsync<string?>("SELECT time_zone FROM depots WHERE id = $1", ct, depotId);

    public Task<List<DayRoute>> RoutesAsync(long depotId, DateOnly date, CancellationToken ct) =>
        db.ListAsync("""
            SELECT r.id, r.courier_id, c.name, c.phone, r.start_at, r.end_at, v.id, r.shift_id, r.locked
            FROM routes r JOIN plan_versions v ON v.id = r.plan_version_id JOIN plans p ON p.id = v.plan_id JOIN couriers c ON c.id = r.courier_id
            WHERE v.status = 'published' AND p.depot_id = $1 AND p.plan_date = $2 ORDER BY r.id
            """, r => new DayRoute(r.GetInt64(0), r.GetInt64(1), r.GetString(2), r.OptString(3), r.Get<DateTimeOffset>(4), r.Get<DateTimeOffset>(5), r.GetInt64(6),
                r.GetInt64(7), r.GetBoolean(8)),
            ct, depotId, date);

    public async Task<Dictionary<long, StopFacts>> StopFactsAsync(long versionId, CancellationToken ct) =>
        (await db.ListAsync("""
            SELECT st.order_id, o.shop_order_id, st.planned_arrival, st.planned_service_start, o.customer_name, o.address, o.customer_phone
            FROM stops st JOIN routes r ON r.id = st.route_id JOIN orders o ON o.id = st.order_id WHERE r.plan_version_id = $1
            """, r => (r.GetInt64(0), new StopFacts(r.GetString(1), r.Get<DateTimeOffset>(2), r.Get<DateTimeOffset>(3), r.GetString(4), r.GetString(5), r.OptString(6))), ct, versionId))
        .ToDictionary(x => x.Item1, x => x.Item2);

    public async Task<Dictionary<long, string>> ChoicesAsync(long depotId, DateOnly date, CancellationToken ct) =>
        (await db.ListAsync("""
            SELECT c.order_id, c.kind FROM customer_choices c JOIN orders o ON o.id = c.order_id WHERE o.depot_id = $1 AND o.plan_date = $2
            """, r => (r.GetInt64(0), r.GetString(1)), ct, depotId, date)).ToDictionary(x => x.Item1, x => x.Item2);

    /// <summary>Callback requests (a rating of 3 or less) of the day's orders not called back yet.</summary>
    public Task<List<(long OrderId, DateTimeOffset At, string? Phone)>> CallbacksAsync(long depotId, DateOnly date, CancellationToken ct) =>
        db.ListAsync("""
            SELECT f.order_id, f.created_at, o.customer_phone FROM feedback f JOIN orders o ON o.id = f.order_id
            WHERE f.needs_callback AND f.callback_done_at IS NULL AND o.depot_id = $1 AND o.plan_date = $2 ORDER BY f.created_at
            """, r => (r.GetInt64(0), r.Get<DateTimeOffset>(1), r.OptString(2)), ct, depotId, date);

    public async Task<Dictionary<string, AlertAcknowledgement>> AcknowledgementsAsync(long depotId, DateOnly date, CancellationToken ct) =>
        (await db.ListAsync("SELECT alert_key, acknowledged_by, acknowledged_at FROM live_alert_acks WHERE depot_id = $1 AND plan_date = $2",
            r => new AlertAcknowledgement(r.GetString(0), r.GetString(1), r.Get<DateTimeOffset>(2)), ct, depotId, date))
        .ToDictionary(a => a.Key, StringComparer.Ordinal);

    /// <summary>Stores who acknowledged the alert and when; the first acknowledgement stands (returned to every later caller).</summary>
    public async Task<AlertAcknowledgement> AcknowledgeAsync(long depotId, DateOnly date, string key, string by, DateTimeOffset at, CancellationToken ct) =>
        (await db.FirstAsync("""
            WITH ins AS (
                INSERT INTO live_alert_acks (depot_id, plan_date, alert_key, acknowledged_by, acknowledged_at) VALUES ($1, $2, $3, $4, $5)
                ON CONFLICT (depot_id, plan_date, alert_key) DO NOTHING RETURNING alert_key, acknowledged_by, acknowledged_at)
            SELECT * FROM ins
            UNION ALL SELECT alert_key, acknowledged_by, acknowledged_at FROM live_alert_acks WHERE depot_id = $1 AND plan_date = $2 AND alert_key = $3
            LIMIT 1
            """, r => new AlertAcknowledgement(r.GetString(0), r.GetString(1), r.Get<DateTimeOffset>(2)), ct, depotId, date, key, by, at))!;

    /// <summary>The story of an order's stop on the day's published plan (null when the order is not the depot's).</summary>
    public async Task<StopStory?> StoryAsync(long depotId, long orderId, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        var events = await connection.ListAsync("""
            SELECT kind, occurred_at, source, reason, note, entered_by FROM delivery_events WHERE order_id = $1::text ORDER BY occurred_at, id
            """, r => new StopStoryEvent(r.GetString(0), r.Get<DateTimeOffset>(1), r.GetString(2), r.OptString(3), r.OptString(4), r.OptString(5)),
            ct, orderId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return await connection.FirstAsync($"""
            SELECT o.id, o.shop_order_id, o.customer_name, o.customer_phone, o.address, o.delivery_notes, lower(w.w), upper(w.w), w.planned_arrival,
                   c.kind, c.note
            FROM orders o
            LEFT JOIN LATERAL (
                SELECT ({PromisedWindow.SortedWindowsSql})[st.window_index + 1] AS w, st.planned_arrival
                FROM stops st JOIN routes r ON r.id = st.route_id JOIN plan_versions v ON v.id = r.plan_version_id
                WHERE st.order_id = o.id AND v.status = 'published' LIMIT 1) w ON true
            LEFT JOIN customer_choices c ON c.order_id = o.id
            WHERE o.id = $1 AND o.depot_id = $2
            """, r => new StopStory(r.GetInt64(0), r.GetString(1), r.GetString(2), r.OptString(3), r.GetString(4), r.OptString(5),
                r.IsDBNull(6) ? null : r.Get<DateTimeOffset>(6), r.IsDBNull(7) ? null : r.Get<DateTimeOffset>(7),
                r.IsDBNull(8) ? null : r.Get<DateTimeOffset>(8), events, r.OptString(9), r.OptString(10)), ct, orderId, depotId);
    }

    /// <summary>The recorded positions and events of <paramref name="couriers"/> between two instants, for replay.</summary>
    public async Task<ReplayResponse> ReplayAsync(IReadOnlyList<long> couriers, DateTimeOffset from, DateTimeOffset to, CancellationToken ct)
    {
        var ids = couriers.Select(c => c.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        await using var connection = await db.OpenConnectionAsync(ct);
        // At most 3,000 points a courier: every n-th fix, n from the courier's count (a 5 s stream over 12 hours is 8,640).
        var points = await connection.ListAsync("""
            SELECT courier_id, lon, lat, recorded_at FROM (
                SELECT courier_id, lon, lat, recorded_at, row_number() OVER w AS n, count(*) OVER (PARTITION BY courier_id) AS total
                FROM positions WHERE courier_id = ANY($1) AND recorded_at >= $2 AND recorded_at < $3
                WINDOW w AS (PARTITION BY courier_id ORDER BY recorded_at)) p
            WHERE (n - 1) % GREATEST(1, ceil(total / 3000.0)::int) = 0 ORDER BY courier_id, recorded_at
            """, r => (Courier: long.Parse(r.GetString(0), System.Globalization.CultureInfo.InvariantCulture),
                Point: new[] { r.GetDouble(1), r.GetDouble(2), r.Get<DateTimeOffset>(3).ToUnixTimeMilliseconds() }), ct, ids, from, to);
        var events = await connection.ListAsync("""
            SELECT courier_id, order_id, kind, source, occurred_at FROM delivery_events
            WHERE courier_id = ANY($1) AND occurred_at >= $2 AND occurred_at < $3 ORDER BY occurred_at, id
            """, r => new ReplayEvent(long.Parse(r.GetString(0), System.Globalization.CultureInfo.InvariantCulture), long.Parse(r.GetString(1), System.Globalization.CultureInfo.InvariantCulture),
                r.GetString(2), r.GetString(3), r.Get<DateTimeOffset>(4)), ct, ids, from, to);
        var tracks = points.GroupBy(p => p.Courier).Select(g => new ReplayTrack(g.Key, g.Select(p => p.Point).ToList())).ToList();
        var times = points.Select(p => p.Point[2]).Concat(events.Select(e => (double)e.At.ToUnixTimeMilliseconds())).ToList();
        return new ReplayResponse(times.Count > 0 ? DateTimeOffset.FromUnixTimeMilliseconds((long)times.Min()) : null,
            times.Count > 0 ? DateTimeOffset.FromUnixTimeMilliseconds((long)times.Max()) : null, tracks, events);
    }
}
