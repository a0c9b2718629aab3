using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Delivery.Tracking.Ingest;
using Delivery.Tracking.Storage;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using StackExchange.Redis;

namespace Delivery.Benchmarks.Verbs;

/// <summary>
/// <c>ingest</c>: simulated couriers stream position batches through the real courier hub over loopback for a bounded
/// time; reports sustained positions/s, ingest-to-customer-push latency (p50/p99), stored vs acknowledged counts,
/// and redis-benchmark SET throughput on the same machine as the ceiling. This process is the host; the clients run
/// in a child process (<see cref="IngestClientsVerb"/>). Options: those of <see cref="IngestLoad"/>, --backplane;
/// --direct bypasses SignalR and the clients.
/// </summary>
public sealed class IngestVerb : IVerb
{
    public const string VerbName = "ingest";
    private const string HostRuntimeMarker = "DELIVERY_INGEST_HOST_RUNTIME";

    /// <inheritdoc />
    public string Name => VerbName;

    /// <inheritdoc />
    public string Summary => "tracking load: positions/s, ingest-to-push p50/p99, stored vs acked, redis SET ceiling";

    /// <inheritdoc />
    public async Task<int> RunAsync(string[] args)
    {
        if (Environment.GetEnvironmentVariable(HostRuntimeMarker) is null)
        {
            return await RunWithHostRuntimeAsync(args);
        }
        var o = new Options(args);
        var load = IngestLoad.From(o);
        var backplane = o.Has("backplane");
        var loadBefore = LoadAverage();
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
        // The host's migrations, as a deployment has them (tracking tables, the notification outbox, …).
        Delivery.CourierApi.Data.Migrations.DatabaseMigrator.Migrate(new NpgsqlConnectionStringBuilder(connection) { SearchPath = schema + ",public" }.ConnectionString);

        var start = DateTimeOffset.UtcNow;
        var routes = IngestBenchHost.Routes(load.Couriers, DateOnly.FromDateTime(start.UtcDateTime), start);
        var (app, address) = await IngestBenchHost.StartAsync(connection, redis, prefix, backplane, routes);
        try
        {
            if (o.Has("direct"))
            {
                var (directAcked, directElapsed) = await IngestDirect.RunAsync(
                    app.Services.GetRequiredService<TrackingIngestor>(), routes.All, load.Batch, TimeSpan.FromSeconds(load.Seconds));
                var directStored = await app.Services.GetRequiredService<PositionStore>().CountAsync("bench-");
                var directRate = directAcked / directElapsed.TotalSeconds;
                Results.Publish("ingest-direct", Results.Table(["figure", "value"],
                [
                    ["mode", $"direct (no SignalR transport or clients), {load.Couriers} × {load.Batch}, {Results.F(directElapsed.TotalSeconds, 1)} s"],
                    ["positions/s (acked)", Results.F(directRate, 0)],
                    ["acked", directAcked.ToString(CultureInfo.InvariantCulture)],
                    ["stored", directStored.ToString(CultureInfo.InvariantCulture)],
                    ["load average at start; at end", $"{loadBefore}; {LoadAverage()}"],
                ]), new Dictionary<string, object?> { ["positions_per_s"] = Math.Round(directRate), ["acked"] = directAcked, ["stored"] = directStored });
                return directStored == directAcked ? 0 : 1;
            }

            var hostCpuAtStart = Process.GetCurrentProcess().TotalProcessorTime;
            var clients = await RunClientsAsync(address, start, load);
            // Includes the clients' connection set-up and the last second of pushes: a little more than the run.
            var hostCpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - hostCpuAtStart).TotalSeconds;
            var stored = await app.Services.GetRequiredService<PositionStore>().CountAsync("bench-");
            var redisSet = await IngestRedisBaseline.SetPerSecondAsync(redis, 200_000);
            var perSecond = clients.WindowAcked / clients.WindowSeconds;
            var offered = load.Rate > 0
                ? $"offered {Results.F(load.Rate, 0)}/s, send every {load.SendInterval.TotalMilliseconds:F0} ms"
                : "flat out: next batch as soon as the last is acknowledged";
            var report = Results.Table(["figure", "value"],
            [
                ["couriers × batch", $"{load.Couriers} × {load.Batch} ({offered})"],
                ["run", $"{Results.F(load.WarmupSeconds, 0)} s warm-up + {Results.F(clients.WindowSeconds, 1)} s measured, {load.Protocol}, backplane {(backplane ? "on" : "off")}"],
                ["positions/s sustained (acked in window)", Results.F(perSecond, 0)],
                ["positions/s over the whole run", Results.F(clients.Acked / clients.ElapsedSeconds, 0)],
                ["acked", clients.Acked.ToString(CultureInfo.InvariantCulture)],
                ["stored", stored.ToString(CultureInfo.InvariantCulture)],
                ["sent (incl. not acked at stop)", clients.Sent.ToString(CultureInfo.InvariantCulture)],
                ["reconnects (offline backlogs)", clients.Reconnects.ToString(CultureInfo.InvariantCulture)],
                ["rejected items", clients.Rejected.ToString(CultureInfo.InvariantCulture)],
                ["customer pushes measured", clients.Pushes.ToString(CultureInfo.InvariantCulture)],
                ["dispatcher pushes", clients.DispatcherPushes.ToString(CultureInfo.InvariantCulture)],
                ["ingest→customer push p50 ms", Results.F(clients.P50Ms, 1)],
                ["ingest→customer push p99 ms", Results.F(clients.P99Ms, 1)],
                ["ingest→customer push max ms", Results.F(clients.MaxMs, 1)],
                ["host CPU (cores busy over the run)", Results.F(hostCpuSeconds / clients.ElapsedSeconds, 2)],
                ["host CPU ms per 1,000 positions", Results.F(hostCpuSeconds * 1e6 / Math.Max(1, clients.Acked), 1)],
                ["clients CPU (cores busy over the run)", Results.F(clients.CpuSeconds / clients.ElapsedSeconds, 2)],
                ["redis-benchmark SET/s (-c 50)", redisSet is { } r ? Results.F(r, 0) : "n/a"],
                ["positions/s ÷ redis SET/s", redisSet is { } r2 ? Results.F(perSecond / r2, 3) : "n/a"],
            ]);
            report += "\nSustained: positions acknowledged (durable in PostgreSQL) inside the measured window, after the warm-up.\n"
                + "Latency: from the batch's newest fix, stamped by the simulated tablet as it sends, to the Position push arriving at a\n"
                + "customer's live-hub connection, for pushes inside the window. Host in this process, with the CourierApi host's runtime\n"
                + "settings (no tiered compilation, no thread-pool spinning, server GC); simulated tablets, customers and dispatchers in\n"
                + "a child process; PostgreSQL and Redis beside them: all share this machine's cores.\n"
                + $"Load average (1, 5, 15 min) at start: {loadBefore}; at end: {LoadAverage()}\n";
            Results.Publish("ingest", report, new Dictionary<string, object?>
            {
                ["positions_per_s"] = Math.Round(perSecond),
                ["p50_ms"] = Math.Round(clients.P50Ms, 1),
                ["p99_ms"] = Math.Round(clients.P99Ms, 1),
                ["acked"] = clients.Acked,
                ["stored"] = stored,
                ["redis_set_per_s"] = redisSet is { } r3 ? Math.Round(r3) : null,
                ["couriers"] = load.Couriers,
                ["batch"] = load.Batch,
                ["offered_per_s"] = load.Rate,
                ["seconds"] = load.Seconds,
            });
            return stored == clients.Acked ? 0 : 1;
        }
        finally
        {
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

    /// <summary>
    /// Runs this verb again in a child process with the runtime settings of the CourierApi host (its project file:
    /// no tiered compilation, no thread-pool spinning; server GC), so the benchmark host runs as the real one does without
    /// changing the settings of the other verbs. The clients' process inherits them.
    /// </summary>
    private static async Task<int> RunWithHostRuntimeAsync(string[] args)
    {
        var info = SelfProcess.StartInfo([VerbName, .. args]);
        info.Environment[HostRuntimeMarker] = "1";
        info.Environment["DOTNET_TieredCompilation"] = "0";
        info.Environment["DOTNET_ThreadPool_UnfairSemaphoreSpinLimit"] = "0";
        info.Environment["DOTNET_gcServer"] = "1"; // the Web SDK's default, which the host keeps
        using var child = Process.Start(info) ?? throw new InvalidOperationException("Cannot start the benchmark host process.");
        await child.WaitForExitAsync();
        return child.ExitCode;
    }

    /// <summary>Starts this executable's <see cref="IngestClientsVerb"/> and reads its report.</summary>
    private static async Task<IngestClientReport> RunClientsAsync(Uri address, DateTimeOffset start, IngestLoad load)
    {
        var info = SelfProcess.StartInfo(
            [IngestClientsVerb.VerbName, "--url", address.ToString(), "--start", start.ToString("O", CultureInfo.InvariantCulture), .. load.ToArgs()]);
        info.RedirectStandardOutput = true;
        using var child = Process.Start(info) ?? throw new InvalidOperationException("Cannot start the client process.");
        IngestClientReport? report = null;
        while (await child.StandardOutput.ReadLineAsync() is { } line)
        {
            if (line.StartsWith(IngestClientsVerb.ReportPrefix, StringComparison.Ordinal))
            {
                report = JsonSerializer.Deserialize<IngestClientReport>(line[IngestClientsVerb.ReportPrefix.Length..]);
            }
            else
            {
                Console.WriteLine(line);
            }
        }
        await child.WaitForExitAsync();
        return child.ExitCode == 0 && report is not null
            ? report
            : throw new InvalidOperationException($"The client process failed (exit code {child.ExitCode}).");
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
}
