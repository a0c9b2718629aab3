using Delivery.CourierApi.Data;
using Delivery.CourierApi.Hosting;
using Npgsql;
using NpgsqlTypes;

namespace Delivery.CourierApi.Features.Plans;

/// <summary>Reads a stored plan version into the review shape (routes, stops with window and slack, load, totals, unassigned).</summary>
internal sealed class PlanReader(NpgsqlDataSource db)
{
    public async Task<PlanVersionView> ReadAsync(long versionId, CancellationToken ct, long[]? onlyCouriers = null)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        var header = await connection.FirstAsync("""
            SELECT v.id, v.plan_id, p.depot_id, p.plan_date, v.number, v.status, v.source, v.created_at, v.published_at
            FROM plan_versions v JOIN plans p ON p.id = v.plan_id WHERE v.id = $1
            """, r => new PlanVersionView(r.GetInt64(0), r.GetInt64(1), r.GetInt64(2), r.Get<DateOnly>(3), r.GetInt32(4), r.GetString(5), r.GetString(6),
                r.Get<DateTimeOffset>(7), r.Opt<DateTimeOffset>(8), new PlanTotals(0, 0, 0, 0, 0, 0), [], []), ct, versionId)
            ?? throw new NotFoundException("Plan version", versionId);
        var stops = (await connection.ListAsync("""
            SELECT s.route_id, s.sequence, o.id, o.shop_order_id, o.customer_name, o.address, ST_Y(o.location), ST_X(o.location),
                   s.planned_arrival, s.planned_service_start, s.planned_departure, s.window_index,
                   (SELECT coalesce(array_agg(w ORDER BY lower(w)), '{}') FROM unnest(o.windows) w), o.demand_items, o.demand_weight_g, s.violation,
                   s.violation_codes::text, EXISTS (SELECT 1 FROM delivery_photos p WHERE p.order_id = o.id::text)
            FROM stops s JOIN routes r ON r.id = s.route_id JOIN orders o ON o.id = s.order_id
            WHERE r.plan_version_id = $1 AND ($2::bigint[] IS NULL OR r.courier_id = ANY($2))
            ORDER BY s.route_id, s.sequence
            """, r =>
            {
                var windows = r.Get<NpgsqlRange<DateTime>[]>(12);
                var index = r.GetInt32(11);
                DateTimeOffset? start = index >= 0 && index < windows.Length ? new DateTimeOffset(windows[index].LowerBound, TimeSpan.Zero) : null;
                DateTimeOffset? end = index >= 0 && index < windows.Length ? new DateTimeOffset(windows[index].UpperBound, TimeSpan.Zero) : null;
                var serviceStart = r.Get<DateTimeOffset>(9);
                return (RouteId: r.GetInt64(0), Items: r.GetInt64(13), Weight: r.GetInt64(14), Stop: new StopView(r.GetInt32(1), r.GetInt64(2), r.GetString(3),
                    r.GetString(4), r.GetString(5), r.GetDouble(6), r.GetDouble(7), r.Get<DateTimeOffset>(8), serviceStart, r.Get<DateTimeOffset>(10),
                    start, end, end is { } e ? Math.Round((e - serviceStart).TotalMinutes, 1) : null, 0, 0, r.OptString(15),
                    ViolationView.FromJson(r.OptString(16)), r.GetBoolean(17)));
            }, ct, versionId, onlyCouriers))
            .ToLookup(s => s.RouteId);
        var routes = await connection.ListAsync("""
            SELECT r.id, r.courier_id, c.name, r.vehicle_id, v.code, r.locked, r.start_at, r.end_at, r.distance_m, r.travel_s, v.capacity_items,
                   r.break_start, r.break_duration_s, r.break_after_stop
            FROM routes r JOIN couriers c ON c.id = r.courier_id JOIN vehicles v ON v.id = r.vehicle_id
            WHERE r.plan_version_id = $1 AND ($2::bigint[] IS NULL OR r.courier_id = ANY($2)) ORDER BY r.id
            """, r =>
            {
                var (items, weight) = (0L, 0L);
                var routeStops = stops[r.GetInt64(0)].Select(s =>
                {
                    items += s.Items;
                    weight += s.Weight;
                    return s.Stop with { LoadItemsAfter = items, LoadWeightGramsAfter = weight };
                }).ToList();
                return new RouteView(r.GetInt64(0), r.GetInt64(1), r.GetString(2), r.GetInt64(3), r.GetString(4), r.GetBoolean(5), r.Get<DateTimeOffset>(6),
                    r.Get<DateTimeOffset>(7), Math.Round(r.GetInt64(8) / 1000.0, 2), Math.Round(r.GetInt64(9) / 3600.0, 2), items, r.GetInt64(10), routeStops,
                    r.Opt<DateTimeOffset>(11) is { } breakStart
                        ? new BreakView(breakStart, breakStart.AddSeconds(r.GetInt32(12)), r.GetInt32(13))
                        : null);
            }, ct, versionId, onlyCouriers);
        var unassigned = onlyCouriers is not null ? [] : await connection.ListAsync("""
            SELECT o.id, o.shop_order_id, o.customer_name, u.reason, u.detail, u.args::text
            FROM unassigned_orders u JOIN orders o ON o.id = u.order_id WHERE u.plan_version_id = $1 ORDER BY o.id
            """, r => new UnassignedView(r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4),
                ViolationView.ArgsFromJson(r.OptString(5))), ct, versionId);
        var totals = new PlanTotals(routes.Count(r => r.Stops.Count > 0), routes.Sum(r => r.Stops.Count), unassigned.Count,
            Math.Round(routes.Sum(r => r.DistanceKm), 2), Math.Round(routes.Sum(r => r.TravelHours), 2),
            routes.Sum(r => r.Stops.Count(s => s.Violation is not null)));
        return header with { Totals = totals, Routes = routes, Unassigned = unassigned };
    }
}

/// <summary>Where each route of a version starts and ends.</summary>
internal sealed class RouteEnds(NpgsqlDataSource db)
{
    public async Task<Dictionary<long, (Delivery.Planner.Model.Location Start, Delivery.Planner.Model.Location End)>> ReadAsync(long versionId, CancellationToken ct)
    {
        var rows = await db.ListAsync("""
            SELECT r.id, ST_X(a.location), ST_Y(a.location), ST_X(b.location), ST_Y(b.location)
            FROM routes r JOIN courier_shifts s ON s.id = r.shift_id JOIN depots a ON a.id = s.start_depot_id JOIN depots b ON b.id = s.end_depot_id
            WHERE r.plan_version_id = $1
            """, r => (r.GetInt64(0), new Delivery.Planner.Model.Location(r.GetDouble(1), r.GetDouble(2)), new Delivery.Planner.Model.Location(r.GetDouble(3), r.GetDouble(4))), ct,
            versionId);
        return rows.ToDictionary(x => x.Item1, x => (x.Item2, x.Item3));
    }
}
