using Delivery.CourierApi.Data.Migrations;
using Delivery.Testing;
using Npgsql;

namespace Delivery.CourierApi.Tests.Data;

/// <summary>The migration to hashed tracking tokens keeps existing links working: each plain token becomes its SHA-256.</summary>
public sealed class TokenHashMigrationTests : IAsyncLifetime
{
    private readonly string _schema = "t_" + Guid.NewGuid().ToString("N");
    private string ConnectionString => new NpgsqlConnectionStringBuilder(TestServices.Postgres) { SearchPath = $"{_schema},public" }.ConnectionString;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(TestServices.Postgres);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP SCHEMA IF EXISTS \"{_schema}\" CASCADE", connection);
        await drop.ExecuteNonQueryAsync();
    }

    [Fact]
    public async Task Migrate_ExistingPlainTokens_BecomeHashesAndThePlainColumnGoes()
    {
        DatabaseMigrator.Migrate(ConnectionString, toVersion: 2026120201000);
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await Exec(connection, """
            INSERT INTO depots (id, code, name, location, time_zone, created_at) VALUES (1, 'd', 'D', ST_SetSRID(ST_MakePoint(-8.61, 41.15), 4326), 'Europe/Lisbon', now());
            INSERT INTO orders (id, depot_id, shop_order_id, plan_date, location, address, customer_name, tracking_token, created_at, updated_at)
            VALUES (7, 1, 'o', '2026-12-01', ST_SetSRID(ST_MakePoint(-8.61, 41.15), 4326), 'a', 'c', 'plain-token-7', now(), now());
            """);

        DatabaseMigrator.Migrate(ConnectionString);

        Assert.Equal(7L, await Scalar(connection, "SELECT order_id FROM tracking_links WHERE token_hash = sha256('plain-token-7'::bytea)"));
        Assert.Equal(0L, await Scalar(connection,
            $"SELECT count(*) FROM information_schema.columns WHERE table_schema = '{_schema}' AND table_name = 'orders' AND column_name = 'tracking_token'"));
    }

    private static async Task Exec(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<object?> Scalar(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }
}
