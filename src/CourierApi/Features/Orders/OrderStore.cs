using Delivery.CourierApi.Data;
using Delivery.CourierApi.Features.Fleet;
using Delivery.CourierApi.Hosting;
using System.Globalization;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;

namespace Delivery.CourierApi.Features.Orders;

/// <summary>Reads orders with their items; an order created after its date's cut-off (local to its depot) is marked late.</summary>
internal sealed class OrderStore(NpgsqlDataSource db, IOptions<OrdersOptions> options)
{
    private readonly string Columns = $"""
        id, depot_id, shop_id, shop_order_id, plan_date, address, ST_Y(location), ST_X(location), windows, service_s,
        demand_weight_g, demand_volume_cm3, demand_items, required_skills, priority, customer_name, customer_phone, delivery_notes,
        NULL::text AS tracking_token, status, pinned_courier_id, created_at,
        created_at > ((plan_date - 1) + time '{options.Value.CutOffLocalTime.ToString("HH:mm:ss", CultureInfo.InvariantCulture)}')
            AT TIME ZONE (SELECT d.time_zone FROM depots d WHERE d.id = orders.depot_id)
        """;

    /// <summary>The depot of courier <paramref name="courierId"/>, or null when there is no such courier.</summary>
    public Task<long?> CourierDepotAsync(long courierId, CancellationToken ct) =>
        db.ScalarAsync<long?>("SELECT depot_id FROM couriers WHERE id = $1", ct, courierId);

    /// <summary>Pins an order to a courier for re-plans (null removes the pin).</summary>
    public Task<int> PinAsync(long orderId, long? courierId, CancellationToken ct) =>
        db.ExecAsync("UPDATE orders SET pinned_courier_id = $2 WHERE id = $1", ct, orderId, courierId);

    /// <summary>Which of <paramref name="shopOrderIds"/> the shop already has at the depot (an import would update them).</summary>
    public Task<List<string>> ExistingShopOrderIdsAsync(long depotId, string shopId, string[] shopOrderIds, CancellationToken ct) =>
        db.ListAsync("SELECT shop_order_id FROM orders WHERE depot_id = $1 AND shop_id = $2 AND shop_order_id = ANY($3)",
            r => r.GetString(0), ct, depotId, shopId, shopOrderIds);

    public async Task<OrderResponse> GetAsync(long id, CancellationToken ct) =>
        (await LoadAsync($"SELECT {Columns} FROM orders WHERE id = $1", ct, id)).SingleOrDefault() ?? throw new NotFoundException("Order", id);

    public async Task<OrderResponse?> FindByShopIdAsync(long depotId, string shopId, string shopOrderId, CancellationToken ct) =>
        (await LoadAsync($"SELECT {Columns} FROM orders WHERE depot_id = $1 AND shop_id = $2 AND shop_order_id = $3", ct, depotId, shopId, shopOrderId))
        .SingleOrDefault();

    public Task<List<OrderResponse>> ListAsync(long depotId, DateOnly date, CancellationToken ct) =>
        LoadAsync($"SELECT {Columns} FROM orders WHERE depot_id = $1 AND plan_date = $2 AND status <> 'cancelled' ORDER BY id", ct, depotId, date);

    private async Task<List<OrderResponse>> LoadAsync(string sql, CancellationToken ct, params object?[] args)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        var rows = await connection.ListAsync(sql, Read, ct, args);
        if (rows.Count == 0)
        {
            return rows;
        }
        var items = (await connection.ListAsync(
                "SELECT order_id, name, quantity, unit_price FROM order_items WHERE order_id = ANY($1) ORDER BY order_id, line_no",
                r => (OrderId: r.GetInt64(0), Item: new OrderItemDto(r.GetString(1), r.GetInt32(2), r.GetDecimal(3))), ct,
                rows.Select(o => o.Id).ToArray()))
            .ToLookup(x => x.OrderId, x => x.Item);
        return rows.Select(o => o with { Items = items[o.Id].ToList() }).ToList();
    }

    private static OrderResponse Read(NpgsqlDataReader r) => new(
        r.GetInt64(0), r.GetInt64(1), r.GetString(2), r.GetString(3), r.Get<DateOnly>(4), r.GetString(5), r.GetDouble(6), r.GetDouble(7),
        r.Get<NpgsqlRange<DateTime>[]>(8).Select(ToWindow).ToList(), r.GetInt32(9),
        new LoadDto(r.GetInt64(10), r.GetInt64(11), r.GetInt64(12)), r.Get<string[]>(13), r.GetInt32(14),
        r.GetString(15), r.OptString(16), r.OptString(17), [], r.OptString(18), r.GetString(19), r.Opt<long>(20),
        r.GetFieldValue<DateTimeOffset>(21), r.GetBoolean(22));

    internal static WindowDto ToWindow(NpgsqlRange<DateTime> range) =>
        new(new DateTimeOffset(DateTime.SpecifyKind(range.LowerBound, DateTimeKind.Utc)), new DateTimeOffset(DateTime.SpecifyKind(range.UpperBound, DateTimeKind.Utc)));
}
