namespace Delivery.CourierApi.Features.Insights;

/// <summary>
/// The insights page's facts as SQL common table expressions over the record (published plans, stops, orders, delivery
/// events, positions, zones, feedback), so every figure is aggregated in PostgreSQL. Parameters: <c>$1</c> first and
/// <c>$2</c> last service date, <c>$3</c> the depots (<c>bigint[]</c>, null for every depot). All local figures (hour,
/// weekday, slot) are in each depot's own time zone.
/// </summary>
/// <remarks>
/// A stop's lateness decomposes exactly: with <c>H</c> the handover, <c>A</c> the arrival, <c>D0</c> the departure from
/// the depot and <c>pa/ps/pd</c> the planned arrival, service start and departure,
/// <c>H_k − we_k = (D0 − start) + Σ_{j≤k} driving_j + Σ_{j≤k} waiting_j + Σ_{j≤k} service_j + (pd_k − pd0_k) + (pd0_k − we_k)</c>,
/// where every sum runs over the stops visited before and at <c>k</c> (differences actual − planned, the service of
/// failed stops counted as failed attempts), <c>pd0</c> is the stop's planned departure in the first published
/// version (re-plans) and the last term is the plan's own slack (negative) or planned lateness. The terms that made
/// the stop later (positive) share the lateness in proportion; the negative ones are what absorbed the rest, so the
/// parts add up to the lateness.
/// </remarks>
internal static class InsightsSql
{
    /// <summary>Per stop of a published route in the period: zone, window, first arrival and handover, result.</summary>
    public const string Facts = """
        depot AS MATERIALIZED (
            SELECT d.*, EXISTS (SELECT 1 FROM zones zz WHERE zz.depot_id = d.id) AS has_zones FROM depots d
            WHERE $3::bigint[] IS NULL OR d.id = ANY($3::bigint[])
        ),
        base AS (
            SELECT p.depot_id, d.name AS depot_name, d.time_zone AS tz, d.location AS depot_location, p.id AS plan_id, p.plan_date,
                   d.has_zones,
                   r.id AS route_id, r.courier_id, c.name AS courier_name, r.start_at AS route_start,
                   s.sequence AS seq, s.order_id, o.status AS order_status, o.location,
                   s.planned_arrival AS pa, s.planned_service_start AS ps, s.planned_departure AS pd,
                   CASE WHEN s.window_index < 0 THEN NULL
                        WHEN cardinality(o.windows) = 1 AND s.window_index = 0 THEN o.windows[1]
                        ELSE (SELECT array_agg(x ORDER BY lower(x)) FROM unnest(o.windows) x)[s.window_index + 1] END AS win
            FROM plans p
            JOIN depot d ON d.id = p.depot_id
            JOIN plan_versions v ON v.plan_id = p.id AND v.status = 'published'
            JOIN routes r ON r.plan_version_id = v.id
            JOIN couriers c ON c.id = r.courier_id
            JOIN stops s ON s.route_id = r.id
            JOIN orders o ON o.id = s.order_id
            WHERE p.plan_date BETWEEN $1 AND $2 AND ($3::bigint[] IS NULL OR p.depot_id = ANY($3::bigint[]))
        ),
        ev AS (
            -- One pass, hashed (no sort): the first handover's kind and source ride in the low digits of its epoch second.
            SELECT x.stop_id, x.depot_id, x.arrived, x.handed,
                   (ARRAY['delivered', 'partly_delivered', 'failed'])[(x.first_code % 100) / 3 + 1] AS kind,
                   (ARRAY['tablet', 'paper', 'geofence'])[(x.first_code % 100) % 3 + 1] AS source
            FROM (SELECT e.stop_id, e.depot_id,
                         min(e.occurred_at) FILTER (WHERE e.kind = 'arrived') AS arrived,
                         min(e.occurred_at) FILTER (WHERE e.kind <> 'arrived') AS handed,
                         min(extract(epoch FROM e.occurred_at)::bigint * 100
                             + 3 * CASE e.kind WHEN 'delivered' THEN 0 WHEN 'partly_delivered' THEN 1 ELSE 2 END
                             + CASE e.source WHEN 'tablet' THEN 0 WHEN 'paper' THEN 1 ELSE 2 END) FILTER (WHERE e.kind <> 'arrived') AS first_code
                  FROM delivery_events e
                  WHERE e.occurred_at >= ($1::date - 2)::timestamp AT TIME ZONE 'UTC'
                    AND e.occurred_at < ($2::date + 3)::timestamp AT TIME ZONE 'UTC'
                    AND e.corrected_by IS NULL AND e.kind <> 'note'
                    AND ($3::bigint[] IS NULL OR e.depot_id = ANY($3::bigint[]::text[]))
                  GROUP BY e.stop_id, e.depot_id) x
        ),
        facts AS (
            SELECT b.*, lower(b.win) AS ws, upper(b.win) AS we, ev.arrived, ev.handed AS h, ev.kind, ev.source,
                   coalesce(z.name, 'grid ' || g.gx::text || ',' || g.gy::text) AS zone,
                   CASE WHEN b.order_status = 'cancelled' THEN 'cancelled'
                        WHEN ev.handed IS NULL THEN 'open'
                        WHEN b.win IS NULL THEN 'no_window'
                        WHEN ev.handed < lower(b.win) THEN 'early'
                        WHEN ev.handed > upper(b.win) THEN 'late'
                        ELSE 'hit' END AS result,
                   extract(epoch FROM lower(b.win) - ev.handed) / 60 AS early_min,
                   extract(epoch FROM ev.handed - upper(b.win)) / 60 AS late_min,
                   extract(hour FROM ev.handed AT TIME ZONE b.tz)::int AS hour,
                   extract(isodow FROM b.plan_date)::int AS dow,
                   to_char(lower(b.win) AT TIME ZONE b.tz, 'HH24:MI') || '–' || to_char(upper(b.win) AT TIME ZONE b.tz, 'HH24:MI') AS slot,
                   f.rating, CASE WHEN f.needs_callback THEN coalesce(f.callback_outcome,
                        CASE WHEN f.callback_done_at IS NULL THEN 'pending' ELSE 'done' END) END AS callback
            FROM base b
            LEFT JOIN ev ON ev.stop_id = b.order_id::text AND ev.depot_id = b.depot_id::text
            LEFT JOIN feedback f ON f.order_id = b.order_id
            LEFT JOIN LATERAL (SELECT z.name FROM zones z WHERE b.has_zones AND z.depot_id = b.depot_id AND ST_Contains(z.area, b.location)
                               ORDER BY z.id LIMIT 1) z ON true
            -- Without zones, a 2 km grid cell centred on the depot: PostGIS snaps the stop to a grid of 2 km in degrees
            -- at the depot's latitude (no reprojection per stop).
            CROSS JOIN LATERAL (SELECT round((ST_X(q.p) - ST_X(b.depot_location)) / q.sx)::int AS gx,
                                       round((ST_Y(q.p) - ST_Y(b.depot_location)) / q.sy)::int AS gy
                                FROM (SELECT ST_SnapToGrid(b.location, b.depot_location, k.sx, k.sy, 0, 0) AS p, k.sx, k.sy
                                      FROM (SELECT 2000 / (111320 * cos(radians(ST_Y(b.depot_location)))) AS sx, 2000 / 110574.0 AS sy) k) q) g
        )
        """;

