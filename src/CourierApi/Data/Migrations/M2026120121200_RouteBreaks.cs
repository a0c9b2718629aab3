using FluentMigrator;

namespace Delivery.CourierApi.Data.Migrations;

/// <summary>A route's planned break: when it starts, how long, and after how many stops (0 = at the depot before the first).</summary>
[Migration(2026120121200, "routes: break_start, break_duration_s, break_after_stop")]
public sealed class M2026120121200_RouteBreaks : Migration
{
    public override void Up() => Execute.Sql("""
        ALTER TABLE routes ADD COLUMN break_start timestamptz, ADD COLUMN break_duration_s integer CHECK (break_duration_s >= 0),
            ADD COLUMN break_after_stop integer CHECK (break_after_stop >= 0);
        """);

    public override void Down() => Execute.Sql("ALTER TABLE routes DROP COLUMN break_start, DROP COLUMN break_duration_s, DROP COLUMN break_after_stop;");
}
