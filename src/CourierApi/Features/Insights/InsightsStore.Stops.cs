using Delivery.CourierApi.Data;
using Npgsql;

namespace Delivery.CourierApi.Features.Insights;

/// <summary>Filters of the stops behind a figure; every one is optional.</summary>
internal sealed record StopFilter(DateOnly? Date = null, long? DepotId = null, long? CourierId = null, string? Zone = null, string? Slot = null,
    int? Hour = null, int? Weekday = null, string? Result = null, string? Cause = null, long? RouteId = null);

internal sealed partial class InsightsStore
{
    /// <summary>The stop results a filter may name; <c>paper</c> selects outcomes entered from the paper manifest.</summary>
    public static readonly IReadOnlyList<string> Results = ["hit", "early", "late", "no_window", "cancelled", "open", "paper"];

    /// <summary>Distributions of actual − planned minutes (departure, driving, service, arrival) by local hour and zone.</summary>
    public async Task<PlannedVsActual> PlannedVsActualAsync(InsightsPeriod period, CancellationToken ct)
    {
        var rows = await QueryAsync($"""
            WITH {InsightsSql.Facts}{InsightsSql.Chain},
            obs AS (
                SELECT x.measure, x.v, x.hour, c.zone FROM cum c CROSS JOIN LATERAL (VALUES
                    ('departure', CASE WHEN c.prev_h IS NULL THEN c.departure_diff END, extract(hour FROM c.route_start AT TIME ZONE c.tz)::int),
                    ('driving', c.drive_diff, extract(hour FROM coalesce(c.prev_pd, c.route_start) AT TIME ZONE c.tz)::int),
                    ('service', c.service_diff, extract(hour FROM c.ps AT TIME ZONE c.tz)::int),
                    ('arrival', extract(epoch FROM c.a - c.pa) / 60, extract(hour FROM c.pa AT TIME ZONE c.tz)::int)) x(measure, v, hour)
                WHERE x.v IS NOT NULL
            )
            SELECT o.measure, CASE WHEN grouping(o.hour) = 0 THEN 'hour' WHEN grouping(o.zone) = 0 THEN 'zone' ELSE 'all' END,
                   coalesce(lpad(o.hour::text, 2, '0'), o.zone, 'all'), count(*)::int, avg(o.v)::float8,
                   percentile_cont(0.1) WITHIN GROUP (ORDER BY o.v)::float8, percentile_cont(0.5) WITHIN GROUP (ORDER BY o.v)::float8,
                   percentile_cont(0.9) WITHIN GROUP (ORDER BY o.v)::float8
            FROM obs o
            GROUP BY GROUPING SETS ((o.measure), (o.measure, o.hour), (o.measure, o.zone))
            ORDER BY 1, 2, 3
            """, r => new PlanDifference(r.GetString(0), r.GetString(1), r.GetString(2), r.GetInt32(3), Math.Round(r.GetDouble(4), 2),
                Math.Round(r.GetDouble(5), 2), Math.Round(r.GetDouble(6), 2), Math.Round(r.GetDouble(7), 2)), ct, InsightsSql.Args(period));
        return new PlannedVsActual(period.From, period.To, rows);
    }

    /// <summary>A page of the stops matching <paramref name="filter"/>: the latest first (by the named cause's minutes when one is named), a route's in order.</summary>
    public async Task<InsightStopPage> StopsAsync(InsightsPeriod period, StopFilter filter, int page, int pageSize, CancellationToken ct)
    {
        var total = 0;
        var stops = await QueryAsync($"""
            WITH {InsightsSql.Facts}{InsightsSql.Chain}{InsightsSql.Parts},
            picked AS (
                SELECT f.*, c.drive_diff, c.service_diff, p.p_departure, p.p_driving, p.p_waiting, p.p_service, p.p_failed, p.p_replan, p.p_plan,
                       CASE $12::text WHEN 'departure' THEN p.p_departure WHEN 'driving' THEN p.p_driving WHEN 'waiting' THEN p.p_waiting
                            WHEN 'service' THEN p.p_service WHEN 'failed' THEN p.p_failed WHEN 'replan' THEN p.p_replan WHEN 'plan' THEN p.p_plan END AS cause_min
                FROM facts f
                LEFT JOIN cum c ON c.route_id = f.route_id AND c.order_id = f.order_id
                LEFT JOIN parts p ON p.route_id = f.route_id AND p.order_id = f.order_id
                WHERE ($4::date IS NULL OR f.plan_date = $4) AND ($5::bigint IS NULL OR f.depot_id = $5) AND ($6::bigint IS NULL OR f.courier_id = $6)
                  AND ($7::text IS NULL OR f.zone = $7) AND ($8::text IS NULL OR f.slot = $8) AND ($9::int IS NULL OR f.hour = $9)
                  AND ($10::int IS NULL OR f.dow = $10) AND ($13::bigint IS NULL OR f.route_id = $13)
                  AND ($11::text IS NULL OR f.result = $11 OR ($11 = 'paper' AND f.source = 'paper' AND {Attempted}))
            )
            SELECT route_id, order_id, plan_date, depot_id, tz, courier_id, courier_name, seq, zone, result, kind, source, ws, we, pa, pd,
                   arrived, h, CASE WHEN result = 'early' THEN early_min END::float8, CASE WHEN result = 'late' THEN late_min END::float8,
                   drive_diff::float8, service_diff::float8, p_departure::float8, p_driving::float8, p_waiting::float8, p_service::float8,
                   p_failed::float8, p_replan::float8, p_plan::float8, count(*) OVER ()::int
            FROM picked
            WHERE $12::text IS NULL OR cause_min > 0
            ORDER BY CASE WHEN $13::bigint IS NOT NULL THEN seq END, cause_min DESC NULLS LAST, late_min DESC NULLS LAST, plan_date, route_id, seq
            LIMIT $14 OFFSET $15
            """, r =>
            {
                total = r.GetInt32(29);
                return ReadStop(r);
            }, ct, [.. InsightsSql.Args(period), filter.Date, filter.DepotId, filter.CourierId, filter.Zone, filter.Slot, filter.Hour, filter.Weekday,
                filter.Result, filter.Cause, filter.RouteId, pageSize, (page - 1) * pageSize]);
        if (stops.Count == 0 && page > 1)
        {
            total = (await StopsAsync(period, filter, 1, 1, ct)).Total;
        }
        return new InsightStopPage(total, page, pageSize, stops);
    }

