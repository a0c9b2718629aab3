using Delivery.CourierApi.Data;

namespace Delivery.CourierApi.Features.Plans;

/// <summary>What a comparison of two versions reads (<see cref="PlanChanges"/>).</summary>
internal sealed partial class PlanStore
{
    /// <summary>The version <paramref name="versionId"/> is compared with by default: the one it was based on, else the one numbered before it.</summary>
    public Task<long?> ComparedVersionIdAsync(long versionId, CancellationToken ct) => db.ScalarAsync<long?>("""
        SELECT coalesce(v.based_on_id,
            (SELECT p.id FROM plan_versions p WHERE p.plan_id = v.plan_id AND p.number < v.number ORDER BY p.number DESC LIMIT 1))
        FROM plan_versions v WHERE v.id = $1
        """, ct, versionId);

    /// <summary>A version as <see cref="PlanChanges"/> compares it, or null when there is no such version.</summary>
    public async Task<PlanChanges.Snapshot?> SnapshotAsync(long versionId, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        var header = await connection.FirstAsync("SELECT id, number, plan_id FROM plan_versions WHERE id = $1",
            r => new Tuple<long, int, long>(r.GetInt64(0), r.GetInt32(1), r.GetInt64(2)), ct, versionId);
        if (header is null)
        {
            return null;
        }
        var routes = (await connection.ListAsync("""
            SELECT r.shift_id, r.courier_id, c.name FROM routes r JOIN couriers c ON c.id = r.courier_id WHERE r.plan_version_id = $1
            """, r => (Shift: r.GetInt64(0), Courier: r.GetInt64(1), Name: r.GetString(2)), ct, versionId))
            .ToDictionary(r => r.Shift, r => (r.Courier, r.Name));
        var stops = await connection.ListAsync("""
            SELECT r.shift_id, r.courier_id, c.name, s.sequence, o.id, o.shop_order_id, o.customer_name
            FROM stops s JOIN routes r ON r.id = s.route_id JOIN couriers c ON c.id = r.courier_id JOIN orders o ON o.id = s.order_id
            WHERE r.plan_version_id = $1
            """, r => new PlanChanges.Placed(r.GetInt64(0), r.GetInt64(1), r.GetString(2), r.GetInt32(3), r.GetInt64(4), r.GetString(5), r.GetString(6)), ct, versionId);
        var unassigned = (await connection.ListAsync("""
            SELECT o.id, o.shop_order_id, o.customer_name FROM unassigned_orders u JOIN orders o ON o.id = u.order_id WHERE u.plan_version_id = $1
            """, r => (Id: r.GetInt64(0), Shop: r.GetString(1), Customer: r.GetString(2)), ct, versionId))
            .ToDictionary(u => u.Id, u => (u.Shop, u.Customer));
        return new PlanChanges.Snapshot(header.Item1, header.Item2, header.Item3, stops, routes, unassigned);
    }
}
