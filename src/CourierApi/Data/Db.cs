using Npgsql;

namespace Delivery.CourierApi.Data;

/// <summary>
/// Thin helpers over Npgsql with positional parameters (<c>$1</c>, <c>$2</c>…): the CLR type of each argument picks
/// the PostgreSQL type (DateOnly → date, DateTimeOffset → timestamptz, string[] → text[]). Every call takes the
/// caller's cancellation token, so an abandoned request stops its queries.
/// </summary>
internal static class Db
{
    public static NpgsqlCommand Command(this NpgsqlConnection connection, string sql, params object?[] args)
    {
        var command = new NpgsqlCommand(sql, connection);
        foreach (var arg in args)
        {
            // A token in the argument list is a call that meant to pass it as the token: fail loudly, not as a bad parameter.
            if (arg is CancellationToken)
            {
                throw new ArgumentException("a CancellationToken is not a query parameter; pass it before the arguments", nameof(args));
            }
            command.Parameters.Add(arg as NpgsqlParameter ?? new NpgsqlParameter { Value = arg ?? DBNull.Value });
        }
        return command;
    }

    public static async Task<List<T>> ListAsync<T>(this NpgsqlConnection connection, string sql, Func<NpgsqlDataReader, T> map, CancellationToken ct,
        params object?[] args)
    {
        await using var command = connection.Command(sql, args);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var list = new List<T>();
        while (await reader.ReadAsync(ct))
        {
            list.Add(map(reader));
        }
        return list;
    }

    public static async Task<List<T>> ListAsync<T>(this NpgsqlDataSource db, string sql, Func<NpgsqlDataReader, T> map, CancellationToken ct,
        params object?[] args)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        return await connection.ListAsync(sql, map, ct, args);
    }

    public static async Task<T?> FirstAsync<T>(this NpgsqlConnection connection, string sql, Func<NpgsqlDataReader, T> map, CancellationToken ct,
        params object?[] args)
        where T : class
    {
        await using var command = connection.Command(sql, args);
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? map(reader) : null;
    }

    public static async Task<T?> FirstAsync<T>(this NpgsqlDataSource db, string sql, Func<NpgsqlDataReader, T> map, CancellationToken ct,
        params object?[] args)
        where T : class
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        return await connection.FirstAsync(sql, map, ct, args);
    }

    public static async Task<T> ScalarAsync<T>(this NpgsqlConnection connection, string sql, CancellationToken ct, params object?[] args)
    {
        await using var command = connection.Command(sql, args);
        var value = await command.ExecuteScalarAsync(ct);
        return value is null or DBNull ? default! : (T)value;
    }

    public static async Task<T> ScalarAsync<T>(this NpgsqlDataSource db, string sql, CancellationToken ct, params object?[] args)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        return await connection.ScalarAsync<T>(sql, ct, args);
    }

    public static async Task<int> ExecAsync(this NpgsqlConnection connection, string sql, CancellationToken ct, params object?[] args)
    {
        await using var command = connection.Command(sql, args);
        return await command.ExecuteNonQueryAsync(ct);
    }

    public static async Task<int> ExecAsync(this NpgsqlDataSource db, string sql, CancellationToken ct, params object?[] args)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        return await connection.ExecAsync(sql, ct, args);
    }

    public static T Get<T>(this NpgsqlDataReader r, int ordinal) => r.GetFieldValue<T>(ordinal);

    public static T? Opt<T>(this NpgsqlDataReader r, int ordinal) where T : struct =>
        r.IsDBNull(ordinal) ? null : r.GetFieldValue<T>(ordinal);

    public static string? OptString(this NpgsqlDataReader r, int ordinal) => r.IsDBNull(ordinal) ? null : r.GetString(ordinal);
}
