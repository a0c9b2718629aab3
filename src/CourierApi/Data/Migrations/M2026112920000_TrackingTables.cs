using Delivery.Tracking.Storage;
using FluentMigrator;

namespace Delivery.CourierApi.Data.Migrations;

/// <summary>
/// Tracking tables: <c>positions</c> (range-partitioned by day on <c>recorded_at</c>; partitions are created on demand
/// by the position store; unique (device_id, seq, recorded_at) deduplicates resent batches) and
/// <c>delivery_events</c> (idempotent by <c>event_key</c>). The DDL lives in <see cref="TrackingSchema"/>.
/// </summary>
[Migration(2026112920000, "Tracking: positions (daily partitions), delivery events")]
public sealed class M2026112920000_TrackingTables : Migration
{
    public override void Up() => Execute.Sql(TrackingSchema.CreateSql);

    public override void Down() => Execute.Sql(TrackingSchema.DropSql);
}
