using Delivery.CourierApi.Data;
using Npgsql;
using NpgsqlTypes;

namespace Delivery.CourierApi.Features.CustomerPage;

/// <summary>Customer choices, ratings and the callback queue (tables <c>customer_choices</c> and <c>feedback</c>).</summary>
internal sealed class CustomerPageStore(NpgsqlDataSource db)
{
    private const string ChoiceColumns = "c.kind, c.window_start, c.window_end, c.requested_date, c.note, c.created_at";

    public Task<CustomerChoiceView?> ChoiceAsync(long orderId, CancellationToken ct) =>
        db.FirstAsync($"SELECT {ChoiceColumns} FROM customer_choices c WHERE c.order_id = $1", ReadChoice, ct, orderId);

    public async Task<(DateTimeOffset? At, string? Reason)> HandoverAsync(long orderId, CancellationToken ct) =>
        await db.FirstAsync("""
            SELECT occurred_at, reason FROM delivery_events WHERE order_id = $1 AND kind IN ('delivered', 'partly_delivered', 'failed')
            ORDER BY recorded_at DESC LIMIT 1
            """, r => new Tuple<DateTimeOffset?, string?>(r.Get<DateTimeOffset>(0), r.OptString(1)), ct, orderId.ToString(System.Globalization.CultureInfo.InvariantCulture))
        is { } t ? (t.Item1, t.Item2) : (null, null);

    public Task<RatingResponse?> RatingAsync(long orderId, CancellationToken ct) =>
        db.FirstAsync("SELECT rating, needs_callback, created_at FROM feedback WHERE order_id = $1",
            r => new RatingResponse(r.GetInt16(0), r.GetBoolean(1), r.Get<DateTimeOffset>(2)), ct, orderId);

    /// <summary>
    /// Stores the choice (one per order; false when one exists) and writes it into the order's delivery notes, which
    /// the courier's stop card shows. A move also replaces the promised window (every plan version's stop points at it).
    /// </summary>
    public async Task<bool> SaveChoiceAsync(long orderId, CustomerChoiceView choice, string courierNote, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var inserted = await connection.ExecAsync("""
            INSERT INTO customer_choices (order_id, kind, window_start, window_end, requested_date, note, created_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (order_id) DO NOTHING
            """, ct, orderId, choice.Kind, choice.WindowStartUtc, choice.WindowEndUtc, choice.Date, choice.Note, choice.ChosenAt);
        if (inserted == 0)
        {
            return false;
        }
        if (choice is { Kind: CustomerChoices.MoveWindow, WindowStartUtc: { } start, WindowEndUtc: { } end })
        {
            await connection.ExecAsync("UPDATE orders SET windows = ARRAY[$2::tstzrange] WHERE id = $1", ct, orderId,
                new NpgsqlRange<DateTime>(start.UtcDateTime, true, end.UtcDateTime, false));
            await connection.ExecAsync("UPDATE stops SET window_index = 0 WHERE order_id = $1", ct, orderId);
        }
        await connection.ExecAsync("""
            UPDATE orders SET delivery_notes = concat_ws(E'\n', nullif(delivery_notes, ''), $2::text), updated_at = $3 WHERE id = $1
            """, ct, orderId, courierNote, choice.ChosenAt);
        await tx.CommitAsync(ct);
        return true;
    }

    /// <summary>Stores the rating once per order; null when the order was already rated.</summary>
    public Task<RatingResponse?> RateAsync(long orderId, int rating, string? comment, DateTimeOffset at, CancellationToken ct) =>
        db.FirstAsync("""
            INSERT INTO feedback (order_id, rating, comment, created_at) VALUES ($1, $2, $3, $4)
            ON CONFLICT (order_id) DO NOTHING RETURNING rating, needs_callback, created_at
            """, r => new RatingResponse(r.GetInt16(0), r.GetBoolean(1), r.Get<DateTimeOffset>(2)), ct, orderId, (short)rating, comment, at);

