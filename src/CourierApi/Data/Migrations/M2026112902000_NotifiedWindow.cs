using FluentMigrator;

namespace Delivery.CourierApi.Data.Migrations;

/// <summary>Remembers which planned window a customer was last told about, so re-publishing notifies only changes.</summary>
[Migration(2026112902000, "orders.notified_window")]
public sealed class M2026112902000_NotifiedWindow : Migration
{
    public override void Up() => Execute.Sql("ALTER TABLE orders ADD COLUMN notified_window tstzrange;");

    public override void Down() => Execute.Sql("ALTER TABLE orders DROP COLUMN notified_window;");
}
