using Delivery.CourierApi.Data.Migrations;
using Npgsql;

namespace Delivery.Testing;

/// <summary>
/// A fresh PostgreSQL schema <c>t_&lt;guid&gt;</c> with every migration applied, dropped on dispose.
/// Use as an xUnit class fixture (<c>IClassFixture&lt;TestDatabase&gt;</c>): tests of one class share it, classes
/// running in parallel (and other helpers' test runs) never see each other's rows.
/// </summary>
public sealed class TestDatabase : IDisposable, IAsyncDisposable
{
    /// <summary>Creates the schema and migrates it.</summary>
    public TestDatabase()
    {
        Schema = "t_" + Guid.NewGuid().ToString("N");
        // public stays on the path so the PostGIS types and functions (installed there) resolve.
        ConnectionString = new NpgsqlConnectionStringBuilder(TestServices.Postgres)
        {
            SearchPath = $"{Schema},public",
            Pooling = true,
        }.ConnectionString;
        DatabaseMigrator.Migrate(ConnectionString);
        var builder = new NpgsqlDataSourceBuilder(ConnectionString);
        builder.UseNetTopologySuite();
        DataSource = builder.Build();
    }

    /// <summary>The schema's name.</summary>
    public string Schema { get; }

    /// <summary>Connection string whose search path is this schema, then <c>public</c>.</summary>
    public string ConnectionString { get; }

    /// <summary>A data source on <see cref="ConnectionString"/> with NetTopologySuite types.</summary>
    public NpgsqlDataSource DataSource { get; }

    /// <summary>Runs a SQL statement in this schema and returns the first column of the first row.</summary>
    public async Task<object?> ScalarAsync(string sql)
    {
        await using var cmd = DataSource.CreateCommand(sql);
        return await cmd.ExecuteScalarAsync();
    }

    /// <inheritdoc />
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await DataSource.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(TestServices.Postgres);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP SCHEMA IF EXISTS \"{Schema}\" CASCADE", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