    /// <summary>The stop's story: its route planned and actual, its events and the track up to its handover; null when not on a published route.</summary>
    public async Task<InsightStory?> StoryAsync(long routeId, long orderId, CancellationToken ct)
    {
        var where = await db.FirstAsync("""
            SELECT p.plan_date, p.depot_id, r.courier_id, r.start_at, ST_X(o.location), ST_Y(o.location)
            FROM routes r JOIN plan_versions v ON v.id = r.plan_version_id JOIN plans p ON p.id = v.plan_id
            JOIN stops s ON s.route_id = r.id JOIN orders o ON o.id = s.order_id
            WHERE r.id = $1 AND s.order_id = $2 AND v.status = 'published'
            """, r => new StoryTarget(r.Get<DateOnly>(0), r.GetInt64(1), r.GetInt64(2), r.Get<DateTimeOffset>(3),
                [r.GetDouble(4), r.GetDouble(5)]), ct, routeId, orderId);
        if (where is null)
        {
            return null;
        }
        var route = await StopsAsync(new InsightsPeriod(where.Date, where.Date, [where.Depot]), new StopFilter(RouteId: routeId), 1, 1000, ct);
        var stop = route.Stops.FirstOrDefault(s => s.OrderId == orderId);
        if (stop is null)
        {
            return null;
        }
        var events = await db.ListAsync("""
            SELECT kind, occurred_at, source, reason FROM delivery_events
            WHERE stop_id = $1 AND depot_id = $2 AND corrected_by IS NULL AND occurred_at >= $3 - interval '1 day' AND occurred_at < $3 + interval '2 days'
            ORDER BY occurred_at, id
            """, r => new StoryEvent(r.GetString(0), r.Get<DateTimeOffset>(1), r.GetString(2), r.OptString(3)), ct,
            orderId.ToString(System.Globalization.CultureInfo.InvariantCulture), where.Depot.ToString(System.Globalization.CultureInfo.InvariantCulture),
            where.Start);
        var until = stop.HandedOver ?? where.Start.AddHours(16);
        var track = await db.ListAsync("""
            SELECT lon, lat FROM positions WHERE courier_id = $1 AND recorded_at >= $2 - interval '30 minutes' AND recorded_at <= $3
            ORDER BY recorded_at
            """, r => new[] { r.GetDouble(0), r.GetDouble(1) }, ct,
            where.Courier.ToString(System.Globalization.CultureInfo.InvariantCulture), where.Start, until);
        var step = Math.Max(1, track.Count / 2000 + 1);
        return new InsightStory(stop, route.Stops, events, track.Where((_, i) => i % step == 0 || i == track.Count - 1).ToList(), where.Location);
    }

    private static InsightStop ReadStop(NpgsqlDataReader r) => new(
        r.GetInt64(0), r.GetInt64(1), r.Get<DateOnly>(2), r.GetInt64(3), r.GetString(4), r.GetInt64(5), r.GetString(6), r.GetInt32(7),
        r.GetString(8), r.GetString(9), r.OptString(10), r.OptString(11), r.Opt<DateTimeOffset>(12), r.Opt<DateTimeOffset>(13),
        r.Get<DateTimeOffset>(14), r.Get<DateTimeOffset>(15), r.Opt<DateTimeOffset>(16), r.Opt<DateTimeOffset>(17),
        Round(r.Opt<double>(18)), Round(r.Opt<double>(19)), Round(r.Opt<double>(20)), Round(r.Opt<double>(21)),
        r.IsDBNull(22) ? null : new LatenessParts(Round(r.GetDouble(22))!.Value, Round(r.GetDouble(23))!.Value, Round(r.GetDouble(24))!.Value,
            Round(r.GetDouble(25))!.Value, Round(r.GetDouble(26))!.Value, Round(r.GetDouble(27))!.Value, Round(r.GetDouble(28))!.Value));

    private sealed record StoryTarget(DateOnly Date, long Depot, long Courier, DateTimeOffset Start, double[] Location);

    private static double? Round(double? minutes) => minutes is { } m ? Math.Round(m, 2) : null;
}
