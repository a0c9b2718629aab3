using Delivery.Tracking.Arrival;
using Delivery.Tracking.Ingest;
using Delivery.Tracking.Routes;

namespace Delivery.Benchmarks.Verbs;

/// <summary>
/// <c>ingest --direct</c>: the same batches handed straight to <see cref="TrackingIngestor"/> flat out, without SignalR
/// or clients, to separate the pipeline's own cost (validation, PostgreSQL, Redis, pushes) from transport and clients.
/// </summary>
internal static class IngestDirect
{
    public static async Task<(long Acked, TimeSpan Elapsed)> RunAsync(TrackingIngestor ingestor, IEnumerable<PublishedRoute> routes, int batch, TimeSpan duration)
    {
        using var stop = new CancellationTokenSource(duration);
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var counts = await Task.WhenAll(routes.Select(async route =>
        {
            long acked = 0;
            long seq = 0;
            while (!stop.IsCancellationRequested)
            {
                var now = DateTimeOffset.UtcNow;
                var fixes = Enumerable.Range(0, batch).Select(i =>
                {
                    var (lat, lon) = Geo.Offset(route.DepotLatitude, route.DepotLongitude, seq * 2.0, 90);
                    return new PositionReport(++seq, now.AddMilliseconds(i - batch), lat, lon, 5, 8, 90);
                }).ToList();
                var ack = await ingestor.IngestAsync(route.CourierId, "bench-" + route.CourierId, new CourierBatch(null, fixes, null));
                acked += ack.PositionsAccepted;
            }
            return acked;
        }));
        return (counts.Sum(), watch.Elapsed);
    }
}
