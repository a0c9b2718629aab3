using FluentMigrator;

namespace Delivery.CourierApi.Data.Migrations;

/// <summary>
/// Which node runs a planning job (<c>planning_jobs.claimed_by</c>: host name and process id), so an operator with several
/// nodes can tell whose log to read, and a job re-queued after its node died shows the node that took it over.
/// </summary>
[Migration(2026120204000, "planning_jobs.claimed_by")]
public sealed class M2026120204000_JobNode : Migration
{
    public override void Up() => Execute.Sql("ALTER TABLE planning_jobs ADD COLUMN claimed_by text;");

    public override void Down() => Execute.Sql("ALTER TABLE planning_jobs DROP COLUMN claimed_by;");
}
