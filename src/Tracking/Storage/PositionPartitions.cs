using System.Collections.Concurrent;
using System.Globalization;
using Npgsql;

namespace Delivery.Tracking.Storage;

/// <summary>
/// Creates the daily partitions of <c>positions</c> on demand and remembers which exist (per data source and schema).
/// A DI singleton: the cache is per process, creation is idempotent and serialised by an advisory lock.
/// </summary>
internal sealed class PositionPartitions
{
    private readonly ConcurrentDictionary<DateOnly, Task> _known = new();

    public Task EnsureAsync(NpgsqlDataSource dataSource, IEnumerable<DateOnly> days, CancellationToken ct)
    {
        var pending = new List<Task>();
        foreach (var day in days)
        {
            var task = _known.GetOrAdd(day, d => CreateAsync(dataSource, d));
            if (!task.IsCompletedSuccessfully)
            {
                pending.Add(AwaitOrForget(day, task));
            }
        }
        return pending.Count == 0 ? Task.CompletedTask : Task.WhenAll(pending).WaitAsync(ct);
    }

    private async Task AwaitOrForget(DateOnly day, Task task)
    {
        try
        {
            await task.ConfigureAwait(false);
        }
        catch
        {
            // A failed creation must be retried by the next batch, not cached.
            _known.TryRemove(new KeyValuePair<DateOnly, Task>(day, task));
            throw;
        }
    }

    // Shared by every batch that needs the day (the task is cached), so no one caller's token may cancel it; callers stop waiting with theirs.
    private static async Task CreateAsync(NpgsqlDataSource dataSource, DateOnly day)
    {
        var from = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var to = day.AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var name = "positions_p" + day.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        await using var conn = await dataSource.OpenConnectionAsync().ConfigureAwait(false);
        await using var tx = await conn.BeginTransactionAsync().ConfigureAwait(false);
        await using (var cmd = new NpgsqlCommand(
            $"""
            SELECT pg_advisory_xact_lock(hashtext('delivery.positions.partitions'));
            CREATE TABLE IF NOT EXISTS {name} PARTITION OF positions
                FOR VALUES FROM ('{from} 00:00:00+00') TO ('{to} 00:00:00+00');
            """, conn, tx))
        {
            await cmd.ExecuteNonQueryAsync().ConfigureAwait(false);
        }
        await tx.CommitAsync().ConfigureAwait(false);
    }
}
