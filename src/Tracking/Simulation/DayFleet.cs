using Delivery.Tracking.Hubs;
using Delivery.Tracking.Ingest;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace Delivery.Tracking.Simulation;

/// <summary>What a simulated day's tablets sent.</summary>
/// <param name="PositionsAcked">Fixes acknowledged as durable.</param>
/// <param name="EventsAcked">Events acknowledged.</param>
/// <param name="Rejected">Items the server refused.</param>
/// <param name="Reconnects">Connections re-established after a loss.</param>
/// <param name="Batches">Batches sent.</param>
/// <param name="RejectionSamples">The first distinct reasons the server gave for refused items.</param>
/// <param name="MaxSendLag">The longest a send started after its due time, in simulated time (a host too slow for the clock's speed shows here).</param>
/// <param name="P95SendLag">The 95th percentile of that lag over every send.</param>
public sealed record DayFleetResult(long PositionsAcked, long EventsAcked, long Rejected, int Reconnects, long Batches, IReadOnlyList<string> RejectionSamples, TimeSpan MaxSendLag,
    TimeSpan P95SendLag = default);

/// <summary>
/// Plays generated <see cref="CourierDay"/>s through the real courier hub on a shared clock (a
/// <see cref="SimulatedClock"/> for a day in minutes): every send interval each tablet sends what it recorded since
/// its last send; while offline it keeps its outbox and sends the backlog on reconnecting; a dead tablet goes quiet.
/// Every timestamp is the clock's, so the host sees the day in simulated time.
/// </summary>
public sealed class DayFleet(Uri courierHubUrl, TimeProvider clock, DaySimulationOptions options)
{
    private long _acked;
    private long _events;
    private long _rejected;
    private long _batches;
    private int _reconnects;
    private long _maxLagTicks;
    private readonly System.Collections.Concurrent.ConcurrentBag<long> _lags = [];
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, byte> _reasons = new(StringComparer.Ordinal);

    /// <summary>Fixes acknowledged so far.</summary>
    public long PositionsAcked => Interlocked.Read(ref _acked);

    /// <summary>Plays every day until its end (or cancellation).</summary>
    public async Task<DayFleetResult> RunAsync(IReadOnlyList<CourierDay> days, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(days);
        await Task.WhenAll(days.Select((d, i) => PlayAsync(d, i, cancellationToken))).ConfigureAwait(false);
        return new DayFleetResult(Interlocked.Read(ref _acked), Interlocked.Read(ref _events), Interlocked.Read(ref _rejected), _reconnects, Interlocked.Read(ref _batches), [.. _reasons.Keys.Order(StringComparer.Ordinal)],
            TimeSpan.FromTicks(Interlocked.Read(ref _maxLagTicks)), TimeSpan.FromTicks(P95(_lags)));
    }

