using Npgsql;
using NpgsqlTypes;

namespace Delivery.Tracking.Tests.Support;

/// <summary>A stop to seed: location, window (UTC) and service time.</summary>
public sealed record StopSpec(double Lat, double Lon, DateTimeOffset? WindowStart, DateTimeOffset? WindowEnd, int ServiceSeconds = 120, bool Cancelled = false);

/// <summary>A seeded stop with its ids and tracking token.</summary>
public sealed record SeededStop(string StopId, string OrderId, string Token, StopSpec Spec);

/// <summary>A seeded, published route.</summary>
public sealed record SeededRoute(string RouteId, string CourierId, string DepotId, DateOnly Date, IReadOnlyList<SeededStop> Stops);

/// <summary>Inserts a depot, courier, shift, published plan and one route with its orders into the API tables.</summary>
public static class RouteSeeder
{
    public static async Task<SeededRoute> SeedAsync(
        NpgsqlDataSource ds, DateOnly date, DateTimeOffset start, (double Lat, double Lon) depot, IReadOnlyList<StopSpec> stops, string? depotId = null,
        string timeZone = "UTC")
    {
        await using var conn = await ds.OpenConnectionAsync();
        await using var tx = await conn.BeginTransactionAsync();
        var tag = Guid.NewGuid().ToString("N")[..8];
        async Task<long> Id(string sql, params object[] args)
        {
            await using var cmd = new NpgsqlCommand(sql, conn, tx);
            foreach (var a in args)
            {
                cmd.Parameters.Add(new NpgsqlParameter { Value = a });
            }
            return (long)(await cmd.ExecuteScalarAsync())!;
        }
        var now = DateTimeOffset.UtcNow;
        var depotKey = depotId is null
            ? await Id("INSERT INTO depots (code, name, location, time_zone, created_at) VALUES ($1, 'Test depot', ST_SetSRID(ST_MakePoint($2, $3), 4326), $5, $4) RETURNING id",
                "D" + tag, depot.Lon, depot.Lat, now, timeZone)
            : long.Parse(depotId);
        var vehicle = await Id("INSERT INTO vehicles (depot_id, code, capacity_weight_g, capacity_volume_cm3, capacity_items) VALUES ($1, $2, 1000000, 1000000, 100) RETURNING id", depotKey, "V" + tag);
        var courier = await Id("INSERT INTO couriers (depot_id, name, created_at) VALUES ($1, $2, $3) RETURNING id", depotKey, "Courier " + tag, now);
        var shift = await Id("INSERT INTO courier_shifts (courier_id, vehicle_id, shift_date, starts_at, ends_at, start_depot_id, end_depot_id) VALUES ($1, $2, $3, $4, $5, $6, $6) RETURNING id",
            courier, vehicle, date, start, start.AddHours(10), depotKey);
        var plan = await Id("""
            INSERT INTO plans (depot_id, plan_date, created_at) VALUES ($1, $2, $3)
            ON CONFLICT (depot_id, plan_date) DO UPDATE SET created_at = EXCLUDED.created_at RETURNING id
            """, depotKey, date, now);
        var version = await Id("SELECT coalesce((SELECT id FROM plan_versions WHERE plan_id = $1 AND status = 'published'), 0)", plan);
        if (version == 0)
        {
            version = await Id("INSERT INTO plan_versions (plan_id, number, status, source, created_at, created_by, published_at) VALUES ($1, 1, 'published', 'test', $2, 'test', $2) RETURNING id",
                plan, now);
        }
        var route = await Id("INSERT INTO routes (plan_version_id, shift_id, courier_id, vehicle_id, start_at, end_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
            version, shift, courier, vehicle, start, start.AddHours(10));
        var seeded = new List<SeededStop>();
        for (var i = 0; i < stops.Count; i++)
        {
            var s = stops[i];
            var token = $"tok-{tag}-{i}";
            var windows = s.WindowStart is { } ws && s.WindowEnd is { } we
                ? new[] { new NpgsqlRange<DateTime>(ws.UtcDateTime, true, we.UtcDateTime, true) }
                : Array.Empty<NpgsqlRange<DateTime>>();
            await using var cmd = new NpgsqlCommand("""
                WITH o AS (
                    INSERT INTO orders (depot_id, shop_order_id, plan_date, location, address, customer_name, windows, service_s, status, created_at, updated_at)
                    VALUES ($1, $2, $3, ST_SetSRID(ST_MakePoint($4, $5), 4326), 'Street 1', 'Customer', $6, $7, $9, $10, $10) RETURNING id),
                l AS (INSERT INTO tracking_links (token_hash, order_id, created_at) SELECT sha256(convert_to($8, 'UTF8')), id, $10 FROM o)
                SELECT id FROM o
                """, conn, tx);
            object[] args = [depotKey, $"O{tag}-{i}", date, s.Lon, s.Lat, windows, s.ServiceSeconds, token, s.Cancelled ? "cancelled" : "planned", now];
            foreach (var a in args)
            {
                cmd.Parameters.Add(new NpgsqlParameter { Value = a });
            }
            cmd.Parameters[5].NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTzRange;
            var order = (long)(await cmd.ExecuteScalarAsync())!;
            await Id("INSERT INTO order_items (order_id, line_no, name, quantity, unit_price) VALUES ($1, 1, 'Box', 2, 10.00), ($1, 2, 'Bag', 1, 5.50) RETURNING order_id", order);
            var planned = start.AddMinutes(30 * (i + 1));
            var stop = await Id("""
                INSERT INTO stops (route_id, sequence, order_id, planned_arrival, planned_service_start, planned_departure, window_index)
                VALUES ($1, $2, $3, $4, $4, $5, $6) RETURNING id
                """, route, i + 1, order, planned, planned.AddSeconds(s.ServiceSeconds), windows.Length == 0 ? -1 : 0);
            seeded.Add(new SeededStop(stop.ToString(), order.ToString(), token, s));
        }
        await tx.CommitAsync();
        return new SeededRoute(route.ToString(), courier.ToString(), depotKey.ToString(), date, seeded);
    }
}
