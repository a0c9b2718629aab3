using Delivery.CourierApi.Data;
using Npgsql;

namespace Delivery.CourierApi.Features.Plans;

/// <summary>Edits: copying a published version into a new draft, and replacing only the routes an edit touched.</summary>
internal sealed partial class PlanStore
{
    /// <summary>A new draft version with the same routes, stops and unassigned orders; returns its id.</summary>
    public async Task<long> CopyAsync(long versionId, string source, string createdBy, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        await connection.ExecAsync("SELECT 1 FROM plans WHERE id = (SELECT plan_id FROM plan_versions WHERE id = $1) FOR UPDATE", ct, versionId);
        var copy = await connection.ScalarAsync<long>("""
            INSERT INTO plan_versions (plan_id, number, status, source, based_on_id, cost, created_at, created_by)
            SELECT plan_id, (SELECT max(number) + 1 FROM plan_versions x WHERE x.plan_id = v.plan_id), 'draft', $2, id, cost, $3, $4
            FROM plan_versions v WHERE id = $1 RETURNING id
            """, ct, versionId, source, time.GetUtcNow(), createdBy);
        await connection.ExecAsync("""
            INSERT INTO routes (plan_version_id, shift_id, courier_id, vehicle_id, locked, start_at, end_at, distance_m, travel_s,
                                break_start, break_duration_s, break_after_stop)
            SELECT $2, shift_id, courier_id, vehicle_id, locked, start_at, end_at, distance_m, travel_s, break_start, break_duration_s, break_after_stop
            FROM routes WHERE plan_version_id = $1
            """, ct, versionId, copy);
        await connection.ExecAsync("""
            INSERT INTO stops (route_id, sequence, order_id, planned_arrival, planned_service_start, planned_departure, window_index, violation, violation_codes)
            SELECT n.id, s.sequence, s.order_id, s.planned_arrival, s.planned_service_start, s.planned_departure, s.window_index, s.violation, s.violation_codes
            FROM stops s JOIN routes r ON r.id = s.route_id JOIN routes n ON n.plan_version_id = $2 AND n.shift_id = r.shift_id
            WHERE r.plan_version_id = $1
            """, ct, versionId, copy);
        await connection.ExecAsync("""
            INSERT INTO unassigned_orders (plan_version_id, order_id, reason, detail, args)
            SELECT $2, order_id, reason, detail, args FROM unassigned_orders WHERE plan_version_id = $1
            """, ct, versionId, copy);
        await tx.CommitAsync(ct);
        return copy;
    }

    /// <summary>
    /// Writes re-timed routes over their stored ones and adds/removes unassigned orders, in two round trips
    /// (route headers, then stops); returns the route id of each shift written.
    /// </summary>
    public async Task<Dictionary<string, long>> ReplaceRoutesAsync(long versionId, PlanInput input, IReadOnlyList<RouteDraft> routes,
        IReadOnlyList<UnassignedDraft> addUnassigned, IReadOnlyList<string> removeUnassigned, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var ids = new Dictionary<string, long>();
        await using (var headers = new NpgsqlBatch(connection, tx))
        {
            foreach (var r in routes)
            {
                var shift = input.Shifts[r.ShiftKey];
                headers.BatchCommands.Add(Command("""
                    INSERT INTO routes (plan_version_id, shift_id, courier_id, vehicle_id, locked, start_at, end_at, distance_m, travel_s,
                                        break_start, break_duration_s, break_after_stop)
                    VALUES ($1, $2, $3, $4, false, $5, $6, $7, $8, $9, $10, $11)
                    ON CONFLICT (plan_version_id, shift_id) DO UPDATE SET start_at = EXCLUDED.start_at, end_at = EXCLUDED.end_at,
                        distance_m = EXCLUDED.distance_m, travel_s = EXCLUDED.travel_s, break_start = EXCLUDED.break_start,
                        break_duration_s = EXCLUDED.break_duration_s, break_after_stop = EXCLUDED.break_after_stop
                    RETURNING id
                    """, versionId, shift.ShiftId, shift.CourierId, shift.VehicleId, input.Instant(r.StartSeconds), input.Instant(r.EndSeconds),
                    r.DistanceMeters, r.TravelSeconds, BreakStart(input, r), (int?)r.Break?.DurationSeconds, r.Break?.AfterStop));
            }
            await using var reader = await headers.ExecuteReaderAsync(ct);
            foreach (var r in routes)
            {
                await reader.ReadAsync(ct);
                ids[r.ShiftKey] = reader.GetInt64(0);
                await reader.NextResultAsync(ct);
            }
        }
        await using var batch = new NpgsqlBatch(connection, tx);
        batch.BatchCommands.Add(Command("DELETE FROM stops WHERE route_id = ANY($1)", ids.Values.ToArray()));
        batch.BatchCommands.Add(Command("DELETE FROM unassigned_orders WHERE plan_version_id = $1 AND order_id = ANY($2)",
            versionId, removeUnassigned.Select(k => long.Parse(k, System.Globalization.CultureInfo.InvariantCulture)).ToArray()));
        foreach (var r in routes)
        {
            AddStops(batch, input, ids[r.ShiftKey], r);
        }
        foreach (var u in addUnassigned)
        {
            AddUnassigned(batch, versionId, u);
        }
        await batch.ExecuteNonQueryAsync(ct);
        await tx.CommitAsync(ct);
        return ids;
    }

    /// <summary>Locks or unlocks a route; answers its version id.</summary>
    public Task<long?> SetLockedAsync(long routeId, bool locked, CancellationToken ct) =>
        db.ScalarAsync<long?>("UPDATE routes SET locked = $2 WHERE id = $1 RETURNING plan_version_id", ct, routeId, locked);
}
