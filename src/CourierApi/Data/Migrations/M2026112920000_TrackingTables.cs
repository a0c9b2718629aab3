using FluentMigrator;

namespace Delivery.CourierApi.Data.Migrations;

/// <summary>
/// Tracking tables: <c>positions</c> (range-partitioned by day on <c>recorded_at</c>; partitions are created on demand
/// by the position store; unique (device_id, seq, recorded_at) deduplicates resent batches) and
/// <c>delivery_events</c> (idempotent by <c>event_key</c>). The DDL is written out here, as it was applied: later
/// changes are later migrations.
/// </summary>
[Migration(2026112920000, "Tracking: positions (daily partitions), delivery events")]
public sealed class M2026112920000_TrackingTables : Migration
{
    public override void Up() => Execute.Sql("""
        CREATE TABLE IF NOT EXISTS positions (
            courier_id  text NOT NULL,
            device_id   text NOT NULL,
            seq         bigint NOT NULL,
            recorded_at timestamptz NOT NULL,
            received_at timestamptz NOT NULL,
            lat         double precision NOT NULL CHECK (lat BETWEEN -90 AND 90),
            lon         double precision NOT NULL CHECK (lon BETWEEN -180 AND 180),
            accuracy_m  real,
            speed_mps   real,
            heading_deg real,
            CONSTRAINT positions_dedup UNIQUE (device_id, seq, recorded_at)
        ) PARTITION BY RANGE (recorded_at);
        CREATE INDEX IF NOT EXISTS positions_courier_recorded ON positions (courier_id, recorded_at DESC);

        CREATE TABLE IF NOT EXISTS delivery_events (
            id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            event_key          text NOT NULL,
            courier_id         text NOT NULL,
            depot_id           text NOT NULL,
            route_id           text NOT NULL,
            plan_version       integer NOT NULL,
            stop_id            text NOT NULL,
            order_id           text NOT NULL,
            kind               text NOT NULL CHECK (kind IN ('arrived', 'delivered', 'partly_delivered', 'failed', 'note')),
            occurred_at        timestamptz NOT NULL,
            recorded_at        timestamptz NOT NULL DEFAULT now(),
            source             text NOT NULL CHECK (source IN ('tablet', 'paper', 'geofence')),
            reason             text,
            refused_items      jsonb,
            recalculated_total numeric(12, 2),
            note               text,
            window_start       timestamptz,
            window_end         timestamptz,
            CONSTRAINT delivery_events_event_key UNIQUE (event_key)
        );
        CREATE INDEX IF NOT EXISTS delivery_events_route ON delivery_events (route_id, occurred_at);
        CREATE INDEX IF NOT EXISTS delivery_events_occurred ON delivery_events (occurred_at);
        """);

    public override void Down() => Execute.Sql("DROP TABLE IF EXISTS delivery_events; DROP TABLE IF EXISTS positions;");
}
