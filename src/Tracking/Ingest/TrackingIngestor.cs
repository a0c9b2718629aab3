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
        ArgumentNullException.ThrowIfNull(batch);
        var count = (batch.Positions?.Count ?? 0) + (batch.Events?.Count ?? 0);
        if (count > _options.MaxBatchItems)
        {
            return new BatchAck(null, 0, [], [new ItemRejection("batch", "positions", $"{count} items exceed the limit of {_options.MaxBatchItems} per batch; split it")]);
        }
        if (batch.Events?.Count > _options.MaxBatchEvents)
        {
            return new BatchAck(null, 0, [], [new ItemRejection("batch", "events", $"{batch.Events.Count} events exceed the limit of {_options.MaxBatchEvents} per batch; split it")]);
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
        var rebuilt = false;
        List<(CourierEventReport Report, DeliveryEventRecord Record)> events = [];
        if (batch.Events is { Count: > 0 })
        {
            (state, rebuilt) = await _loader.LoadAsync(courierId, route, date, ct).ConfigureAwait(false);
            var stored = await ExistingKeysAsync(batch.Events.Where(e => e?.ClientEventId is not null)
                .Select(e => BatchValidator.EventKey(deviceId, e.ClientEventId)).ToList(), ct).ConfigureAwait(false);
            // Each event belongs to the route of its own service day: a tap at 23:50 sent after local midnight is yesterday's.
            var byDay = new Dictionary<DateOnly, List<CourierEventReport>>();
            foreach (var e in batch.Events)
            {
                var day = e is null ? date : await _calendar.DateAtAsync(courierId, e.OccurredAt, ct).ConfigureAwait(false);
                (byDay.TryGetValue(day, out var list) ? list : byDay[day] = []).Add(e!);
            }
            foreach (var (day, reports) in byDay)
            {
                if (day == date)
                {
                    events.AddRange(_validator.Events(courierId, deviceId, route, state, reports, stored, now, rejections));
                    continue;
                }
                // Another day's route is checked against that day's record, which is not today's live state.
                var dayRoute = await _routes.GetCourierRouteAsync(courierId, day, ct).ConfigureAwait(false);
                var dayState = await _loader.RebuildAsync(courierId, dayRoute, day, ct).ConfigureAwait(false);
                events.AddRange(_validator.Events(courierId, deviceId, dayRoute, dayState, reports, stored, now, rejections));
            }
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
            if (state is null)
            {
                (state, rebuilt) = await _loader.LoadAsync(courierId, route, date, ct).ConfigureAwait(false);
            }
            // Only today's events move today's live state; another day's are on record (its views rebuild from it).
            var todays = records.Where(r => r.RouteId == route?.RouteId).ToList();
            await _updater.ApplyAsync(state, route, positions, todays, now, rebuilt, ct).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is RedisException or NpgsqlException or TimeoutException)
        {
            // What Redis holds may now lag the record: the next load rebuilds from PostgreSQL instead of trusting it.
            _loader.MarkStale(courierId);
            Log.LiveStateFailed(_logger, courierId, ex);
        }
        return ack;
    }

    /// <summary>
    /// Moves live state with events already stored by another path (a paper outcome): under the courier's lock, as a
    /// tablet's batch would, so the customer's view and the live board agree with the record; a correction replaces the
    /// stop's earlier outcome. Events of a day other than the courier's current one change nothing live.
    /// </summary>
    public async Task ApplyRecordedAsync(PublishedRoute route, DeliveryEventRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(route);
        ArgumentNullException.ThrowIfNull(record);
        var gate = _courierLocks.GetOrAdd(route.CourierId, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var now = _time.GetUtcNow();
            if (await _calendar.DateAtAsync(route.CourierId, now, cancellationToken).ConfigureAwait(false) != route.Date)
            {
                return;
            }
            var (state, _) = await _loader.LoadAsync(route.CourierId, route, route.Date, cancellationToken).ConfigureAwait(false);
            // The stop takes the recorded outcome whatever it showed (a correction replaces the earlier one), and is pushed.
            LiveStateRules.Reopen(state, record.StopId);
            await _updater.ApplyAsync(state, route, [], [record], now, forceEta: true, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is RedisException or NpgsqlException or TimeoutException)
        {
            _loader.MarkStale(route.CourierId);
            Log.LiveStateFailed(_logger, route.CourierId, ex);
        }
        finally
        {
            gate.Release();
        }
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
