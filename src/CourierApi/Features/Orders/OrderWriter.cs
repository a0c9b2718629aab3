using NetTopologySuite.Geometries;
using Npgsql;
using NpgsqlTypes;

namespace Delivery.CourierApi.Features.Orders;

/// <summary>
/// Writes checked orders with binary COPY into a temporary table, then one INSERT … ON CONFLICT DO NOTHING on the
/// shop's order id, so a re-sent file or batch creates nothing twice. Items go in the same transaction.
/// </summary>
internal sealed partial class OrderWriter(NpgsqlDataSource db, TimeProvider time, ILogger<OrderWriter> log)
{
    private static readonly GeometryFactory Wgs84 = new(new PrecisionModel(), 4326);

    /// <summary>Writes the orders; returns how many were new.</summary>
    public async Task<int> WriteAsync(long depotId, IReadOnlyList<NewOrder> orders, CancellationToken ct)
    {
        if (orders.Count == 0)
        {
            return 0;
        }
        await using var connection = await db.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        await using (var create = new NpgsqlCommand("""
            CREATE TEMP TABLE import_orders (
                shop_id text, shop_order_id text, plan_date date, location geometry(Point, 4326), address text, customer_name text,
                customer_phone text, delivery_notes text, windows tstzrange[], service_s integer, weight_g bigint, volume_cm3 bigint,
                parcels bigint, skills text[], priority integer) ON COMMIT DROP;
            CREATE TEMP TABLE import_items (shop_id text, shop_order_id text, line_no integer, name text, quantity integer, unit_price numeric)
                ON COMMIT DROP;
            """, connection, tx))
        {
            await create.ExecuteNonQueryAsync(ct);
        }
        var started = time.GetTimestamp();
        await CopyOrdersAsync(connection, orders, ct);
        await CopyItemsAsync(connection, orders, ct);
        var copied = time.GetTimestamp();
        var now = time.GetUtcNow();
        await using var insert = new NpgsqlCommand("""
            WITH ins AS (
                INSERT INTO orders (depot_id, shop_id, shop_order_id, plan_date, location, address, customer_name, customer_phone,
                    delivery_notes, windows, service_s, demand_weight_g, demand_volume_cm3, demand_items, required_skills, priority,
                    status, created_at, updated_at)
                SELECT $1, shop_id, shop_order_id, plan_date, location, address, customer_name, customer_phone, delivery_notes, windows,
                    service_s, weight_g, volume_cm3, parcels, skills, priority, 'open', $2, $2
                FROM import_orders
                ON CONFLICT (depot_id, shop_id, shop_order_id) DO NOTHING
                RETURNING id, shop_id, shop_order_id),
            items AS (
                INSERT INTO order_items (order_id, line_no, name, quantity, unit_price)
                SELECT ins.id, i.line_no, i.name, i.quantity, i.unit_price FROM ins JOIN import_items i USING (shop_id, shop_order_id)
                RETURNING 1)
            SELECT count(*) FROM ins
            """, connection, tx);
        insert.Parameters.Add(new() { Value = depotId });
        insert.Parameters.Add(new() { Value = now });
        var created = (long)(await insert.ExecuteScalarAsync(ct))!;
        var inserted = time.GetTimestamp();
        await tx.CommitAsync(ct);
        LogWritten(orders.Count, time.GetElapsedTime(started, copied).TotalMilliseconds, time.GetElapsedTime(copied, inserted).TotalMilliseconds,
            time.GetElapsedTime(inserted).TotalMilliseconds);
        return (int)created;
    }

    private static async Task CopyOrdersAsync(NpgsqlConnection connection, IReadOnlyList<NewOrder> orders, CancellationToken ct)
    {
        await using var copy = await connection.BeginBinaryImportAsync("""
            COPY import_orders (shop_id, shop_order_id, plan_date, location, address, customer_name, customer_phone, delivery_notes,
                windows, service_s, weight_g, volume_cm3, parcels, skills, priority) FROM STDIN (FORMAT BINARY)
            """, ct);
        // Synchronous writes: the importer buffers rows, and one awaited call per field costs more than the copy itself.
        foreach (var o in orders)
        {
            copy.StartRow();
            copy.Write(o.ShopId, NpgsqlDbType.Text);
            copy.Write(o.ShopOrderId, NpgsqlDbType.Text);
            copy.Write(o.PlanDate, NpgsqlDbType.Date);
            copy.Write(Wgs84.CreatePoint(new Coordinate(o.Longitude, o.Latitude)), NpgsqlDbType.Geometry);
            copy.Write(o.Address, NpgsqlDbType.Text);
            copy.Write(o.CustomerName, NpgsqlDbType.Text);
            WriteNullable(copy, o.CustomerPhone);
            WriteNullable(copy, o.DeliveryNotes);
            copy.Write(ToRanges(o.Windows), NpgsqlDbType.Array | NpgsqlDbType.TimestampTzRange);
            copy.Write(o.ServiceSeconds, NpgsqlDbType.Integer);
            copy.Write(o.WeightGrams, NpgsqlDbType.Bigint);
            copy.Write(o.VolumeCm3, NpgsqlDbType.Bigint);
            copy.Write(o.Parcels, NpgsqlDbType.Bigint);
            copy.Write(o.RequiredSkills, NpgsqlDbType.Array | NpgsqlDbType.Text);
            copy.Write(o.Priority, NpgsqlDbType.Integer);
        }
        await copy.CompleteAsync(ct);
    }

    private static async Task CopyItemsAsync(NpgsqlConnection connection, IReadOnlyList<NewOrder> orders, CancellationToken ct)
    {
        await using var copy = await connection.BeginBinaryImportAsync(
            "COPY import_items (shop_id, shop_order_id, line_no, name, quantity, unit_price) FROM STDIN (FORMAT BINARY)", ct);
        foreach (var o in orders)
        {
            for (var i = 0; i < o.Items.Count; i++)
            {
                copy.StartRow();
                copy.Write(o.ShopId, NpgsqlDbType.Text);
                copy.Write(o.ShopOrderId, NpgsqlDbType.Text);
                copy.Write(i + 1, NpgsqlDbType.Integer);
                copy.Write(o.Items[i].Name, NpgsqlDbType.Text);
                copy.Write(o.Items[i].Quantity, NpgsqlDbType.Integer);
                copy.Write(o.Items[i].UnitPrice, NpgsqlDbType.Numeric);
            }
        }
        await copy.CompleteAsync(ct);
    }

    private static void WriteNullable(NpgsqlBinaryImporter copy, string? value)
    {
        if (value is null)
        {
            copy.WriteNull();
        }
        else
        {
            copy.Write(value, NpgsqlDbType.Text);
        }
    }

    internal static NpgsqlRange<DateTime>[] ToRanges(IReadOnlyList<(DateTimeOffset Start, DateTimeOffset End)> windows) =>
        windows.Select(w => new NpgsqlRange<DateTime>(w.Start.UtcDateTime, true, w.End.UtcDateTime, true)).ToArray();

    [LoggerMessage(Level = LogLevel.Debug, Message = "Wrote {Orders} orders: copy {CopyMs:F0} ms, insert {InsertMs:F0} ms, commit {CommitMs:F0} ms")]
    private partial void LogWritten(int orders, double copyMs, double insertMs, double commitMs);
}
