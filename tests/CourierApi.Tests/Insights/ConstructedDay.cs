using Npgsql;
using NpgsqlTypes;

namespace Delivery.CourierApi.Tests.Insights;

/// <summary>
/// A delivery day whose window-hit figures and lateness causes are known by hand, written straight into the record
/// (published plan, stops, orders, events) of a Lisbon depot on 1 Dec 2026 (Lisbon is UTC+0 in winter, so local = UTC).
/// <para>Courier A, route planned 09:00, left the depot 15 min late (first stop reached 15 min after plan):</para>
/// <list type="bullet">
/// <item>S1 West, window 09:00–11:00, planned 09:20–09:25, arrived 09:35, delivered 09:40: hit.</item>
/// <item>S2 West, window 09:30–10:00, planned 09:40–09:45; the leg took 25 min instead of 15 (slow leg), arrived 10:05,
/// delivered 10:10: late 10. Parts: departure 15 and driving 10 against 15 of slack → departure 6, driving 4.</item>
/// <item>S3 East, window 10:00–11:00, planned 10:05–10:10, arrived 10:30, service 35 min instead of 5 (long service),
/// delivered 11:05: late 5. Departure 15, driving 10, service 30 against 50 of slack → 15/11, 10/11, 30/11.</item>
/// <item>S4 East, window 11:00–13:00, entered from the paper manifest: delivered 11:30: hit, paper.</item>
/// <item>S5 East, cancelled.</item>
/// </list>
/// <para>Courier B: S6 West, window 14:00–16:00, delivered 13:50: early 10. S7 West without a window, delivered 14:30.</para>
/// Totals: attempted 5, hits 2, early 1, late 2 (rate 40%), cancelled 1, no window 1, paper 1; lateness 15 min =
/// departure 6 + 15/11, driving 4 + 10/11, service 30/11.
/// </summary>
internal sealed class ConstructedDay
{
    public static readonly DateOnly Date = new(2026, 12, 1);

    public long DepotId { get; private set; }

    public long CourierA { get; private set; }

    public long RouteA { get; private set; }

    public Dictionary<string, long> Orders { get; } = [];

    public const double West = -8.65;

    public const double East = -8.57;

    private static DateTimeOffset At(int h, int m) => new(2026, 12, 1, h, m, 0, TimeSpan.Zero);

    /// <summary>Two zones split at longitude −8.61 around Porto, as a GeoJSON FeatureCollection.</summary>
    public static string ZonesGeoJson => """
        {"type":"FeatureCollection","features":[
          {"type":"Feature","properties":{"name":"West"},"geometry":{"type":"Polygon","coordinates":[[[-8.70,41.10],[-8.61,41.10],[-8.61,41.20],[-8.70,41.20],[-8.70,41.10]]]}},
          {"type":"Feature","properties":{"name":"East"},"geometry":{"type":"Polygon","coordinates":[[[-8.61,41.10],[-8.50,41.10],[-8.50,41.20],[-8.61,41.20],[-8.61,41.10]]]}}
        ]}
        """;

    public static async Task<ConstructedDay> WriteAsync(NpgsqlDataSource db, string code)
    {
        var day = new ConstructedDay();
        await using var c = await db.OpenConnectionAsync();
        day.DepotId = await Scalar(c, """
            INSERT INTO depots (code, name, address, location, time_zone, created_at)
            VALUES ($1, 'Porto constructed', 'Rua 1', ST_SetSRID(ST_MakePoint(-8.61, 41.15), 4326), 'Europe/Lisbon', now()) RETURNING id
            """, code);
        var plan = await Scalar(c, "INSERT INTO plans (depot_id, plan_date, created_at) VALUES ($1, $2, now()) RETURNING id", day.DepotId, Date);
        var version = await Scalar(c, """
            INSERT INTO plan_versions (plan_id, number, status, source, created_at, created_by, published_at)
            VALUES ($1, 1, 'published', 'test', now(), 'test', now()) RETURNING id
            """, plan);
        day.CourierA = await day.CourierAsync(c, "Ana");
        var courierB = await day.CourierAsync(c, "Bruno");
        day.RouteA = await day.RouteAsync(c, version, day.CourierA, At(9, 0));
        var routeB = await day.RouteAsync(c, version, courierB, At(13, 0));

        await day.StopAsync(c, day.RouteA, day.CourierA, "S1", 1, West, (At(9, 0), At(11, 0)), At(9, 20), At(9, 20), At(9, 25), At(9, 35), At(9, 40));
        await day.StopAsync(c, day.RouteA, day.CourierA, "S2", 2, West, (At(9, 30), At(10, 0)), At(9, 40), At(9, 40), At(9, 45), At(10, 5), At(10, 10));
        await day.StopAsync(c, day.RouteA, day.CourierA, "S3", 3, East, (At(10, 0), At(11, 0)), At(10, 5), At(10, 5), At(10, 10), At(10, 30), At(11, 5));
        await day.StopAsync(c, day.RouteA, day.CourierA, "S4", 4, East, (At(11, 0), At(13, 0)), At(10, 30), At(11, 0), At(11, 5), null, At(11, 30), paper: true);
        await day.StopAsync(c, day.RouteA, day.CourierA, "S5", 5, East, (At(12, 0), At(13, 0)), At(11, 20), At(12, 0), At(12, 5), null, null, cancelled: true);
        await day.StopAsync(c, routeB, courierB, "S6", 1, West, (At(14, 0), At(16, 0)), At(13, 40), At(14, 0), At(14, 5), At(13, 40), At(13, 50));
        await day.StopAsync(c, routeB, courierB, "S7", 2, West, null, At(14, 20), At(14, 20), At(14, 25), At(14, 25), At(14, 30));
        return day;
    }

