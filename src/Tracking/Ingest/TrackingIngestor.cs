using Microsoft.Extensions.DependencyInjection;
using System.Collections.Concurrent;
using Delivery.Tracking.Live;
using Delivery.Tracking.Routes;
using Delivery.Tracking.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using StackExchange.Redis;

namespace Delivery.Tracking.Ingest;

/// <summary>
/// Handles one courier batch: validate each item, store the good ones durably (one PostgreSQL transaction), build
/// the acknowledgement, then move live state forward. Live-state failures (Redis) never cost an acknowledgement:
/// PostgreSQL is the record and live state is rebuilt from it.
/// </summary>
public sealed class TrackingIngestor
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _courierLocks = new(StringComparer.Ordinal);
    private readonly RouteCache _routes;
    private readonly CourierCalendar _calendar;
    private readonly TrackingWriter _writer;
    private readonly LiveStateLoader _loader;
    private readonly LiveUpdater _updater;
    private readonly NpgsqlDataSource _dataSource;
    private readonly TrackingOptions _options;
    private readonly BatchValidator _validator;
    private readonly TimeProvider _time;
    private readonly ILogger<TrackingIngestor> _logger;

    internal TrackingIngestor(
        RouteCache routes, CourierCalendar calendar, TrackingWriter writer, LiveStateLoader loader, LiveUpdater updater, NpgsqlDataSource dataSource,
        IOptions<TrackingOptions> options, [FromKeyedServices(TrackingServiceCollectionExtensions.ClockKey)] TimeProvider time, ILogger<TrackingIngestor> logger)
    {
        _routes = routes;
        _calendar = calendar;
        _writer = writer;
        _loader = loader;
        _updater = updater;
        _dataSource = dataSource;
        _options = options.Value;
        _validator = new BatchValidator(options.Value);
        _time = time;
        _logger = logger;
    }

    /// <summary>Ingests a batch from <paramref name="courierId"/>'s device <paramref name="deviceId"/>.</summary>
    public async Task<BatchAck> IngestAsync(string courierId, string deviceId, CourierBatch batch, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(courierId);
        ArgumentException.ThrowIfNullOrWhiteSpace(deviceId);
        var count = (batch.Positions?.Count ?? 0) + (batch.Events?.Count ?? 0);
        if (count > _options.MaxBatchItems)
        {
            return new BatchAck(null, 0, [], [new ItemRejection("batch", "positions", $"{count} items exceed the limit of {_options.MaxBatchItems} per batch; split it")]);
        }
        var gate = _courierLocks.GetOrAdd(courierId, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await IngestLockedAsync(courierId, deviceId, batch, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task<BatchAck> IngestLockedAsync(string courierId, string deviceId, CourierBatch batch, CancellationToken ct)
    {
        var now = _time.GetUtcNow();
        var date = await _calendar.DateAtAsync(courierId, now, ct).ConfigureAwait(false);
        var rejections = new List<ItemRejection>();
        var positions = _validator.Positions(courierId, deviceId, batch.Positions, now, rejections);
        var route = await _routes.GetCourierRouteAsync(courierId, date, ct).ConfigureAwait(false);

        CourierLiveState? state = null;
        List<(CourierEventReport Report, DeliveryEventRecord Record)> events = [];
        if (batch.Events is { Count: > 0 })
        {
            (state, _) = await _loader.LoadAsync(courierId, route, date, ct).ConfigureAwait(false);
            var stored = await ExistingKeysAsync(batch.Events.Where(e => e?.ClientEventId is not null)
                .Select(e => BatchValidator.EventKey(deviceId, e.ClientEventId)).ToList(), ct).ConfigureAwait(false);
            events = _validator.Events(courierId, deviceId, route, state, batch.Events, stored, now, rejections);
        }

        var records = events.Select(e => e.Record).ToList();
        await _writer.WriteAsync(positions, records, ct).ConfigureAwait(false);
        // Everything below the write is acknowledged: it is committed.
        var ack = new BatchAck(
            positions.Count == 0 ? null : positions.Max(p => p.Seq),
            positions.Count,
            events.Select(e => e.Report.ClientEventId).ToList(),
            rejections);
        Log.BatchProcessed(_logger, courierId, positions.Count, records.Count, rejections.Count);

        try
        {
            var rebuilt = false;
            if (state is null)
            {
                (state, rebuilt) = await _loader.LoadAsync(courierId, route, date, ct).ConfigureAwait(false);
            }
            await _updater.ApplyAsync(state, route, positions, records, now, rebuilt, ct).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is RedisException or NpgsqlException or TimeoutException)
        {
            Log.LiveStateFailed(_logger, courierId, ex);
        }
        return ack;
    }

    private async Task<IReadOnlySet<string>> ExistingKeysAsync(List<string> keys, CancellationToken ct)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        if (keys.Count == 0)
        {
            return found;
        }
        await using var cmd = _dataSource.CreateCommand("SELECT event_key FROM delivery_events WHERE event_key = ANY($1)");
        cmd.Parameters.Add(new NpgsqlParameter { Value = keys.ToArray() });
        await using var reader = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            found.Add(reader.GetString(0));
        }
        return found;
    }
}