    /// <summary>
    /// After <see cref="Facts"/>: the visited stops of each route in order with actual and planned legs (minutes,
    /// actual − planned) and their running sums (<c>cum</c>).
    /// </summary>
    public const string Chain = """
        ,
        visited AS (
            SELECT f.*, least(coalesce(f.arrived, f.h - (f.pd - f.ps)), f.h) AS a,
                   lag(f.h) OVER w AS prev_h, lag(f.pd) OVER w AS prev_pd
            FROM facts f WHERE f.h IS NOT NULL AND f.result <> 'cancelled'
            WINDOW w AS (PARTITION BY f.route_id ORDER BY f.seq)
        ),
        dep AS (
            -- Departure from the depot: the first fix 250 m away from it after the planned start − 30 min, else the
            -- first arrival less the planned first leg (the first leg then counts as driven to plan).
            SELECT v.route_id, coalesce(t.t, v.a - (v.pa - v.route_start)) AS d0, t.t IS NOT NULL AS tracked
            FROM visited v
            LEFT JOIN LATERAL (SELECT p.recorded_at AS t FROM positions p
                               WHERE p.courier_id = v.courier_id::text AND p.recorded_at >= v.route_start - interval '30 minutes'
                                 AND p.recorded_at < v.a
                                 AND NOT ST_DWithin(ST_SetSRID(ST_MakePoint(p.lon, p.lat), 4326)::geography, v.depot_location::geography, 250)
                               ORDER BY p.recorded_at LIMIT 1) t ON true
            WHERE v.prev_h IS NULL
        ),
        legs AS (
            SELECT v.*, dep.d0, dep.tracked,
                   extract(epoch FROM dep.d0 - v.route_start) / 60 AS departure_diff,
                   extract(epoch FROM (v.a - coalesce(v.prev_h, dep.d0)) - (v.pa - coalesce(v.prev_pd, v.route_start))) / 60 AS drive_diff,
                   greatest(0, extract(epoch FROM least(v.h, coalesce(v.ws, v.a)) - v.a) / 60) AS wait_a,
                   extract(epoch FROM v.ps - v.pa) / 60 AS wait_p,
                   extract(epoch FROM v.pd - v.ps) / 60 AS service_p,
                   extract(epoch FROM v.h - v.a) / 60 AS at_stop
            FROM visited v JOIN dep USING (route_id)
        ),
        cum AS (
            SELECT l.*, l.wait_a - l.wait_p AS wait_diff, l.at_stop - l.wait_a - l.service_p AS service_diff,
                   sum(l.drive_diff) OVER w AS c_drive,
                   sum(l.wait_a - l.wait_p) OVER w AS c_wait,
                   sum(CASE WHEN l.kind <> 'failed' THEN l.at_stop - l.wait_a - l.service_p ELSE 0 END) OVER w AS c_service,
                   sum(CASE WHEN l.kind = 'failed' THEN l.at_stop - l.wait_a - l.service_p ELSE 0 END) OVER w AS c_failed
            FROM legs l
            WINDOW w AS (PARTITION BY l.route_id ORDER BY l.seq ROWS UNBOUNDED PRECEDING)
        )
        """;

