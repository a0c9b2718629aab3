using FluentMigrator;

namespace Delivery.CourierApi.Data.Migrations;

/// <summary>Acknowledgements of the live day's alerts: who acknowledged which alert (by its stable key) of a depot's day, and when.</summary>
[Migration(2026120204100, "live_alert_acks")]
public sealed class M2026120204100_LiveAlertAcks : Migration
{
    public override void Up() => Execute.Sql("""
        CREATE TABLE live_alert_acks (
            depot_id        bigint NOT NULL REFERENCES depots(id) ON DELETE CASCADE,
            plan_date       date NOT NULL,
            alert_key       text NOT NULL,
            acknowledged_by text NOT NULL,
            acknowledged_at timestamptz NOT NULL,
            PRIMARY KEY (depot_id, plan_date, alert_key)
        );
        """);

    public override void Down() => Execute.Sql("DROP TABLE live_alert_acks;");
}
