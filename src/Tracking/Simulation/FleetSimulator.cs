using System.Diagnostics;
using Delivery.Tracking.Ingest;
using Delivery.Tracking.Hubs;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace Delivery.Tracking.Simulation;

/// <summary>
/// Drives simulated couriers through the real courier hub: batches of fixes (and stop events) on a timer or flat
/// out, with dropped connections whose offline backlog is sent on reconnect. Used by the demo, tests and the
/// <c>ingest</c> load benchmark.
/// </summary>
public sealed class FleetSimulator(Uri courierHubUrl, FleetSimulatorOptions options, TimeProvider time)
{
    private long _sent;
    private long _acked;
    private long _eventsAcked;
    private long _rejected;
    private int _reconnects;

    /// <summary>Fixes acknowledged so far (read while a run goes on, e.g. to measure a steady-state window).</summary>
    public long PositionsAcked => Interlocked.Read(ref _acked);

    /// <summary>Runs every courier until <paramref name="duration"/> has passed or its route is finished.</summary>
    public async Task<FleetSimulationResult> RunAsync(IReadOnlyList<SimulatedCourier> couriers, TimeSpan duration, CancellationToken cancellationToken = default)
    {
        var watch = Stopwatch.StartNew();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        stop.CancelAfter(duration);
        await Task.WhenAll(couriers.Select((c, i) => DriveAsync(c, options.Seed * 7919 + i, stop.Token))).ConfigureAwait(false);
        return new FleetSimulationResult(
            Interlocked.Read(ref _sent), Interlocked.Read(ref _acked), Interlocked.Read(ref _eventsAcked),
            Interlocked.Read(ref _rejected), _reconnects, watch.Elapsed);
    }

    private async Task DriveAsync(SimulatedCourier courier, int seed, CancellationToken ct)
    {
        var random = new Random(seed);
        var drive = new SimulatedDrive(courier.Route, options, random);
        await using var connection = TrackingHubConnection.Build(courierHubUrl, courier.AccessToken, options.Protocol);
        var positions = new List<PositionReport>();
        var events = new List<CourierEventReport>();
        var offlineLeft = 0;
        try
        {
            await connection.StartAsync(ct).ConfigureAwait(false);
            // Spread the couriers' first sends over one interval so they do not all send in the same instant.
            var nextSend = time.GetUtcNow() + options.SendInterval * random.NextDouble();
            while (!ct.IsCancellationRequested && !drive.Finished)
            {
                if (offlineLeft > 0)
                {
                    if (--offlineLeft == 0)
                    {
                        if (await TryStartAsync(connection, ct).ConfigureAwait(false))
                        {
                            Interlocked.Increment(ref _reconnects);
                        }
                        else
                        {
                            offlineLeft = 1; // the network is still down: try again next round
                        }
                    }
                }
                else if (random.NextDouble() < options.DropProbability)
                {
                    await connection.StopAsync(ct).ConfigureAwait(false);
                    offlineLeft = Math.Max(1, options.OfflineBatches);
                }
                // Fixes are taken after any reconnect, so the newest one is stamped as the batch leaves (what the
                // benchmark's ingest-to-push latency starts from), not before a reconnection that took its time.
                var now = time.GetUtcNow();
                for (var i = 0; i < options.FixesPerBatch; i++)
                {
                    // Stamp fixes just before now, in order, so a fast loop never produces "future" fixes.
                    var (fix, stepEvents) = drive.Step(now.AddMilliseconds(i - options.FixesPerBatch + 1));
                    positions.Add(fix);
                    events.AddRange(stepEvents);
                }
                if (offlineLeft == 0)
                {
                    if (await TrySendAsync(connection, courier, positions, events, ct).ConfigureAwait(false))
                    {
                        positions.Clear();
                        events.Clear();
                    }
                    else
                    {
                        // The send failed: nothing of it counts as acknowledged; it is resent after reconnecting.
                        await connection.StopAsync(ct).ConfigureAwait(false);
                        offlineLeft = 1;
                    }
                }
                if (options.SendInterval > TimeSpan.Zero)
                {
                    // Paced on a fixed schedule: a slow acknowledgement shortens the next wait instead of adding to it.
                    nextSend += options.SendInterval;
                    var wait = nextSend - time.GetUtcNow();
                    if (wait > TimeSpan.Zero)
                    {
                        await Task.Delay(wait, time, ct).ConfigureAwait(false);
                    }
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // End of the run: whatever was not sent stays unacknowledged (and is not counted as sent).
        }
    }

    private static async Task<bool> TryStartAsync(HubConnection connection, CancellationToken ct)
    {
        try
        {
            await connection.StartAsync(ct).ConfigureAwait(false);
            return true;
        }
        catch (Exception ex) when (ex is AggregateException or HttpRequestException or IOException or OperationCanceledException)
        {
            return false;
        }
    }

    private async Task<bool> TrySendAsync(HubConnection connection, SimulatedCourier courier, List<PositionReport> positions, List<CourierEventReport> events, CancellationToken ct)
    {
        try
        {
            await SendAsync(connection, courier, positions, events, ct).ConfigureAwait(false);
            return true;
        }
        catch (Exception ex) when (ex is HubException or InvalidOperationException or IOException)
        {
            return false;
        }
    }

    private async Task SendAsync(HubConnection connection, SimulatedCourier courier, List<PositionReport> positions, List<CourierEventReport> events, CancellationToken ct)
    {
        // Backlogs go in chunks below the server's batch limit; each acknowledged chunk leaves the outbox at once,
        // so a failure later never resends (or double-counts) what is already durable.
        const int chunk = 2_000;
        do
        {
            var part = positions.Take(chunk).ToList();
            var batch = new CourierBatch(courier.DeviceId, part, events.ToList());
            Interlocked.Add(ref _sent, part.Count);
            // Not cancelled at the end of the run: a batch in flight gets its acknowledgement, so acked = stored.
            var ack = await connection.InvokeAsync<BatchAck>("SendPositions", batch, CancellationToken.None).ConfigureAwait(false);
            positions.RemoveRange(0, part.Count);
            events.Clear();
            Interlocked.Add(ref _acked, ack.PositionsAccepted);
            Interlocked.Add(ref _eventsAcked, ack.EventsAccepted.Count);
            Interlocked.Add(ref _rejected, ack.Rejections.Count);
        }
        while (positions.Count > 0);
    }
}
