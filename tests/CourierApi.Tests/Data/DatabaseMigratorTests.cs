using Delivery.CourierApi.Data.Migrations;
using Delivery.Testing;
using Npgsql;

namespace Delivery.CourierApi.Tests.Data;

public sealed class DatabaseMigratorTests(TestDatabase db) : IClassFixture<TestDatabase>
{
    [Fact]
    public async Task Migrate_FreshSchema_CreatesTablesInThatSchemaOnly()
    {
        var tables = await db.ScalarAsync($"""
            SELECT string_agg(table_name, ',' ORDER BY table_name) FROM information_schema.tables
            WHERE table_schema = '{db.Schema}'
            """);
        foreach (var t in new[] { "depots", "couriers", "vehicles", "courier_shifts", "courier_devices", "orders", "order_items",
                     "plans", "plan_versions", "routes", "stops", "unassigned_orders", "planning_jobs", "feedback", "users", "VersionInfo" })
        {
            Assert.Contains(t, ((string)tables!).Split(','));
        }
        Assert.Equal(0L, await db.ScalarAsync("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public' AND table_name = 'orders'"));
    }

    [Fact]
    public async Task Migrate_SecondRun_IsANoOp()
    {
        DatabaseMigrator.Migrate(db.ConnectionString);
        Assert.Equal(1L, await db.ScalarAsync("SELECT count(*) FROM \"VersionInfo\" WHERE \"Version\" = 2026112901000"));
    }

    [Fact]
    public async Task PlanningJobs_SecondActiveJobForSameDepotAndDate_IsRejectedByTheDatabase()
    {
        var depot = await db.ScalarAsync("""
            INSERT INTO depots (code, name, location, time_zone, created_at)
            VALUES ('d1', 'Depot', ST_SetSRID(ST_MakePoint(-8.61, 41.15), 4326), 'Europe/Lisbon', now()) RETURNING id
            """);
        var insert = $"""
            INSERT INTO planning_jobs (depot_id, plan_date, status, requested_by, requested_at, time_limit_s)
            VALUES ({depot}, '2026-12-01', 'queued', 'test', now(), 10)
            """;
        await db.ScalarAsync(insert);
        var ex = await Assert.ThrowsAsync<PostgresException>(() => db.ScalarAsync(insert));
        Assert.Equal(PostgresErrorCodes.UniqueViolation, ex.SqlState);
    }
}