    public Task<List<CallbackItem>> CallbacksAsync(long depotId, bool includeDone, CancellationToken ct) =>
        db.ListAsync($"""
            SELECT o.id, o.shop_order_id, o.customer_name, o.customer_phone, f.rating, f.comment, f.created_at,
                   lower(w.w), upper(w.w), o.status, h.occurred_at, o.delivery_notes, f.callback_done_at, f.callback_by, f.callback_outcome
            FROM feedback f JOIN orders o ON o.id = f.order_id
            LEFT JOIN LATERAL (
                SELECT ({PromisedWindow.SortedWindowsSql})[st.window_index + 1] AS w
                FROM stops st JOIN routes r ON r.id = st.route_id JOIN plan_versions v ON v.id = r.plan_version_id
                WHERE st.order_id = o.id AND v.status = 'published' LIMIT 1) w ON true
            LEFT JOIN LATERAL (
                SELECT e.occurred_at FROM delivery_events e
                WHERE e.order_id = o.id::text AND e.kind IN ('delivered', 'partly_delivered', 'failed')
                ORDER BY e.recorded_at DESC LIMIT 1) h ON true
            WHERE f.needs_callback AND o.depot_id = $1 AND ($2 OR f.callback_done_at IS NULL)
            ORDER BY f.created_at, o.id
            """, r =>
            {
                var rated = r.Get<DateTimeOffset>(6);
                var windowEnd = r.IsDBNull(8) ? (DateTimeOffset?)null : r.Get<DateTimeOffset>(8);
                var handover = r.IsDBNull(10) ? (DateTimeOffset?)null : r.Get<DateTimeOffset>(10);
                var done = r.IsDBNull(12) ? (DateTimeOffset?)null : r.Get<DateTimeOffset>(12);
                int? late = handover is { } h && windowEnd is { } e ? Math.Max(0, (int)Math.Round((h - e).TotalMinutes)) : null;
                return new CallbackItem(r.GetInt64(0), r.GetString(1), r.GetString(2), r.OptString(3), r.GetInt16(4), r.OptString(5), rated,
                    r.IsDBNull(7) ? null : r.Get<DateTimeOffset>(7), windowEnd, r.GetString(9), handover, late, r.OptString(11),
                    done, r.OptString(13), r.OptString(14), done is { } d ? Math.Round((d - rated).TotalMinutes, 1) : null);
            }, ct, depotId, includeDone);

    /// <summary>Marks the callback done: 1 done now, 0 already done, -1 no callback for the order.</summary>
    public async Task<int> CallbackDoneAsync(long orderId, string by, string? outcome, DateTimeOffset at, CancellationToken ct)
    {
        var updated = await db.ExecAsync("""
            UPDATE feedback SET callback_done_at = $2, callback_by = $3, callback_outcome = $4
            WHERE order_id = $1 AND needs_callback AND callback_done_at IS NULL
            """, ct, orderId, at, by, outcome);
        if (updated > 0)
        {
            return 1;
        }
        return await db.ScalarAsync<bool>("SELECT EXISTS (SELECT 1 FROM feedback WHERE order_id = $1 AND needs_callback)", ct, orderId) ? 0 : -1;
    }

    public Task<List<CustomerChoiceItem>> ChoicesAsync(long depotId, DateOnly date, CancellationToken ct) =>
        db.ListAsync($"""
            SELECT o.id, o.shop_order_id, o.customer_name, {ChoiceColumns}
            FROM customer_choices c JOIN orders o ON o.id = c.order_id WHERE o.depot_id = $1 AND o.plan_date = $2 ORDER BY c.created_at
            """, r => new CustomerChoiceItem(r.GetInt64(0), r.GetString(1), r.GetString(2), ReadChoice(r, 3)), ct, depotId, date);

    private static CustomerChoiceView ReadChoice(NpgsqlDataReader r) => ReadChoice(r, 0);

    private static CustomerChoiceView ReadChoice(NpgsqlDataReader r, int o) => new(
        r.GetString(o), r.IsDBNull(o + 1) ? null : r.Get<DateTimeOffset>(o + 1), r.IsDBNull(o + 2) ? null : r.Get<DateTimeOffset>(o + 2),
        r.IsDBNull(o + 3) ? null : r.Get<DateOnly>(o + 3), r.OptString(o + 4), r.Get<DateTimeOffset>(o + 5));
}

/// <summary>The kinds of choice a customer may make.</summary>
internal static class CustomerChoices
{
    public const string MoveWindow = "move_window";
    public const string Neighbour = "neighbour";
    public const string SafePlace = "safe_place";
    public const string AnotherDay = "another_day";

    public static readonly string[] All = [MoveWindow, Neighbour, SafePlace, AnotherDay];
}