    private async Task<long> CourierAsync(NpgsqlConnection c, string name) =>
        await Scalar(c, "INSERT INTO couriers (depot_id, name, created_at) VALUES ($1, $2, now()) RETURNING id", DepotId, name);

    private async Task<long> RouteAsync(NpgsqlConnection c, long version, long courier, DateTimeOffset start)
    {
        var vehicle = await Scalar(c, """
            INSERT INTO vehicles (depot_id, code, capacity_weight_g, capacity_volume_cm3, capacity_items) VALUES ($1, $2, 1, 1, 1) RETURNING id
            """, DepotId, "van-" + courier);
        var shift = await Scalar(c, """
            INSERT INTO courier_shifts (courier_id, vehicle_id, shift_date, starts_at, ends_at, start_depot_id, end_depot_id)
            VALUES ($1, $2, $3, $4, $4 + interval '9 hours', $5, $5) RETURNING id
            """, courier, vehicle, Date, start, DepotId);
        return await Scalar(c, """
            INSERT INTO routes (plan_version_id, shift_id, courier_id, vehicle_id, start_at, end_at) VALUES ($1, $2, $3, $4, $5, $5 + interval '8 hours') RETURNING id
            """, version, shift, courier, vehicle, start);
    }

    private async Task StopAsync(NpgsqlConnection c, long route, long courier, string name, int sequence, double lon,
        (DateTimeOffset Start, DateTimeOffset End)? window, DateTimeOffset pa, DateTimeOffset ps, DateTimeOffset pd,
        DateTimeOffset? arrived, DateTimeOffset? handed, bool paper = false, bool cancelled = false)
    {
        var windows = window is { } w ? new[] { new NpgsqlRange<DateTime>(w.Start.UtcDateTime, w.End.UtcDateTime) } : [];
        var order = await Scalar(c, """
            INSERT INTO orders (depot_id, shop_order_id, plan_date, location, address, customer_name, windows, status, created_at, updated_at)
            VALUES ($1, $2, $3, ST_SetSRID(ST_MakePoint($4, 41.15), 4326), 'Rua', 'Customer', $5, $6, now(), now()) RETURNING id
            """, DepotId, name + "-" + DepotId, Date, lon,
            new NpgsqlParameter { Value = windows, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTzRange }, cancelled ? "cancelled" : "delivered");
        Orders[name] = order;
        await Scalar(c, """
            INSERT INTO stops (route_id, sequence, order_id, planned_arrival, planned_service_start, planned_departure, window_index)
            VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id
            """, route, sequence, order, pa, ps, pd, window is null ? -1 : 0);
        if (arrived is { } a)
        {
            await Event(c, route, courier, order, "arrived", a, "tablet", window);
        }
        if (handed is { } h)
        {
            await Event(c, route, courier, order, "delivered", h, paper ? "paper" : "tablet", window);
        }
    }

    private async Task Event(NpgsqlConnection c, long route, long courier, long order, string kind, DateTimeOffset at, string source,
        (DateTimeOffset Start, DateTimeOffset End)? window)
    {
        await using var cmd = new NpgsqlCommand("""
            INSERT INTO delivery_events (event_key, courier_id, depot_id, route_id, plan_version, stop_id, order_id, kind, occurred_at, source, window_start, window_end)
            VALUES ($1, $2, $3, $4, 1, $5, $5, $6, $7, $8, $9, $10)
            """, c);
        foreach (var v in new object?[] { $"{order}-{kind}", courier.ToString(), DepotId.ToString(), route.ToString(), order.ToString(), kind, at, source,
                     window?.Start, window?.End })
        {
            cmd.Parameters.Add(v is null ? new NpgsqlParameter { Value = DBNull.Value, NpgsqlDbType = NpgsqlDbType.TimestampTz } : new NpgsqlParameter { Value = v });
        }
        await cmd.ExecuteNonQueryAsync();
    }

    private static async Task<long> Scalar(NpgsqlConnection c, string sql, params object[] args)
    {
        await using var cmd = new NpgsqlCommand(sql, c);
        foreach (var a in args)
        {
            cmd.Parameters.Add(a as NpgsqlParameter ?? new NpgsqlParameter { Value = a });
        }
        return (long)(await cmd.ExecuteScalarAsync())!;
    }
}
