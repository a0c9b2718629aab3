using FluentMigrator.Runner;
using FluentMigrator.Runner.Conventions;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Delivery.CourierApi.Data.Migrations;

/// <summary>
/// Runs the FluentMigrator migrations of this assembly against a PostgreSQL database. The target schema is the first
/// entry of the connection string's <c>Search Path</c> (default <c>public</c>), so tests migrate a schema of their own
/// by adding <c>SearchPath=t_xxx,public</c>. A session advisory lock makes concurrent starts of several nodes safe.
/// </summary>
public static class DatabaseMigrator
{
    // Arbitrary constant key for pg_advisory_lock, shared by every node of this application.
    private const long MigrationLockKey = 0x44_65_6C_69_76_65_72_79;

    /// <summary>Applies every pending migration (up to <paramref name="toVersion"/> when given: tests of a data migration); returns the schema migrated.</summary>
    public static string Migrate(string connectionString, long? toVersion = null)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var schema = SchemaOf(builder);
        using var lockConnection = new NpgsqlConnection(connectionString);
        lockConnection.Open();
        using (var create = new NpgsqlCommand($"CREATE SCHEMA IF NOT EXISTS \"{schema}\"; SELECT pg_advisory_lock({MigrationLockKey})", lockConnection))
        {
            create.ExecuteNonQuery();
        }
        try
        {
            using var services = new ServiceCollection()
                .AddFluentMigratorCore()
                .ConfigureRunner(rb => rb
                    .AddPostgres15_0()
                    .WithGlobalConnectionString(connectionString)
                    .ScanIn(typeof(DatabaseMigrator).Assembly).For.Migrations())
                .AddSingleton<IConventionSet>(new DefaultConventionSet(schema, workingDirectory: null))
                .BuildServiceProvider(validateScopes: false);
            using var scope = services.CreateScope();
            var runner = scope.ServiceProvider.GetRequiredService<IMigrationRunner>();
            if (toVersion is { } version)
            {
                runner.MigrateUp(version);
            }
            else
            {
                runner.MigrateUp();
            }
        }
        finally
        {
            using var unlock = new NpgsqlCommand($"SELECT pg_advisory_unlock({MigrationLockKey})", lockConnection);
            unlock.ExecuteNonQuery();
        }
        return schema;
    }

    /// <summary>The schema migrations go to: the first search-path entry, or <c>public</c>.</summary>
    public static string SchemaOf(NpgsqlConnectionStringBuilder builder)
    {
        var first = builder.SearchPath?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
        var schema = string.IsNullOrEmpty(first) ? "public" : first.Trim('"');
        if (!schema.All(c => char.IsAsciiLetterOrDigit(c) || c == '_'))
        {
            throw new ArgumentException($"Search Path schema '{schema}' may contain only letters, digits and '_'.", nameof(builder));
        }
        return schema;
    }
}