    private static long P95(IEnumerable<long> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(0.95 * sorted.Length) - 1)];
    }

    private async Task PlayAsync(CourierDay day, int index, CancellationToken ct)
    {
        if (day.Fixes.Count == 0 && day.Events.Count == 0)
        {
            return;
        }
        await using var connection = TrackingHubConnection.Build(courierHubUrl, day.Courier.AccessToken, options.Protocol);
        var first = day.Fixes.Count > 0 ? day.Fixes[0].RecordedAt : day.Events[0].OccurredAt;
        var last = day.TabletDiedAt ?? Max(day.Fixes.Count > 0 ? day.Fixes[^1].RecordedAt : first, day.Events.Count > 0 ? day.Events[^1].OccurredAt : first);
        // Tablets send on their own phase so they do not all send in the same instant.
        var next = first + options.SendInterval * ((index * 0.618034) % 1);
        int fixIndex = 0, eventIndex = 0;
        var everConnected = false;
        try
        {
            while (fixIndex < day.Fixes.Count || eventIndex < day.Events.Count)
            {
                var wait = next - clock.GetUtcNow();
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, clock, ct).ConfigureAwait(false);
                }
                var now = next;
                next += options.SendInterval;
                var lag = (clock.GetUtcNow() - now).Ticks;
                _lags.Add(Math.Max(0, lag));
                if (lag > Interlocked.Read(ref _maxLagTicks))
                {
                    Interlocked.Exchange(ref _maxLagTicks, lag);
                }
                if (day.TabletDiedAt is { } died && now >= died + options.SendInterval)
                {
                    break;
                }
                if (!day.IsOnline(now) && !(day.TabletDiedAt is { } d && now >= d))
                {
                    if (connection.State != HubConnectionState.Disconnected)
                    {
                        await connection.StopAsync(ct).ConfigureAwait(false);
                    }
                    continue;
                }
                if (connection.State == HubConnectionState.Disconnected)
                {
                    if (!await TryStartAsync(connection, ct).ConfigureAwait(false))
                    {
                        continue;
                    }
                    if (everConnected)
                    {
                        Interlocked.Increment(ref _reconnects);
                    }
                    everConnected = true;
                }
                var fixEnd = fixIndex;
                while (fixEnd < day.Fixes.Count && day.Fixes[fixEnd].RecordedAt <= now)
                {
                    fixEnd++;
                }
                var eventEnd = eventIndex;
                while (eventEnd < day.Events.Count && day.Events[eventEnd].OccurredAt <= now)
                {
                    eventEnd++;
                }
                if (fixEnd == fixIndex && eventEnd == eventIndex)
                {
                    if (now > last)
                    {
                        break;
                    }
                    continue;
                }
                if (await TrySendAsync(connection, day, fixIndex, fixEnd, eventIndex, eventEnd).ConfigureAwait(false) is { } sent)
                {
                    (fixIndex, eventIndex) = sent;
                }
                else
                {
                    await connection.StopAsync(ct).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The run was stopped: what is not sent stays in the outbox.
        }
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private static async Task<bool> TryStartAsync(HubConnection connection, CancellationToken ct)
    {
        try
        {
            await connection.StartAsync(ct).ConfigureAwait(false);
            return true;
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException or InvalidOperationException or AggregateException or TimeoutException)
        {
            return false;
        }
    }

    /// <summary>
    /// Sends the outbox in chunks of 250 fixes, well inside the batch limits (<see cref="TrackingOptions.MaxBatchItems"/>, and the
    /// hub's message size derived from them); returns how far it got, or null on failure.
    /// </summary>
    private async Task<(int Fixes, int Events)?> TrySendAsync(HubConnection connection, CourierDay day, int fixFrom, int fixTo, int eventFrom, int eventTo)
    {
        const int chunk = 250;
        try
        {
            while (fixFrom < fixTo || eventFrom < eventTo)
            {
                var count = Math.Min(chunk, fixTo - fixFrom);
                var positions = day.Fixes.Skip(fixFrom).Take(count).ToList();
                // Events go with the chunk whose fixes reach their time, so the server sees them in order.
                var until = fixFrom + count < fixTo ? positions[^1].RecordedAt : DateTimeOffset.MaxValue;
                var eventEnd = eventFrom;
                while (eventEnd < eventTo && day.Events[eventEnd].OccurredAt <= until)
                {
                    eventEnd++;
                }
                var events = day.Events.Skip(eventFrom).Take(eventEnd - eventFrom).ToList();
                var ack = await connection.InvokeAsync<BatchAck>("SendPositions", new CourierBatch(day.Courier.DeviceId, positions, events)).ConfigureAwait(false);
                Interlocked.Increment(ref _batches);
                Interlocked.Add(ref _acked, ack.PositionsAccepted);
                Interlocked.Add(ref _events, ack.EventsAccepted.Count);
                Interlocked.Add(ref _rejected, ack.Rejections.Count);
                foreach (var r in ack.Rejections.Where(_ => _reasons.Count < 10))
                {
                    _reasons.TryAdd($"{r.Field}: {r.Reason}", 0);
                }
                fixFrom += count;
                eventFrom = eventEnd;
            }
            return (fixFrom, eventFrom);
        }
        catch (Exception ex) when (ex is HubException or InvalidOperationException or IOException)
        {
            return null;
        }
    }
}
