using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Delivery.Tracking.Hubs;
using Delivery.Tracking.Ingest;
using Delivery.Tracking.Simulation;
using Microsoft.AspNetCore.SignalR.Client;
using Npgsql;

namespace Delivery.Benchmarks.Verbs;

/// <summary>
/// <c>replan [--couriers 40] [--orders 1000] [--plan-seconds 60] [--limit 3] [--runs 3]</c>: the in-day re-plan from request to
/// preview. The <c>evening</c> verb's Porto orders are planned and published through the real host on the evening before
/// (as the <c>day</c> verb does); a second host on the delivery day, its clock just before the first departure, hears one
/// fix from every courier's tablet (near the depot), then <c>POST /api/v1/depots/{id}/live/replan</c> is timed: 40 couriers
/// with 25 remaining stops each by default, the planner's limit <c>--limit</c> seconds. Target: ≤ 5 s.
/// </summary>
internal sealed class ReplanVerb : IVerb
{
    public string Name => "replan";

    public string Summary => "in-day re-plan, request to preview, 40 couriers x 25 remaining stops on Porto [--couriers --orders --plan-seconds --limit 3 --runs 3]";

    public async Task<int> RunAsync(string[] args)
    {
        var o = new Options(args);
        var couriers = o.GetInt("couriers", 40);
        var orders = o.GetInt("orders", couriers * 25);
        var limit = o.GetInt("limit", 3);
        var runs = Math.Max(1, o.GetInt("runs", 3));
        var roads = o.Get("schema") ?? "bench_porto";
        var date = DateOnly.ParseExact(o.Get("date") ?? "2026-12-02", "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var (postgres, redis) = Environment.GetEnvironmentVariable("ConnectionStrings__Delivery") is { } pg
            && Environment.GetEnvironmentVariable("ConnectionStrings__Redis") is { } rd ? (pg, rd) : Services.Start();
        var cs = new NpgsqlConnectionStringBuilder(postgres) { CommandTimeout = 0 }.ConnectionString;
        await using var db = NpgsqlDataSource.Create(cs);
        await RoadBench.EnsureNetworkAsync(db, cs, roads, RoadBench.Extract(o.Get("pbf") ?? "porto_portugal.osm.pbf"));
        var rows = await EveningOrders.GenerateAsync(db, roads, orders, o.GetInt("seed", 2026));
        var schema = "bench_replan_" + Guid.NewGuid().ToString("N")[..10];
        var settings = new Dictionary<string, string>
        {
            ["RoadNetwork:Schema"] = roads,
            ["Auth:TokenLifetimeHours"] = "720",
            ["Serilog:MinimumLevel:Default"] = "Warning",
        };
        try
        {
            var evening = new SimulatedClock(DayVerb.Local(date.AddDays(-1), new TimeOnly(18, 0)), 1);
            var planned = await DayVerb.PlanEveningAsync(postgres, redis, schema, With(settings, evening.ToConfiguration()), rows, couriers, o.GetInt("plan-seconds", 60), date);
            Console.WriteLine($"published plan version {planned.VersionId}: {planned.Couriers.Count} routes, {planned.Unassigned} unassigned");

            // The delivery day just before the first departure, the clock at real speed: every stop still to come.
            var first = planned.Couriers.Min(r => r.Route.PlannedStartUtc);
            var day = new SimulatedClock(first - TimeSpan.FromMinutes(5), 1);
            // With --demo again (a start without it disables the demo dispatcher the verb signs in as); the demo's new evening
            // job (the third) is let finish before anything is measured.
            await using var host = await ImportHost.StartAsync(postgres, redis, limit, schema, With(settings, day.ToConfiguration()), demo: true, keepSchema: true, build: false);
            await DayVerb.WaitForRoadsAsync(host.Client);
            await host.WaitForJobAsync(3);
            foreach (var c in planned.Couriers)
            {
                await using var tablet = TrackingHubConnection.Build(new Uri(host.Address, "/hubs/courier"), c.AccessToken, HubWireProtocol.MessagePack);
                await tablet.StartAsync();
                await tablet.InvokeAsync<BatchAck>("SendPositions", new CourierBatch(null,
                    [new PositionReport(1, day.GetUtcNow(), c.Route.DepotLatitude + 0.001, c.Route.DepotLongitude + 0.001, 8)], []));
            }
            var remaining = planned.Couriers.Sum(c => c.Route.Stops.Count);
            var url = $"/api/v1/depots/{planned.DepotId}/live/replan?date={date:yyyy-MM-dd}&timeLimitSeconds={limit}";
            var wall = new List<double>();
            JsonElement preview = default;
            for (var i = 0; i < runs; i++)
            {
                var sw = Stopwatch.StartNew();
                var response = await host.Client.PostAsync(url, null);
                preview = await ImportVerb.Json(response);
                wall.Add(sw.Elapsed.TotalSeconds);
                Console.WriteLine($"run {i + 1}: {wall[^1]:F2} s, {preview.GetProperty("moves").GetArrayLength()} moves");
            }
            wall.Sort();
            var median = wall[wall.Count / 2];
            var load = Results.LoadAverage();
            var report = $"replan: in-day re-plan request → preview through the host, {planned.Couriers.Count} couriers, {remaining} remaining stops, planner limit {limit} s, "
                + $"median of {runs}; load average {load} on {Environment.ProcessorCount} cores\n\n"
                + Results.Table(["case", "couriers", "remaining", "median", "min", "max", "moves", "target"],
                    [[$"replan{planned.Couriers.Count}x{remaining / Math.Max(1, planned.Couriers.Count)}", $"{planned.Couriers.Count}", $"{remaining}",
                        $"{Results.F(median)} s", $"{Results.F(wall[0])} s", $"{Results.F(wall[^1])} s", $"{preview.GetProperty("moves").GetArrayLength()}", "<= 5 s"]]);
            Results.Publish("replan", report, new Dictionary<string, object?>
            {
                ["request_to_preview_s"] = Math.Round(median, 2),
                ["couriers"] = planned.Couriers.Count,
                ["remaining_stops"] = remaining,
                ["moves"] = preview.GetProperty("moves").GetArrayLength(),
                ["limit_s"] = limit,
                ["load_average"] = load,
            });
            return 0;
        }
        finally
        {
            await using var drop = db.CreateCommand($"DROP SCHEMA IF EXISTS {schema} CASCADE");
            await drop.ExecuteNonQueryAsync();
        }
    }

    private static Dictionary<string, string> With(IReadOnlyDictionary<string, string> a, IReadOnlyDictionary<string, string> b) =>
        a.Concat(b).ToDictionary(kv => kv.Key, kv => kv.Value);
}
