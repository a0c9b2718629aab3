using FluentMigrator;

namespace Delivery.CourierApi.Data.Migrations;

/// <summary>
/// Corrections of paper outcomes keep both values: the correcting event names the one it corrects (<c>corrects</c>),
/// the corrected one is marked (<c>corrected_by</c>) and left out of metrics and live state; <c>entered_by</c> says who typed it.
/// </summary>
[Migration(2026120121000, "delivery_events: corrects, corrected_by, entered_by")]
public sealed class M2026120121000_PaperCorrections : Migration
{
    public override void Up() => Execute.Sql("""
        ALTER TABLE delivery_events ADD COLUMN corrects text, ADD COLUMN corrected_by text, ADD COLUMN entered_by text;
        CREATE INDEX delivery_events_stop ON delivery_events (route_id, stop_id) WHERE source = 'paper';
        """);

    public override void Down() => Execute.Sql("""
        DROP INDEX delivery_events_stop;
        ALTER TABLE delivery_events DROP COLUMN corrects, DROP COLUMN corrected_by, DROP COLUMN entered_by;
        """);
}
