using Delivery.Tracking.Routes;
using Npgsql;

namespace Delivery.Tracking.Tests.Support;

/// <summary>
/// <see cref="IPublishedRouteSource"/> over the dispatch API's tables (routes, stops, orders, order_items of the
/// published plan version). The host can adopt it as is; ids are the tables' bigint ids as strings.
/// </summary>
public sealed class ApiSchemaRouteSource(NpgsqlDataSource dataSource) : IPublishedRouteSource
{
    private const string RouteSelect = """
        SELECT r.id, pv.number, r.courier_id, p.depot_id, p.plan_date, ST_Y(d.location), ST_X(d.location), r.start_at
        FROM routes r
        JOIN plan_versions pv ON pv.id = r.plan_version_id AND pv.status = 'published'
        JOIN plans p ON p.id = pv.plan_id
        JOIN depots d ON d.id = p.depot_id
        """;

    public Task<PublishedRoute?> GetCourierRouteAsync(string courierId, DateOnly date, CancellationToken cancellationToken = default) =>
        long.TryParse(courierId, out var id)
            ? LoadAsync(RouteSelect + " WHERE r.courier_id = $1 AND p.plan_date = $2", [id, date], cancellationToken)
            : Task.FromResult<PublishedRoute?>(null);

    public async Task<string?> GetCourierTimeZoneAsync(string courierId, CancellationToken cancellationToken = default)
    {
        if (!long.TryParse(courierId, out var id))
        {
            return null;
        }
        await using var cmd = dataSource.CreateCommand("SELECT d.time_zone FROM couriers c JOIN depots d ON d.id = c.depot_id WHERE c.id = $1");
        cmd.Parameters.Add(new NpgsqlParameter { Value = id });
        return (string?)await cmd.ExecuteScalarAsync(cancellationToken);
    }

    public Task<PublishedRoute?> GetRouteAsync(string routeId, CancellationToken cancellationToken = default) =>
        long.TryParse(routeId, out var id)
            ? LoadAsync(RouteSelect + " WHERE r.id = $1", [id], cancellationToken)
            : Task.FromResult<PublishedRoute?>(null);

    public async Task<TrackingTarget?> FindByTrackingTokenAsync(string token, CancellationToken cancellationToken = default)
    {
        await using var cmd = dataSource.CreateCommand("""
            SELECT s.route_id, s.id, r.courier_id, p.plan_date
            FROM orders o
            JOIN stops s ON s.order_id = o.id
            JOIN routes r ON r.id = s.route_id
            JOIN plan_versions pv ON pv.id = r.plan_version_id AND pv.status = 'published'
            JOIN plans p ON p.id = pv.plan_id
            WHERE o.tracking_token = $1
            """);
        cmd.Parameters.Add(new NpgsqlParameter { Value = token });
        await using var r = await cmd.ExecuteReaderAsync(cancellationToken);
        return await r.ReadAsync(cancellationToken)
            ? new TrackingTarget(r.GetInt64(0).ToString(), r.GetInt64(1).ToString(), r.GetInt64(2).ToString(), DateOnly.FromDateTime(r.GetDateTime(3)))
            : null;
    }

    private async Task<PublishedRoute?> LoadAsync(string sql, object[] args, CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        PublishedRoute route;
        long routeId;
        await using (var cmd = new NpgsqlCommand(sql, conn))
        {
            foreach (var a in args)
            {
                cmd.Parameters.Add(new NpgsqlParameter { Value = a });
            }
            await using var r = await cmd.ExecuteReaderAsync(ct);
            if (!await r.ReadAsync(ct))
            {
                return null;
            }
            routeId = r.GetInt64(0);
            route = new PublishedRoute(routeId.ToString(), r.GetInt32(1), r.GetInt64(2).ToString(), r.GetInt64(3).ToString(),
                DateOnly.FromDateTime(r.GetDateTime(4)), r.GetDouble(5), r.GetDouble(6), new DateTimeOffset(r.GetDateTime(7), TimeSpan.Zero), []);
        }
        var lines = new Dictionary<long, List<OrderLine>>();
        await using (var cmd = new NpgsqlCommand("""
            SELECT i.order_id, i.line_no, i.quantity, i.unit_price FROM order_items i
            JOIN stops s ON s.order_id = i.order_id WHERE s.route_id = $1 ORDER BY i.order_id, i.line_no
            """, conn))
        {
            cmd.Parameters.Add(new NpgsqlParameter { Value = routeId });
            await using var r = await cmd.ExecuteReaderAsync(ct);
            while (await r.ReadAsync(ct))
            {
                if (!lines.TryGetValue(r.GetInt64(0), out var list))
                {
                    lines[r.GetInt64(0)] = list = [];
                }
                list.Add(new OrderLine(r.GetInt32(1).ToString(), r.GetInt32(2), r.GetDecimal(3)));
            }
        }
        var stops = new List<PublishedStop>();
        await using (var cmd = new NpgsqlCommand("""
            SELECT s.id, s.order_id, s.sequence, ST_Y(o.location), ST_X(o.location),
                   lower(o.windows[s.window_index + 1]), upper(o.windows[s.window_index + 1]), o.service_s, o.status
            FROM stops s JOIN orders o ON o.id = s.order_id WHERE s.route_id = $1 ORDER BY s.sequence
            """, conn))
        {
            cmd.Parameters.Add(new NpgsqlParameter { Value = routeId });
            await using var r = await cmd.ExecuteReaderAsync(ct);
            while (await r.ReadAsync(ct))
            {
                var orderId = r.GetInt64(1);
                stops.Add(new PublishedStop(r.GetInt64(0).ToString(), orderId.ToString(), r.GetInt32(2), r.GetDouble(3), r.GetDouble(4),
                    r.IsDBNull(5) ? null : new DateTimeOffset(r.GetDateTime(5), TimeSpan.Zero),
                    r.IsDBNull(6) ? null : new DateTimeOffset(r.GetDateTime(6), TimeSpan.Zero),
                    r.GetInt32(7), r.GetString(8) == "cancelled" ? StopStatus.Cancelled : StopStatus.Open,
                    lines.GetValueOrDefault(orderId) ?? []));
            }
        }
        return route with { Stops = stops };
    }
}
