using System.Collections.Concurrent;
using Delivery.Tracking;
using Delivery.Tracking.Ingest;
using Delivery.Tracking.Live;
using Delivery.Tracking.Simulation;
using Delivery.Tracking.Storage;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using StackExchange.Redis;

namespace Delivery.Benchmarks.Verbs;

/// <summary>
/// <c>ingest</c>: simulated couriers stream position batches through the real courier hub over loopback for a bounded
/// time; reports sustained positions/s, ingest-to-customer-push latency (p50/p99), stored vs acknowledged counts,
/// and redis-benchmark SET throughput on the same machine as the ceiling.
/// Options: --couriers 200 --batch 50 --rate 20000 (offered positions/s) --seconds 20 --drop 0.002 --customers 50 --backplane; --direct bypasses SignalR.
/// </summary>
public sealed class IngestVerb : IVerb
{
    private static readonly TimeSpan Warmup = TimeSpan.FromSeconds(2);

    /// <inheritdoc />
    public string Name => "ingest";

    /// <inheritdoc />
    public string Summary => "tracking load: positions/s, ingest-to-push p50/p99, stored vs acked, redis SET ceiling";

    /// <inheritdoc />
    public async Task<int> RunAsync(string[] args)
    {
        var o = new Options(args);
        var couriers = o.GetInt("couriers", 200);
        var batch = o.GetInt("batch", 50);
        var rate = o.GetDouble("rate", 20_000);
        var seconds = o.GetInt("seconds", 20);
        var drop = o.GetDouble("drop", 0.002);
        var backplane = o.Has("backplane");
        var customers = o.GetInt("customers", 50);
        var (pg, redis) = Services.Start();
        var tag = Guid.NewGuid().ToString("N")[..8];
        var schema = "bench_ingest_" + tag;
        var prefix = $"bench:{tag}:";
        await using (var admin = NpgsqlDataSource.Create(pg))
        {
            await using var create = admin.CreateCommand($"CREATE SCHEMA {schema}");
            await create.ExecuteNonQueryAsync();
        }
        var connection = new NpgsqlConnectionStringBuilder(pg) { SearchPath = schema, MaxPoolSize = 50 }.ConnectionString;
        await using (var ds = NpgsqlDataSource.Create(connection))
        {
            await using var ddl = ds.CreateCommand(TrackingSchema.CreateSql);
            await ddl.ExecuteNonQueryAsync();
        }

        var start = DateTimeOffset.UtcNow;
        var routes = IngestBenchHost.Routes(couriers, DateOnly.FromDateTime(start.UtcDateTime), start);
        var (app, address) = await IngestBenchHost.StartAsync(connection, redis, prefix, backplane, routes);
        var clients = new List<HubConnection>();
        var latencies = new ConcurrentQueue<double>();
        long dispatcherPushes = 0;
        try
        {
            var measureFrom = DateTimeOffset.UtcNow + Warmup;
            // A sample of customers (one per courier, tracking its first stop) measures the push latency.
            foreach (var route in routes.All.Take(customers))
            {
                var customer = await ConnectAsync(new Uri(address, "/hubs/live"), null);
                customer.On<CourierPosition>("Position", p =>
                {
                    var now = DateTimeOffset.UtcNow;
                    if (now >= measureFrom)
                    {
                        latencies.Enqueue((now - p.RecordedAt).TotalMilliseconds);
                    }
                });
                await customer.InvokeAsync<CustomerView>("TrackOrder", "tok-" + route.CourierId);
                clients.Add(customer);
            }
            foreach (var depot in routes.All.Select(r => r.DepotId).Distinct())
            {
                var dispatcher = await ConnectAsync(new Uri(address, "/hubs/live"), "dispatcher");
                dispatcher.On<CourierPosition>("Position", _ => Interlocked.Increment(ref dispatcherPushes));
                await dispatcher.InvokeAsync<DepotSnapshot>("JoinDepot", depot);
                clients.Add(dispatcher);
            }

            if (o.Has("direct"))
            {
                var (directAcked, directElapsed) = await IngestDirect.RunAsync(
                    app.Services.GetRequiredService<TrackingIngestor>(), routes.All, batch, TimeSpan.FromSeconds(seconds));
                var directStored = await app.Services.GetRequiredService<PositionStore>().CountAsync("bench-");
                var directRate = directAcked / directElapsed.TotalSeconds;
                Results.Publish("ingest-direct", Results.Table(["figure", "value"],
                [
                    ["mode", $"direct (no SignalR transport or clients), {couriers} × {batch}, {Results.F(directElapsed.TotalSeconds, 1)} s"],
                    ["positions/s (acked)", Results.F(directRate, 0)],
                    ["acked", directAcked.ToString()],
                    ["stored", directStored.ToString()],
                ]), new Dictionary<string, object?> { ["positions_per_s"] = Math.Round(directRate), ["acked"] = directAcked, ["stored"] = directStored });
                return directStored == directAcked ? 0 : 1;
            }
            var interval = TimeSpan.FromSeconds(couriers * batch / rate);
            var simulator = new FleetSimulator(new Uri(address, "/hubs/courier"), new FleetSimulatorOptions
            {
                FixIntervalSeconds = 1,
                FixesPerBatch = batch,
                SendInterval = interval,
                DropProbability = drop,
                OfflineBatches = 2,
                SendEvents = false,
                Seed = 1,
            }, TimeProvider.System);
            var fleet = routes.All.Select(r => new SimulatedCourier(r.CourierId, "bench-" + r.CourierId, $"courier:{r.CourierId}:bench-{r.CourierId}", r)).ToList();
            var result = await simulator.RunAsync(fleet, TimeSpan.FromSeconds(seconds));
            await Task.Delay(TimeSpan.FromSeconds(1)); // let the last pushes arrive

            var stored = await app.Services.GetRequiredService<PositionStore>().CountAsync("bench-");
            var redisSet = await IngestRedisBaseline.SetPerSecondAsync(redis, 200_000);
            var sorted = latencies.Order().ToArray();
            double Pct(double q) => sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];
            var perSecond = result.PositionsAcked / result.Elapsed.TotalSeconds;

            var report = Results.Table(["figure", "value"],
            [
                ["couriers × batch", $"{couriers} × {batch} (offered {Results.F(rate, 0)}/s, send every {interval.TotalMilliseconds:F0} ms)"],
                ["run", $"{Results.F(result.Elapsed.TotalSeconds, 1)} s, backplane {(backplane ? "on" : "off")}"],
                ["positions/s sustained (acked)", Results.F(perSecond, 0)],
                ["acked", result.PositionsAcked.ToString()],
                ["stored", stored.ToString()],
                ["sent (incl. not acked at stop)", result.PositionsSent.ToString()],
                ["reconnects (offline backlogs)", result.Reconnects.ToString()],
                ["rejected items", result.Rejected.ToString()],
                ["customer pushes measured", sorted.Length.ToString()],
                ["dispatcher pushes", Interlocked.Read(ref dispatcherPushes).ToString()],
                ["ingest→customer push p50 ms", Results.F(Pct(0.50), 1)],
                ["ingest→customer push p99 ms", Results.F(Pct(0.99), 1)],
                ["redis-benchmark SET/s (-c 50)", redisSet is { } r ? Results.F(r, 0) : "n/a"],
                ["positions/s ÷ redis SET/s", redisSet is { } r2 ? Results.F(perSecond / r2, 3) : "n/a"],
            ]);
            report += $"\nLatency: from the batch's newest fix (stamped at send) to its arrival at the customer's connection; first {Warmup.TotalSeconds:F0} s excluded.\n"
                + "All parts (simulator, host, PostgreSQL, Redis) share this machine's CPU cores.\n";
            Results.Publish("ingest", report, new Dictionary<string, object?>
            {
                ["positions_per_s"] = Math.Round(perSecond),
                ["p50_ms"] = Math.Round(Pct(0.50), 1),
                ["p99_ms"] = Math.Round(Pct(0.99), 1),
                ["acked"] = result.PositionsAcked,
                ["stored"] = stored,
                ["redis_set_per_s"] = redisSet is { } r3 ? Math.Round(r3) : null,
                ["couriers"] = couriers,
                ["batch"] = batch,
                ["seconds"] = seconds,
            });
            return stored == result.PositionsAcked ? 0 : 1;
        }
        finally
        {
            foreach (var c in clients)
            {
                await c.DisposeAsync();
            }
            var mux = app.Services.GetRequiredService<IConnectionMultiplexer>();
            var server = mux.GetServer(mux.GetEndPoints()[0]);
            await foreach (var key in server.KeysAsync(pattern: prefix + "*"))
            {
                await mux.GetDatabase().KeyDeleteAsync(key);
            }
            await app.StopAsync();
            await app.DisposeAsync();
            NpgsqlConnection.ClearAllPools();
            await using var admin = NpgsqlDataSource.Create(pg);
            await using var dropSchema = admin.CreateCommand($"DROP SCHEMA {schema} CASCADE");
            await dropSchema.ExecuteNonQueryAsync();
        }
    }

    private static async Task<HubConnection> ConnectAsync(Uri url, string? token)
    {
        var c = new HubConnectionBuilder()
            .WithUrl(url, o => o.AccessTokenProvider = () => Task.FromResult(token))
            .AddJsonProtocol(o => TrackingServiceCollectionExtensions.ConfigureJson(o.PayloadSerializerOptions))
            .Build();
        await c.StartAsync();
        return c;
    }
}
