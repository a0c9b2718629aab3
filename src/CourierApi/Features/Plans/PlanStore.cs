using Delivery.CourierApi.Data;
using Delivery.CourierApi.Hosting;
using Delivery.Tracking.Notifications;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Delivery.CourierApi.Features.Plans;

/// <summary>An unassigned order and why.</summary>
internal sealed record UnassignedDraft(string OrderKey, string Reason, string Detail, IReadOnlyDictionary<string, string>? Args = null);

/// <summary>A stored route: its id and shift, lock, and order sequence.</summary>
internal sealed record StoredRoute(long RouteId, string ShiftKey, long CourierId, bool Locked, IReadOnlyList<string> OrderKeys);

/// <summary>A stored plan version's header and sequences.</summary>
internal sealed record StoredVersion(long Id, long PlanId, long DepotId, DateOnly Date, int Number, string Status, IReadOnlyList<StoredRoute> Routes,
    IReadOnlyList<UnassignedDraft> Unassigned);

/// <summary>Plans, their versions, routes, stops and unassigned orders.</summary>
internal sealed partial class PlanStore(NpgsqlDataSource db, TimeProvider time, IOptions<NotificationOptions> notifications, CustomerPage.TrackingTokens links)
{
    /// <summary>Stores routes as a new version (<paramref name="replaceDraftId"/> null) or in place of a draft; returns the version id.</summary>
    public async Task<long> SaveAsync(PlanInput input, IReadOnlyList<RouteDraft> routes, IReadOnlyList<UnassignedDraft> unassigned, string source,
        long? basedOn, string createdBy, long? cost, long? replaceDraftId, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        await using var connection = await db.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        long versionId;
        if (replaceDraftId is { } draft)
        {
            versionId = draft;
            // Positional parameters allow one statement per command.
            await connection.ExecAsync("DELETE FROM routes WHERE plan_version_id = $1", ct, draft);
            await connection.ExecAsync("DELETE FROM unassigned_orders WHERE plan_version_id = $1", ct, draft);
            await connection.ExecAsync("UPDATE plan_versions SET source = $2, cost = $3 WHERE id = $1", ct, draft, source, cost);
        }
        else
        {
            var planId = await connection.ScalarAsync<long>("""
                INSERT INTO plans (depot_id, plan_date, created_at) VALUES ($1, $2, $3)
                ON CONFLICT (depot_id, plan_date) DO UPDATE SET depot_id = EXCLUDED.depot_id RETURNING id
                """, ct, input.DepotId, input.Date, now);
            // Lock the plan row so concurrent saves number their versions one after another.
            await connection.ExecAsync("SELECT 1 FROM plans WHERE id = $1 FOR UPDATE", ct, planId);
            versionId = await connection.ScalarAsync<long>("""
                INSERT INTO plan_versions (plan_id, number, status, source, based_on_id, cost, created_at, created_by)
                VALUES ($1, (SELECT coalesce(max(number), 0) + 1 FROM plan_versions WHERE plan_id = $1), 'draft', $2, $3, $4, $5, $6)
                RETURNING id
                """, ct, planId, source, basedOn, cost, now, createdBy);
        }
        await WriteRoutesAsync(connection, input, versionId, routes, unassigned, ct);
        await tx.CommitAsync(ct);
        return versionId;
    }

    private static async Task WriteRoutesAsync(NpgsqlConnection connection, PlanInput input, long versionId, IReadOnlyList<RouteDraft> routes,
        IReadOnlyList<UnassignedDraft> unassigned, CancellationToken ct)
    {
        await using var batch = new NpgsqlBatch(connection);
        foreach (var r in routes)
        {
            var shift = input.Shifts[r.ShiftKey];
            var routeId = await connection.ScalarAsync<long>("""
                INSERT INTO routes (plan_version_id, shift_id, courier_id, vehicle_id, locked, start_at, end_at, distance_m, travel_s,
                                    break_start, break_duration_s, break_after_stop)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id
                """, ct, versionId, shift.ShiftId, shift.CourierId, shift.VehicleId, r.Locked, input.Instant(r.StartSeconds), input.Instant(r.EndSeconds),
                r.DistanceMeters, r.TravelSeconds, BreakStart(input, r), (int?)r.Break?.DurationSeconds, r.Break?.AfterStop);
            AddStops(batch, input, routeId, r);
        }
        foreach (var u in unassigned)
        {
            AddUnassigned(batch, versionId, u);
        }
        if (batch.BatchCommands.Count > 0)
        {
            await batch.ExecuteNonQueryAsync(ct);
        }
    }

