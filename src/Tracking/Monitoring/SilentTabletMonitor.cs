using Microsoft.Extensions.DependencyInjection;
using Delivery.Tracking.Live;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Delivery.Tracking.Monitoring;

/// <summary>
/// Every <see cref="TrackingOptions.SilentCheckSeconds"/>, alerts the depot's dispatchers about couriers on a started
/// route whose tablet sent nothing for <see cref="TrackingOptions.SilentTabletMinutes"/>, with a link to the route's
/// paper manifest. Once per silence, across all nodes (a Redis flag cleared when positions resume).
/// </summary>
public sealed class SilentTabletMonitor : BackgroundService
{
    private readonly LiveStateStore _store;
    private readonly LivePublisher _publisher;
    private readonly TrackingOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<SilentTabletMonitor> _logger;

    internal SilentTabletMonitor(LiveStateStore store, LivePublisher publisher, IOptions<TrackingOptions> options, [FromKeyedServices(TrackingServiceCollectionExtensions.ClockKey)] TimeProvider time, ILogger<SilentTabletMonitor> logger)
    {
        _store = store;
        _publisher = publisher;
        _options = options.Value;
        _time = time;
        _logger = logger;
    }

    /// <summary>Runs one check now; returns the alerts raised.</summary>
    public async Task<IReadOnlyList<SilentTabletAlert>> CheckAsync(CancellationToken cancellationToken = default)
    {
        var now = _time.GetUtcNow();
        var alerts = new List<SilentTabletAlert>();
        foreach (var courierId in await _store.SilentSinceAsync(now.AddMinutes(-_options.SilentTabletMinutes)).ConfigureAwait(false))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var state = await _store.GetAsync(courierId).ConfigureAwait(false);
            if (state is not { RouteId: { } routeId, DepotId: { } depotId, LastReceivedAt: { } seen })
            {
                continue;
            }
            if (!await _store.TryMarkSilentAsync(courierId).ConfigureAwait(false))
            {
                continue;
            }
            var alert = new SilentTabletAlert(courierId, routeId, depotId, seen,
                _options.ManifestUrlTemplate.Replace("{routeId}", Uri.EscapeDataString(routeId), StringComparison.Ordinal));
            Log.TabletSilent(_logger, courierId, seen, routeId);
            await _publisher.SilentAsync(alert).ConfigureAwait(false);
            alerts.Add(alert);
        }
        return alerts;
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(_options.SilentCheckSeconds), _time);
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            try
            {
                await CheckAsync(stoppingToken).ConfigureAwait(false);
            }
            // A Redis timeout is a TimeoutException, not a RedisException; a database or network hiccup is neither.
            // None may end the loop: a faulted BackgroundService stops the host (and rethrows from its StopAsync).
            catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                Log.SilentCheckFailed(_logger, ex);
            }
        }
    }
}
