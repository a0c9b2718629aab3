using System.Globalization;
using Delivery.CourierApi.Data;
using Delivery.CourierApi.Features.Calibration;
using Delivery.CourierApi.Hosting;
using Delivery.Planner.Model;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;

namespace Delivery.CourierApi.Features.Plans;

/// <summary>
/// Reads a depot and date's fleet and orders into a <see cref="PlanInput"/> as the planner sees them: service times
/// scaled by the depot's active calibration (by kind of stop), and each window's end brought forward by the robust
/// planning slack (<see cref="PlanningOptions.WindowSlackMinutes"/>, never before the window's start).
/// </summary>
internal sealed class PlanInputLoader(NpgsqlDataSource db, CalibrationStore calibrations, IOptions<PlanningOptions> options)
{
    /// <param name="onlyOrders">When given, only these orders are loaded (hand edits need just the routes they touch).</param>
    public async Task<PlanInput> LoadAsync(long depotId, DateOnly date, CancellationToken ct, long[]? onlyOrders = null)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        var depot = await connection.FirstAsync("SELECT time_zone FROM depots WHERE id = $1", r => r.GetString(0), ct, depotId)
            ?? throw new NotFoundException("Depot", depotId);
        var zone = Zones.Find(depot);
        var epoch = Zones.ToUtc(date, TimeOnly.MinValue, zone);
        long Sec(DateTimeOffset t) => (long)Math.Round((t - epoch).TotalSeconds);
        var calibration = await calibrations.ActiveAsync(depotId, ct);
        var slack = (long)Math.Round(options.Value.WindowSlackMinutes * 60);

        var shifts = await connection.ListAsync("""
            SELECT s.id, s.courier_id, c.name, s.vehicle_id, v.code, s.start_depot_id, s.end_depot_id, s.starts_at, s.ends_at,
                   s.break_earliest, s.break_latest, s.break_duration_s, v.capacity_weight_g, v.capacity_volume_cm3, v.capacity_items,
                   v.skills || c.skills
            FROM courier_shifts s JOIN couriers c ON c.id = s.courier_id JOIN vehicles v ON v.id = s.vehicle_id
            WHERE s.start_depot_id = $1 AND s.shift_date = $2 AND c.active
            ORDER BY s.id
            """, r =>
            {
                var info = new ShiftInfo(r.GetInt64(0), r.GetInt64(1), r.GetString(2), r.GetInt64(3), r.GetString(4), r.GetInt64(5), r.GetInt64(6),
                    r.Get<DateTimeOffset>(7), r.Get<DateTimeOffset>(8));
                var breakEarliest = r.Opt<DateTimeOffset>(9);
                var vehicle = new Vehicle
                {
                    Id = info.Key,
                    StartDepotId = Key(info.StartDepotId),
                    EndDepotId = Key(info.EndDepotId),
                    Shift = new TimeWindow(Sec(info.StartsAt), Sec(info.EndsAt)),
                    Capacity = new Load(r.GetInt64(12), r.GetInt64(13), r.GetInt64(14)),
                    Skills = r.Get<string[]>(15).ToHashSet(StringComparer.Ordinal),
                    Break = breakEarliest is { } be && r.Opt<int>(11) is { } duration
                        ? new Break(new TimeWindow(Sec(be), Sec(r.Opt<DateTimeOffset>(10) ?? be)), duration)
                        : null,
                };
                return (info, vehicle);
            }, ct, depotId, date);

        var depotIds = shifts.SelectMany(s => new[] { s.info.StartDepotId, s.info.EndDepotId }).Append(depotId).Distinct().ToArray();
        var depots = await connection.ListAsync("SELECT id, ST_X(location), ST_Y(location) FROM depots WHERE id = ANY($1) ORDER BY id",
            r => new Depot(Key(r.GetInt64(0)), new Location(r.GetDouble(1), r.GetDouble(2))), ct, depotIds);

        var orders = await connection.ListAsync("""
            SELECT o.id, ST_X(o.location), ST_Y(o.location), o.windows, o.service_s, o.demand_weight_g, o.demand_volume_cm3, o.demand_items,
                   o.required_skills, o.priority, o.shop_order_id, o.customer_name, o.address, o.customer_phone,
                   (SELECT s.id FROM courier_shifts s WHERE s.courier_id = o.pinned_courier_id AND s.shift_date = o.plan_date)
            FROM orders o WHERE o.depot_id = $1 AND o.plan_date = $2 AND o.status <> 'cancelled' AND ($3::bigint[] IS NULL OR o.id = ANY($3))
            ORDER BY o.id
            """, r =>
            {
                var id = Key(r.GetInt64(0));
                var order = new Order
                {
                    Id = id,
                    Location = new Location(r.GetDouble(1), r.GetDouble(2)),
                    Windows = r.Get<NpgsqlRange<DateTime>[]>(3)
                        .Select(w => (Start: Sec(new DateTimeOffset(w.LowerBound, TimeSpan.Zero)), End: Sec(new DateTimeOffset(w.UpperBound, TimeSpan.Zero))))
                        .Select(w => new TimeWindow(w.Start, Math.Max(w.Start, w.End - slack)))
                        .OrderBy(w => w.Start).ToList(),
                    ServiceSeconds = calibration is null ? r.GetInt32(4) : (int)Math.Round(r.GetInt32(4) * calibration.ServiceFactor(r.GetInt64(7))),
                    Demand = new Load(r.GetInt64(5), r.GetInt64(6), r.GetInt64(7)),
                    RequiredSkills = r.Get<string[]>(8).ToHashSet(StringComparer.Ordinal),
                    Priority = r.GetInt32(9),
                };
                var info = new OrderInfo(r.GetInt64(0), r.GetString(10), r.GetString(11), r.GetString(12), r.OptString(13));
                return (order, info, pinShift: r.Opt<long>(14));
            }, ct, depotId, date, onlyOrders);

        return new PlanInput(depotId, date, zone, epoch, depots, shifts.Select(s => s.vehicle).ToList(), orders.Select(o => o.order).ToList(),
            shifts.ToDictionary(s => s.info.Key, s => s.info), orders.ToDictionary(o => o.order.Id, o => o.info),
            orders.Where(o => o.pinShift is not null).ToDictionary(o => o.order.Id, o => Key(o.pinShift!.Value)));
    }

    public static string Key(long id) => id.ToString(CultureInfo.InvariantCulture);
}
