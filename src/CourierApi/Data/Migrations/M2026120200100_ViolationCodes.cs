using FluentMigrator;

namespace Delivery.CourierApi.Data.Migrations;

/// <summary>
/// Violations of a kept edit and reasons of unassigned orders as codes with parameters (beside the English words), so
/// pages say them in their own language.
/// </summary>
[Migration(2026120200100, "stops.violation_codes, unassigned_orders.args")]
public sealed class M2026120200100_ViolationCodes : Migration
{
    public override void Up() => Execute.Sql("""
        ALTER TABLE stops ADD COLUMN violation_codes jsonb;
        ALTER TABLE unassigned_orders ADD COLUMN args jsonb;
        """);

    public override void Down() => Execute.Sql("""
        ALTER TABLE stops DROP COLUMN violation_codes;
        ALTER TABLE unassigned_orders DROP COLUMN args;
        """);
}