    private static DateTimeOffset? BreakStart(PlanInput input, RouteDraft r) => r.Break is { } b ? input.Instant(b.StartSeconds) : null;

    private static void AddStops(NpgsqlBatch batch, PlanInput input, long routeId, RouteDraft r)
    {
        for (var i = 0; i < r.Stops.Count; i++)
        {
            var s = r.Stops[i];
            batch.BatchCommands.Add(Command("""
                INSERT INTO stops (route_id, sequence, order_id, planned_arrival, planned_service_start, planned_departure, window_index, violation, violation_codes)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb)
                """, routeId, i + 1, long.Parse(s.OrderKey, System.Globalization.CultureInfo.InvariantCulture), input.Instant(s.Arrival),
                input.Instant(s.ServiceStart), input.Instant(s.Departure), s.WindowIndex, s.Violation, ViolationView.ToJson(s.Codes)));
        }
    }

    private static void AddUnassigned(NpgsqlBatch batch, long versionId, UnassignedDraft u) =>
        batch.BatchCommands.Add(Command("""
            INSERT INTO unassigned_orders (plan_version_id, order_id, reason, detail, args) VALUES ($1, $2, $3, $4, $5::jsonb) ON CONFLICT DO NOTHING
            """, versionId, long.Parse(u.OrderKey, System.Globalization.CultureInfo.InvariantCulture), u.Reason, u.Detail, ViolationView.ArgsToJson(u.Args)));

    private static NpgsqlBatchCommand Command(string sql, params object?[] args)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var a in args)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = a ?? DBNull.Value });
        }
        return command;
    }

    public async Task<StoredVersion> LoadAsync(long versionId, CancellationToken ct, bool withUnassigned = true)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        var header = await connection.FirstAsync("""
            SELECT v.id, v.plan_id, p.depot_id, p.plan_date, v.number, v.status
            FROM plan_versions v JOIN plans p ON p.id = v.plan_id WHERE v.id = $1
            """, r => new StoredVersion(r.GetInt64(0), r.GetInt64(1), r.GetInt64(2), r.Get<DateOnly>(3), r.GetInt32(4), r.GetString(5), [], []), ct, versionId)
            ?? throw new NotFoundException("Plan version", versionId);
        var routes = await connection.ListAsync("""
            SELECT r.id, r.shift_id, r.courier_id, r.locked,
                   coalesce(array_agg(s.order_id ORDER BY s.sequence) FILTER (WHERE s.order_id IS NOT NULL), '{}')
            FROM routes r LEFT JOIN stops s ON s.route_id = r.id WHERE r.plan_version_id = $1 GROUP BY r.id ORDER BY r.id
            """, r => new StoredRoute(r.GetInt64(0), PlanInputLoader.Key(r.GetInt64(1)), r.GetInt64(2), r.GetBoolean(3),
                r.Get<long[]>(4).Select(PlanInputLoader.Key).ToList()), ct, versionId);
        var unassigned = !withUnassigned ? [] : await connection.ListAsync(
            "SELECT order_id, reason, detail, args::text FROM unassigned_orders WHERE plan_version_id = $1 ORDER BY order_id",
            r => new UnassignedDraft(PlanInputLoader.Key(r.GetInt64(0)), r.GetString(1), r.GetString(2), ViolationView.ArgsFromJson(r.OptString(3))), ct, versionId);
        return header with { Routes = routes, Unassigned = unassigned };
    }

    /// <summary>The number of a version.</summary>
    public Task<int> NumberAsync(long versionId, CancellationToken ct) => db.ScalarAsync<int>("SELECT number FROM plan_versions WHERE id = $1", ct, versionId);

    /// <summary>The published version that has a route of <paramref name="courierId"/> on <paramref name="date"/>, or null.</summary>
    public Task<long?> PublishedVersionOfCourierAsync(long courierId, DateOnly date, CancellationToken ct) => db.ScalarAsync<long?>("""
        SELECT v.id FROM plan_versions v JOIN plans p ON p.id = v.plan_id JOIN routes r ON r.plan_version_id = v.id
        WHERE v.status = 'published' AND p.plan_date = $1 AND r.courier_id = $2 LIMIT 1
        """, ct, date, courierId);

    /// <summary>The newest version of a depot and date's plan, or null.</summary>
    public Task<long?> LatestVersionIdAsync(long depotId, DateOnly date, CancellationToken ct) => db.ScalarAsync<long?>("""
        SELECT v.id FROM plan_versions v JOIN plans p ON p.id = v.plan_id
        WHERE p.depot_id = $1 AND p.plan_date = $2 ORDER BY v.number DESC LIMIT 1
        """, ct, depotId, date);
}