    /// <summary>After <see cref="Chain"/>: every late handover with its lateness split into parts (<c>parts</c>).</summary>
    public const string Parts = """
        ,
        late AS (
            SELECT c.*, c.late_min AS lateness,
                   c.departure_diff AS x_departure, c.c_drive AS x_driving, c.c_wait AS x_waiting, c.c_service AS x_service,
                   c.c_failed AS x_failed,
                   extract(epoch FROM c.pd - coalesce(f0.pd, c.pd)) / 60 AS x_replan,
                   extract(epoch FROM coalesce(f0.pd, c.pd) - c.we) / 60 AS x_plan
            FROM cum c
            LEFT JOIN LATERAL (SELECT s0.planned_departure AS pd FROM plan_versions v0 JOIN routes r0 ON r0.plan_version_id = v0.id
                               JOIN stops s0 ON s0.route_id = r0.id
                               WHERE v0.plan_id = c.plan_id AND v0.published_at IS NOT NULL AND s0.order_id = c.order_id
                               ORDER BY v0.published_at LIMIT 1) f0 ON true
            WHERE c.result = 'late'
        ),
        shares AS (
            SELECT l.*, greatest(l.x_departure, 0) + greatest(l.x_driving, 0) + greatest(l.x_waiting, 0) + greatest(l.x_service, 0)
                        + greatest(l.x_failed, 0) + greatest(l.x_replan, 0) + greatest(l.x_plan, 0) AS positive
            FROM late l
        ),
        parts AS (
            SELECT s.*,
                   s.lateness * greatest(s.x_departure, 0) / s.positive AS p_departure,
                   s.lateness * greatest(s.x_driving, 0) / s.positive AS p_driving,
                   s.lateness * greatest(s.x_waiting, 0) / s.positive AS p_waiting,
                   s.lateness * greatest(s.x_service, 0) / s.positive AS p_service,
                   s.lateness * greatest(s.x_failed, 0) / s.positive AS p_failed,
                   s.lateness * greatest(s.x_replan, 0) / s.positive AS p_replan,
                   s.lateness * greatest(s.x_plan, 0) / s.positive AS p_plan
            FROM shares s WHERE s.positive > 0
        )
        """;

    /// <summary>The period's three parameters, the depots as an array (null for all).</summary>
    public static object?[] Args(InsightsPeriod period) =>
        [period.From, period.To, period.Depots is null ? new Npgsql.NpgsqlParameter { Value = DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Bigint } : period.Depots.ToArray()];
}
