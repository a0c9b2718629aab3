using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Delivery.Tracking.Hubs;
using Delivery.Tracking.Live;
using Delivery.Tracking.Simulation;
using Microsoft.AspNetCore.SignalR.Client;

namespace Delivery.Benchmarks.Verbs;

/// <summary>
/// <c>ingest-clients --url URL --start ISO [load options]</c> (hidden): every client of the <c>ingest</c> benchmark —
/// simulated couriers, a sample of customers and one dispatcher per depot — in a process of its own, so the figure
/// is the host's, not the host and the simulator fighting over one heap and thread pool. Prints one line
/// <c>CLIENTS {json}</c> (<see cref="IngestClientReport"/>).
/// </summary>
internal sealed class IngestClientsVerb : IVerb
{
    public const string VerbName = "ingest-clients";
    public const string ReportPrefix = "CLIENTS ";

    public string Name => VerbName;

    public string Summary => "(internal) the clients of `ingest`, started by it as a child process";

    public bool Hidden => true;

    public async Task<int> RunAsync(string[] args)
    {
        var o = new Options(args);
        var load = IngestLoad.From(o);
        var address = new Uri(o.Get("url") ?? throw new ArgumentException("--url is required"));
        var start = DateTimeOffset.Parse(o.Get("start") ?? throw new ArgumentException("--start is required"), CultureInfo.InvariantCulture);
        var routes = IngestBenchHost.Routes(load.Couriers, DateOnly.FromDateTime(start.UtcDateTime), start).All.ToList();

        var clock = Stopwatch.StartNew();
        var warmup = TimeSpan.FromSeconds(load.WarmupSeconds);
        var windowEnd = warmup + TimeSpan.FromSeconds(load.Seconds);
        var latencies = new ConcurrentQueue<double>();
        long dispatcherPushes = 0;
        var clients = new List<HubConnection>();
        try
        {
            // A sample of customers (one per courier, tracking its first stop) measures the push latency: from the batch's
            // newest fix, stamped by the simulated tablet as it sends, to the push arriving here.
            foreach (var route in routes.Take(load.Customers))
            {
                var customer = await ConnectAsync(new Uri(address, "/hubs/live"), null, load.Protocol);
                customer.On<CourierPosition>("Position", p =>
                {
                    var latency = (DateTimeOffset.UtcNow - p.RecordedAt).TotalMilliseconds;
                    var at = clock.Elapsed;
                    if (at >= warmup && at < windowEnd)
                    {
                        latencies.Enqueue(latency);
                    }
                });
                await customer.InvokeAsync<CustomerView>("TrackOrder", "tok-" + route.CourierId);
                clients.Add(customer);
            }
            foreach (var depot in routes.Select(r => r.DepotId).Distinct())
            {
                var dispatcher = await ConnectAsync(new Uri(address, "/hubs/live"), "dispatcher", load.Protocol);
                dispatcher.On<CourierPosition>("Position", _ => Interlocked.Increment(ref dispatcherPushes));
                await dispatcher.InvokeAsync<DepotSnapshot>("JoinDepot", depot);
                clients.Add(dispatcher);
            }

            var simulator = new FleetSimulator(new Uri(address, "/hubs/courier"), new FleetSimulatorOptions
            {
                FixIntervalSeconds = 1,
                FixesPerBatch = load.Batch,
                SendInterval = load.SendInterval,
                DropProbability = load.Drop,
                OfflineBatches = 2,
                SendEvents = false,
                Protocol = load.Protocol,
                Seed = 1,
            }, TimeProvider.System);
            var fleet = routes.Select(r => new SimulatedCourier(r.CourierId, "bench-" + r.CourierId, $"courier:{r.CourierId}:bench-{r.CourierId}", r)).ToList();
            var cpuAtStart = Process.GetCurrentProcess().TotalProcessorTime;
            clock.Restart();
            // The run lasts a little past the window so the window closes on a steady stream, not on the stop.
            var run = simulator.RunAsync(fleet, windowEnd + TimeSpan.FromSeconds(0.5));
            await Task.Delay(warmup);
            var ackedAtStart = simulator.PositionsAcked;
            var windowStart = clock.Elapsed;
            await Task.Delay(windowEnd - clock.Elapsed);
            var ackedAtEnd = simulator.PositionsAcked;
            var windowSeconds = (clock.Elapsed - windowStart).TotalSeconds;
            var result = await run;
            var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpuAtStart).TotalSeconds;
            await Task.Delay(TimeSpan.FromSeconds(1)); // let the last pushes arrive

            var sorted = latencies.Order().ToArray();
            var report = new IngestClientReport(
                result.PositionsSent, result.PositionsAcked, ackedAtEnd - ackedAtStart, windowSeconds, result.Elapsed.TotalSeconds,
                result.Reconnects, result.Rejected, sorted.Length, Percentile(sorted, 0.50), Percentile(sorted, 0.99), sorted.LastOrDefault(),
                Interlocked.Read(ref dispatcherPushes), cpuSeconds);
            Console.WriteLine(ReportPrefix + JsonSerializer.Serialize(report));
            return 0;
        }
        finally
        {
            foreach (var c in clients)
            {
                await c.DisposeAsync();
            }
        }
    }

    private static double Percentile(double[] sorted, double q) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];

    private static async Task<HubConnection> ConnectAsync(Uri url, string? token, HubWireProtocol protocol)
    {
        var c = TrackingHubConnection.Build(url, token, protocol);
        await c.StartAsync();
        return c;
    }
}

/// <summary>What the client process measured.</summary>
/// <param name="Sent">Fixes sent over the whole run.</param>
/// <param name="Acked">Fixes acknowledged over the whole run (warm-up and the last in-flight batches included).</param>
/// <param name="WindowAcked">Fixes acknowledged inside the measurement window.</param>
/// <param name="WindowSeconds">Length of the measurement window.</param>
/// <param name="ElapsedSeconds">Length of the whole run.</param>
/// <param name="Reconnects">Dropped connections re-established (their backlog resent).</param>
/// <param name="Rejected">Items the server refused.</param>
/// <param name="Pushes">Customer pushes received inside the window.</param>
/// <param name="P50Ms">Median ingest-to-customer-push latency inside the window.</param>
/// <param name="P99Ms">99th percentile of it.</param>
/// <param name="MaxMs">Largest.</param>
/// <param name="DispatcherPushes">Position pushes received by the dispatchers over the run.</param>
/// <param name="CpuSeconds">CPU time the client process used over the run.</param>
internal sealed record IngestClientReport(
    long Sent, long Acked, long WindowAcked, double WindowSeconds, double ElapsedSeconds, int Reconnects, long Rejected,
    int Pushes, double P50Ms, double P99Ms, double MaxMs, long DispatcherPushes, double CpuSeconds);
