using System.Threading.Channels;
using Delivery.Tracking.Notifications;
using Npgsql;

namespace Delivery.Tracking.Storage;

/// <summary>
/// Writes batches' positions and events durably with group commit: batches arriving while a transaction is in
/// flight are coalesced into the next one (one COPY, one commit for many couriers). Each caller's task completes
/// only after the transaction holding its rows has committed. If a group fails, its batches are retried one by
/// one so a single failure never fails its neighbours. Each writer loop keeps one connection open (with its staging
/// table) for as long as it works, and opens a new one after any failure.
/// </summary>
internal sealed class TrackingWriter : IAsyncDisposable, IDisposable
{
    private const int MaxRowsPerGroup = 8_000;
    private const int Writers = 3;
    private readonly NpgsqlDataSource _dataSource;
    private readonly PositionStore _positionStore;
    private readonly NotificationOutbox _outbox;
    private readonly TimeProvider _time;
    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = false });
    private readonly Task[] _loops;

    public TrackingWriter(NpgsqlDataSource dataSource, PositionStore positionStore, NotificationOutbox outbox,
        [Microsoft.Extensions.DependencyInjection.FromKeyedServices(TrackingServiceCollectionExtensions.ClockKey)] TimeProvider time)
    {
        _time = time;
        _dataSource = dataSource;
        _positionStore = positionStore;
        _outbox = outbox;
        _loops = Enumerable.Range(0, Writers).Select(_ => Task.Run(LoopAsync)).ToArray();
    }

    /// <summary>Stores both lists; completes after commit.</summary>
    public async Task WriteAsync(IReadOnlyList<PositionRecord> positions, IReadOnlyList<DeliveryEventRecord> events, CancellationToken ct)
    {
        if (positions.Count == 0 && events.Count == 0)
        {
            return;
        }
        var pending = new Pending(positions, events, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        await _queue.Writer.WriteAsync(pending, ct).ConfigureAwait(false);
        // Not cancellable once queued: the caller must learn whether its rows were committed.
        await pending.Done.Task.ConfigureAwait(false);
    }

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await Task.WhenAll(_loops).ConfigureAwait(false);
    }

    private async Task LoopAsync()
    {
        await using var session = new Session(_dataSource);
        var group = new List<Pending>();
        while (await _queue.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            group.Clear();
            var rows = 0;
            while (rows < MaxRowsPerGroup && _queue.Reader.TryRead(out var next))
            {
                group.Add(next);
                rows += next.Positions.Count + next.Events.Count;
            }
            if (group.Count == 0)
            {
                continue;
            }
            try
            {
                await CommitAsync(session, group).ConfigureAwait(false);
                group.ForEach(p => p.Done.TrySetResult());
            }
            catch (Exception) when (group.Count > 1)
            {
                foreach (var p in group)
                {
                    await CommitAloneAsync(session, p).ConfigureAwait(false);
                }
            }
            catch (Exception ex)
            {
                group[0].Done.TrySetException(ex);
            }
        }
    }

    private async Task CommitAloneAsync(Session session, Pending p)
    {
        try
        {
            await CommitAsync(session, [p]).ConfigureAwait(false);
            p.Done.TrySetResult();
        }
        catch (Exception ex)
        {
            p.Done.TrySetException(ex);
        }
    }

    private async Task CommitAsync(Session session, List<Pending> group)
    {
        var positions = group.Count == 1 ? group[0].Positions : group.SelectMany(p => p.Positions).ToList();
        var events = group.Count == 1 ? group[0].Events : group.SelectMany(p => p.Events).ToList();
        if (positions.Count > 0)
        {
            await _positionStore.EnsurePartitionsAsync(positions, CancellationToken.None).ConfigureAwait(false);
        }
        var conn = await session.OpenAsync().ConfigureAwait(false);
        try
        {
            await using var tx = await conn.BeginTransactionAsync().ConfigureAwait(false);
            if (positions.Count > 0)
            {
                await PositionStore.WriteAsync(conn, tx, positions, CancellationToken.None).ConfigureAwait(false);
            }
            await DeliveryEventStore.WriteAsync(conn, tx, events, _time.GetUtcNow(), CancellationToken.None).ConfigureAwait(false);
            await tx.CommitAsync().ConfigureAwait(false);
            if (events.Any(e => e.IsHandover))
            {
                _outbox.Wake();
            }
        }
        catch
        {
            // Whatever failed (the server, the network, a row), the next commit starts on a fresh connection.
            await session.ResetAsync().ConfigureAwait(false);
            throw;
        }
    }

    private sealed record Pending(IReadOnlyList<PositionRecord> Positions, IReadOnlyList<DeliveryEventRecord> Events, TaskCompletionSource Done);

    /// <summary>One writer loop's connection, opened on first use with its staging table.</summary>
    private sealed class Session(NpgsqlDataSource dataSource) : IAsyncDisposable
    {
        private NpgsqlConnection? _connection;

        public async Task<NpgsqlConnection> OpenAsync()
        {
            if (_connection is { State: System.Data.ConnectionState.Open } open)
            {
                return open;
            }
            await ResetAsync().ConfigureAwait(false);
            var connection = await dataSource.OpenConnectionAsync().ConfigureAwait(false);
            try
            {
                await PositionStore.CreateStagingAsync(connection, CancellationToken.None).ConfigureAwait(false);
            }
            catch
            {
                await connection.DisposeAsync().ConfigureAwait(false);
                throw;
            }
            _connection = connection;
            return connection;
        }

        public async ValueTask ResetAsync()
        {
            if (_connection is { } c)
            {
                _connection = null;
                await c.DisposeAsync().ConfigureAwait(false);
            }
        }

        public ValueTask DisposeAsync() => ResetAsync();
    }
}
