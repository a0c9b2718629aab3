using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Delivery.Manifests.Codes;
using Delivery.Planner.Model;
using Delivery.Planner.Travel.Road;
using Delivery.Tracking.Hubs;
using Delivery.Tracking.Live;
using Delivery.Tracking.Routes;
using Delivery.Tracking.Simulation;
using Microsoft.AspNetCore.SignalR.Client;
using Npgsql;

namespace Delivery.Benchmarks.Verbs;

/// <summary>
/// <c>day</c>: the window-hit benchmark. The <c>evening</c> verb's 1,000 Porto orders and 40 couriers go through the
/// real host — imported, planned on the roads, published — on the evening before (host clock at D−1 18:00, real speed);
/// then a second host runs delivery day D on an accelerated <see cref="SimulatedClock"/> that the simulated fleet shares,
/// and the fleet drives the routes through the courier hub (<see cref="CourierDayGenerator"/>: real road paths,
/// ground-truth traffic, couriers and tablets as they are). A dispatcher follows the depot on the live hub; the dead
/// tablet's stops are entered from paper. Figures: window hits from the host's report and from the ground truth,
/// driven vs planned, at-risk alerts, ETA error, silent tablets, paper outcomes, wall time.
/// </summary>
internal sealed class DayVerb : IVerb
{
    internal static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Lisbon");

    public string Name => "day";

    public string Summary => "a simulated 1,000-order delivery day on Porto through the real host: window hits, alerts, ETA error [--orders --couriers --speed 100 --plan-seconds 60 --send-seconds 120 --eta-seconds 120 --startup-seconds 120 --seed --calibrate --slack 10 --margins 0,5,10,15]";

    /// <summary>A dispatcher for every depot, created on the evening host: the day host starts without the demo, whose users it disables.</summary>
    internal static readonly (string User, string Password) Dispatcher = ("bench-dispatcher", "bench-dispatcher-password");

    public async Task<int> RunAsync(string[] args)
    {
        var o = new Options(args);
        var orderCount = o.GetInt("orders", 1000);
        var seed = o.GetInt("seed", 2026);
        var roads = o.Get("schema") ?? "bench_porto";
        var total = Stopwatch.StartNew();
        var (postgres, redis) = Environment.GetEnvironmentVariable("ConnectionStrings__Delivery") is { } pg
            && Environment.GetEnvironmentVariable("ConnectionStrings__Redis") is { } rd ? (pg, rd) : Services.Start();
        var cs = new NpgsqlConnectionStringBuilder(postgres) { CommandTimeout = 0 }.ConnectionString;
        await using var db = NpgsqlDataSource.Create(cs);
        await RoadBench.EnsureNetworkAsync(db, cs, roads, RoadBench.Extract(o.Get("pbf") ?? "porto_portugal.osm.pbf"));
        var network = await RoadNetwork.LoadAsync(db, new RoadNetworkOptions { Schema = roads });
        var context = new DayContext(o, postgres, redis, db, network, roads);
        var rows = await EveningOrders.GenerateAsync(db, roads, orderCount, seed);
        if (!o.Has("calibrate") && o.Get("margins") is null)
        {
            var run = await RunDayAsync(context, seed, rows, null, o.GetDouble("slack", 0), learn: false, "day");
            var (text, result) = Report(o, run, total.Elapsed.TotalSeconds);
            Results.Publish("day", text, result);
            return 0;
        }
        // Day 1 with the default speeds; the day host's calibration job learns from its tracks; day 2 (new orders and
        // fleet seed, same ground truth) is planned by a host with that calibration version active.
        var day1 = await RunDayAsync(context, seed, rows, null, 0, learn: true, "day 1");
        var calibration = day1.Learned ?? throw new InvalidOperationException("day 1 learned no calibration");
        Console.WriteLine(DescribeCalibration(calibration));
        var rows2 = await EveningOrders.GenerateAsync(db, roads, orderCount, seed + 1);
        if (o.Get("margins") is { } margins)
        {
            // The curve margin → km → hit rate: day 2 planned with the calibration and each slack before the window end.
            var curve = new List<(double Slack, DayRun Run)>();
            foreach (var m in margins.Split(',').Select(x => double.Parse(x, CultureInfo.InvariantCulture)))
            {
                curve.Add((m, await RunDayAsync(context, seed + 1, rows2, calibration, m, learn: false, $"day 2, slack {m} min")));
            }
            var table = Results.Table(["slack before window end (min)", "km planned", "km driven", "routes", "hit rate (host)", "late", "early", "max / p95 lag (sim min)"],
                curve.Select(c => (IReadOnlyList<string>)[Results.F(c.Slack, 0), Results.F(c.Run.Planned.Km, 1), Results.F(c.Run.Figures.DrivenKm, 1),
                    c.Run.Planned.Couriers.Count.ToString(CultureInfo.InvariantCulture), Percent(HostHitRate(c.Run)), HostCount(c.Run, "late"), HostCount(c.Run, "early"),
                    $"{Results.F(c.Run.Fleet.MaxSendLag.TotalMinutes, 1)} / {Results.F(c.Run.Fleet.P95SendLag.TotalMinutes, 1)}"]));
            Results.Publish("day-margins",
                "DAY 1 (planned with the default free-flow speeds)\n" + Report(o, day1, double.NaN).Text + "\n\nCALIBRATION learned by the host from day 1's tracks\n"
                + DescribeCalibration(calibration) + "\n\nDAY 2 with the calibration, by robust-planning slack (margin → km → hit rate)\n" + table
                + $"\nLoad average at the end {Results.LoadAverage()}.",
                new Dictionary<string, object?>
                {
                    ["curve"] = curve.Select(c => new Dictionary<string, object?>
                    {
                        ["slack_min"] = c.Slack, ["km_planned"] = Math.Round(c.Run.Planned.Km, 1), ["km"] = Math.Round(c.Run.Figures.DrivenKm, 1),
                        ["hit_rate"] = Math.Round(HostHitRate(c.Run), 4), ["routes"] = c.Run.Planned.Couriers.Count,
                    }).ToList(),
                    ["hit_rate_day1"] = Math.Round(HostHitRate(day1), 4),
                    ["wall_s"] = Math.Round(total.Elapsed.TotalSeconds, 1),
                });
            return 0;
        }
        var day2 = await RunDayAsync(context, seed + 1, rows2, calibration, o.GetDouble("slack", 10), learn: false, "day 2");
        var (text1, result1) = Report(o, day1, double.NaN);
        var (text2, result2) = Report(o, day2, total.Elapsed.TotalSeconds);
        Results.Publish("day-calibrate",
            "DAY 1 (planned with the default free-flow speeds)\n" + text1 + "\n\nCALIBRATION learned by the host from day 1's tracks and events (version stored, then active for day 2)\n"
            + DescribeCalibration(calibration) + $"\n\nDAY 2 (new orders, same ground truth, planned with the calibration, time-of-day matrices, slack {day2.Slack} min before each window end)\n" + text2,
            new Dictionary<string, object?>
            {
                ["day1"] = result1,
                ["day2"] = result2,
                ["hit_rate"] = result2["hit_rate"],
                ["hit_rate_day1"] = result1["hit_rate"],
                ["late"] = result2["late"],
                ["early"] = result2["early"],
                ["alert_recall"] = result2["alert_recall"],
                ["alert_lead_min_p50"] = result2["alert_lead_min_p50"],
                ["eta_mae_30_s"] = result2["eta_mae_30_s"],
                ["km"] = result2["km"],
                ["km_day1"] = result1["km"],
                ["wall_s"] = result2["wall_s"],
                ["slack_min"] = day2.Slack,
            });
        return 0;
    }

    private static double HostHitRate(DayRun run) =>
        run.HostGroup.ValueKind == JsonValueKind.Object ? run.HostGroup.GetProperty("hitRate").GetDouble() : run.Figures.HitRate;

    private static string HostCount(DayRun run, string name) =>
        run.HostGroup.ValueKind == JsonValueKind.Object ? run.HostGroup.GetProperty(name).GetInt32().ToString(CultureInfo.InvariantCulture) : "-";

    private static string Percent(double v) => double.IsNaN(v) ? "-" : Results.F(100 * v, 1) + "%";

    /// <summary>A calibration version as the host's API answers it: factors with the data behind them, error before and after.</summary>
    private static string DescribeCalibration(JsonElement c)
    {
        var speeds = Results.Table(["group", "band", "speed factor", "legs", "calibrated"], c.GetProperty("speedFactors").EnumerateArray().Select(f => (IReadOnlyList<string>)
            [f.GetProperty("group").GetString()!, $"{f.GetProperty("from").GetString()![..5]}-{f.GetProperty("to").GetString()![..5]}", Results.F(f.GetProperty("factor").GetDouble(), 3),
                f.GetProperty("legs").GetInt32().ToString(CultureInfo.InvariantCulture), f.GetProperty("calibrated").GetBoolean() ? "yes" : "no (too few legs)"]));
        var services = Results.Table(["kind of stop", "service factor", "stops"], c.GetProperty("serviceFactors").EnumerateArray().Select(f => (IReadOnlyList<string>)
            [f.GetProperty("class").GetString()!, Results.F(f.GetProperty("factor").GetDouble(), 3), f.GetProperty("stops").GetInt32().ToString(CultureInfo.InvariantCulture)]));
        static string Error(JsonElement e) =>
            $"legs {e.GetProperty("legs").GetInt32()}: MAE {Results.F(e.GetProperty("legMaeSeconds").GetDouble(), 0)} s, bias {Results.F(e.GetProperty("legBiasSeconds").GetDouble(), 0)} s; "
            + $"stops {e.GetProperty("stops").GetInt32()}: MAE {Results.F(e.GetProperty("serviceMaeSeconds").GetDouble(), 0)} s, bias {Results.F(e.GetProperty("serviceBiasSeconds").GetDouble(), 0)} s";
        return $"version {c.GetProperty("version").GetInt32()} ({c.GetProperty("trigger").GetString()}, data {c.GetProperty("dataFrom").GetString()}..{c.GetProperty("dataTo").GetString()})\n"
            + speeds + services + $"depot service factor {Results.F(c.GetProperty("depotServiceFactor").GetDouble(), 3)}\n"
            + "error before (free flow, planned service): " + Error(c.GetProperty("errorBefore")) + "\n"
            + "error after (this version):                " + Error(c.GetProperty("errorAfter"));
    }

    private sealed record DayContext(Options Options, string Postgres, string Redis, NpgsqlDataSource Db, RoadNetwork Network, string Roads);

    /// <summary>One simulated day: the plan, the ground truth, what the host and the dispatcher saw, and the recorded tracks.</summary>
    private sealed record DayRun(
        Planned Planned, IReadOnlyList<CourierDay> Days, DayFigures Figures, DayFleetResult Fleet, JsonElement HostGroup, int Paper, LiveRecord Live,
        double FleetWall, double Speed, string LoadStart, string LoadEnd, GroundTruthTraffic Traffic, JsonElement? Calibration, JsonElement? Learned, double Slack);

    /// <summary>
    /// One day in its own schema. With <paramref name="calibration"/> (a version another day's host learned) the version
    /// is stored active in this day's database before the evening plan, so the planner and the ETAs use it; with
    /// <paramref name="learn"/> the day host's calibration job learns from the day's tracks afterwards.
    /// </summary>
    private static async Task<DayRun> RunDayAsync(DayContext c, int seed, string rows, JsonElement? calibration, double slack, bool learn, string label)
    {
        var o = c.Options;
        var courierCount = o.GetInt("couriers", 40);
        var speed = o.GetDouble("speed", 100);
        var planSeconds = o.GetInt("plan-seconds", 60);
        var date = DateOnly.ParseExact(o.Get("date") ?? "2026-12-02", "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var schema = "bench_day_" + Guid.NewGuid().ToString("N")[..10];
        var settings = new Dictionary<string, string>
        {
            ["RoadNetwork:Schema"] = c.Roads,
            ["Auth:TokenLifetimeHours"] = "720",
            ["Tracking:EtaRecomputeSeconds"] = o.Get("eta-seconds") ?? "120",
            ["Tracking:RouteCacheSeconds"] = "3600",
            ["Serilog:MinimumLevel:Default"] = "Warning",
        };
        if (slack > 0)
        {
            settings["Planning:WindowSlackMinutes"] = slack.ToString(CultureInfo.InvariantCulture);
        }
        Func<long, Task>? beforePlan = calibration is { } version ? depotId => StoreCalibrationAsync(c.Db, schema, depotId, version) : null;
        try
        {
            // The evening before: plan and publish through the host, its clock on D−1 18:00 (before the cut-off).
            var evening = new SimulatedClock(Local(date.AddDays(-1), new TimeOnly(18, 0)), 1);
            Console.WriteLine($"{label}: evening host plans {rows.Count(ch => ch == '\n') - 1} orders for {date:yyyy-MM-dd} with {courierCount} couriers ({planSeconds} s) ...");
            var planned = await PlanEveningAsync(c.Postgres, c.Redis, schema, Merge(settings, evening.ToConfiguration()), rows, courierCount, planSeconds, date,
                beforePlan: beforePlan);
            Console.WriteLine($"published plan version {planned.VersionId}: {planned.Couriers.Count} routes, {planned.Km:F1} km, {planned.TravelHours:F1} h driving planned");

            // The day: a second host on the accelerated clock the fleet shares. The acceleration starts once the host is
            // surely up (before that the clock runs at real speed towards it).
            var first = planned.Couriers.Min(r => r.Route.PlannedStartUtc);
            var startup = TimeSpan.FromSeconds(o.GetInt("startup-seconds", 120));
            var clock = new SimulatedClock(first - TimeSpan.FromMinutes(10), speed, DateTimeOffset.UtcNow + startup);
            var options = new DaySimulationOptions { Seed = seed, SendInterval = TimeSpan.FromSeconds(o.GetInt("send-seconds", 120)) };
            // The ground truth's profile is the same every day; the incidents follow the day's seed.
            var traffic = GroundTruthTraffic.Generate(seed, Zone, date,
                planned.Couriers.SelectMany(r => r.Route.Stops).Select(s => Location.FromLatLon(s.Latitude, s.Longitude)).ToList(), options.Incidents);
            var generate = Stopwatch.StartNew();
            var days = new CourierDayGenerator(new NetworkRoadPaths(c.Network), traffic, options).Generate(planned.Couriers);
            Console.WriteLine($"generated the day in {generate.Elapsed.TotalSeconds:F1} s: {days.Sum(d => d.Fixes.Count):N0} fixes, {days.Sum(d => d.Events.Count):N0} events, "
                + $"first start {Clock(days.Min(d => d.Start))}, last return {Clock(days.Max(d => d.End))}");
            // Without the demo (it would plan another evening while the day runs): the demo's users are disabled then, so
            // the dispatcher the evening host created signs in.
            await using var host = await ImportHost.StartAsync(c.Postgres, c.Redis, planSeconds, schema,
                Merge(settings, clock.ToConfiguration()), demo: false, keepSchema: true, build: false, signIn: Dispatcher);
            await WaitForRoadsAsync(host.Client);
            var late = clock.GetUtcNow() - clock.Start;
            if (late > TimeSpan.Zero)
            {
                Console.WriteLine($"warning: the day host was ready {late.TotalMinutes:F0} simulated minutes after the day's clock started (raise --startup-seconds)");
            }
            var live = new LiveRecord();
            await using var dispatcher = TrackingHubConnection.Build(new Uri(host.Address, "/hubs/live"), host.Token, HubWireProtocol.MessagePack);
            dispatcher.On<StopEtaUpdate>("Eta", u => live.Eta(clock.GetUtcNow(), u.StopId, u.Eta));
            dispatcher.On<WindowAlert>("WindowAtRisk", a => live.Alert(clock.GetUtcNow(), a.StopId, true));
            dispatcher.On<WindowAlert>("WindowRecovered", a => live.Alert(clock.GetUtcNow(), a.StopId, false));
            dispatcher.On<SilentTabletAlert>("TabletSilent", a => live.TabletSilent(clock.GetUtcNow(), a.CourierId));
            await dispatcher.StartAsync();
            await dispatcher.InvokeAsync<DepotSnapshot>("JoinDepot", planned.DepotId.ToString(CultureInfo.InvariantCulture));
            Console.WriteLine($"day host up; simulated clock at {Clock(clock.GetUtcNow())} local, ×{speed}; driving ...");

            var wall = Stopwatch.StartNew();
            var loadStart = File.ReadAllText("/proc/loadavg").Split(' ')[0];
            using var progress = new Timer(_ => Console.WriteLine($"  {Clock(clock.GetUtcNow())} simulated, {wall.Elapsed.TotalSeconds:F0} s wall"), null, TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(60));
            var fleet = await new DayFleet(new Uri(host.Address, "/hubs/courier"), clock, options).RunAsync(days);
            // Let the host's silent-tablet check see the end of the dead tablet's silence and the last events land.
            var end = days.Max(d => d.End) + TimeSpan.FromMinutes(2);
            if (end > clock.GetUtcNow())
            {
                await Task.Delay(end - clock.GetUtcNow(), clock);
            }
            var fleetWall = wall.Elapsed.TotalSeconds;
            foreach (var reason in fleet.RejectionSamples)
            {
                Console.WriteLine("  refused by the host: " + reason);
            }
            var paper = await EnterPaperAsync(host.Client, days);
            var report = await host.Client.GetFromJsonAsync<JsonElement>(
                $"/api/v1/analytics/window-hits?from={date:yyyy-MM-dd}&to={date:yyyy-MM-dd}&timeZone=Europe/Lisbon");
            var depotGroup = report.GetProperty("byDepot").EnumerateArray()
                .FirstOrDefault(g => g.GetProperty("key").GetString() == planned.DepotId.ToString(CultureInfo.InvariantCulture));
            var loadEnd = File.ReadAllText("/proc/loadavg").Split(' ')[0];
            if (fleet.P95SendLag > TimeSpan.FromMinutes(5))
            {
                Console.WriteLine($"warning: the fleet ran {fleet.P95SendLag.TotalMinutes:F0} simulated minutes behind the clock (p95; max {fleet.MaxSendLag.TotalMinutes:F0}): "
                    + $"the figures were taken under load; a lower --speed (e.g. {Math.Max(1, speed / 2):F0}) or a smaller day (--orders, --couriers) lets the host follow");
            }
            JsonElement? learned = null;
            if (learn)
            {
                // The host's calibration job over the day's tracks: stored as the depot's first version.
                learned = await Json(await host.Client.PostAsync($"/api/v1/depots/{planned.DepotId}/calibrations?from={date:yyyy-MM-dd}&to={date:yyyy-MM-dd}", null));
            }
            return new DayRun(planned, days, DayFigures.Compute(days, live), fleet, depotGroup, paper, live, fleetWall, speed, loadStart, loadEnd, traffic,
                calibration, learned, slack);
        }
        finally
        {
            await using var drop = c.Db.CreateCommand($"DROP SCHEMA IF EXISTS {schema} CASCADE");
            await drop.ExecuteNonQueryAsync();
        }
    }

    internal sealed record Planned(long DepotId, long VersionId, double Km, double TravelHours, int Unassigned, IReadOnlyList<SimulatedCourier> Couriers);

    /// <summary>
    /// Depot, fleet, shifts, orders, plan job, publication, a tablet per route and the routes as the tablets read them;
    /// each van carries <paramref name="vanItems"/> items.
    /// </summary>
    internal static async Task<Planned> PlanEveningAsync(
        string postgres, string redis, string schema, IReadOnlyDictionary<string, string> settings, string rows, int couriers, int planSeconds, DateOnly date,
        int vanItems = 80, Func<long, Task>? beforePlan = null)
    {
        await using var host = await ImportHost.StartAsync(postgres, redis, planSeconds, schema, settings, demo: true, keepSchema: true, build: true);
        var api = host.Client;
        await WaitForRoadsAsync(api);
        await host.WaitForJobAsync(1); // the demo's own evening: let it finish so it does not compete for the CPU
        using (var admin = new HttpClient { BaseAddress = host.Address })
        {
            admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await host.SignInAsync("admin", "admin-password"));
            var created = await admin.PostAsJsonAsync("/api/v1/users", new
            {
                userName = Dispatcher.User, displayName = "Benchmark dispatcher", role = "dispatcher", password = Dispatcher.Password, allDepots = true,
            });
            if (!created.IsSuccessStatusCode && created.StatusCode != System.Net.HttpStatusCode.Conflict)
            {
                throw new InvalidOperationException($"creating the benchmark dispatcher failed: {(int)created.StatusCode} {await created.Content.ReadAsStringAsync()}");
            }
        }
        var day = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var depot = await Json(await api.PostAsJsonAsync("/api/v1/depots", new
        {
            code = "porto-day", name = "Porto (day benchmark)", address = "Praça da Batalha, Porto", latitude = 41.1579, longitude = -8.6291, timeZone = Zone.Id,
        }));
        var depotId = depot.GetProperty("id").GetInt64();
        var courierIds = new List<long>();
        for (var i = 0; i < couriers; i++)
        {
            var vehicle = await Json(await api.PostAsJsonAsync($"/api/v1/depots/{depotId}/vehicles",
                new { code = $"van-{i + 1:D2}", capacity = new { weightGrams = 250_000, volumeCm3 = 1_500_000, items = vanItems }, skills = Array.Empty<string>() }));
            var courier = await Json(await api.PostAsJsonAsync($"/api/v1/depots/{depotId}/couriers", new { name = $"Courier {i + 1:D2}" }));
            courierIds.Add(courier.GetProperty("id").GetInt64());
            await Json(await api.PutAsJsonAsync($"/api/v1/couriers/{courierIds[^1]}/shifts/{day}",
                new { vehicleId = vehicle.GetProperty("id").GetInt64(), start = "07:30", end = "20:30" }));
        }
        var import = await Json(await api.PostAsync($"/api/v1/depots/{depotId}/orders/import?date={day}", new StringContent(HostCsv(rows), Encoding.UTF8, "text/csv")));
        Console.WriteLine($"imported {import.GetProperty("created").GetInt32()} orders");
        if (beforePlan is not null)
        {
            await beforePlan(depotId);
        }
        var job = await Json(await api.PostAsync($"/api/v1/depots/{depotId}/plans?date={day}", null));
        var done = await host.WaitForJobAsync(job.GetProperty("id").GetInt64());
        var versionId = done.GetProperty("resultVersionId").GetInt64();
        await Json(await api.PostAsync($"/api/v1/plan-versions/{versionId}/publish", null));
        var plan = await api.GetFromJsonAsync<JsonElement>($"/api/v1/plan-versions/{versionId}");
        var totals = plan.GetProperty("totals");
        var routed = plan.GetProperty("routes").EnumerateArray().Where(r => r.GetProperty("stops").GetArrayLength() > 0)
            .Select(r => r.GetProperty("courierId").GetInt64()).ToList();
        var simulated = new List<SimulatedCourier>();
        foreach (var courierId in routed)
        {
            var device = await Json(await api.PostAsJsonAsync($"/api/v1/couriers/{courierId}/devices", new { name = "simulated tablet" }));
            var token = device.GetProperty("token").GetString()!;
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/courier/route?date={day}");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            var route = await Json(await api.SendAsync(request));
            simulated.Add(new SimulatedCourier(courierId.ToString(CultureInfo.InvariantCulture),
                device.GetProperty("deviceId").GetInt64().ToString(CultureInfo.InvariantCulture), token, ToPublished(route, depotId, date)));
        }
        return new Planned(depotId, versionId, totals.GetProperty("distanceKm").GetDouble(), totals.GetProperty("travelHours").GetDouble(),
            totals.GetProperty("unassigned").GetInt32(), simulated);
    }

    /// <summary>
    /// Carries a calibration version learned in another day's database into <paramref name="schema"/> as the depot's
    /// active version (each day runs in a schema of its own; this is the one step a real depot does not need).
    /// </summary>
    private static async Task StoreCalibrationAsync(NpgsqlDataSource db, string schema, long depotId, JsonElement c)
    {
        await using var cmd = db.CreateCommand($"""
            INSERT INTO {schema}.calibration_versions (depot_id, version, created_at, created_by, trigger, data_from, data_to, legs, stops,
                speed_factors, service_factors, depot_service_factor, error_before, error_after, active, activated_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::jsonb, $11::jsonb, $12, $13::jsonb, $14::jsonb, true, $3)
            """);
        object[] values =
        [
            depotId, c.GetProperty("version").GetInt32(), c.GetProperty("createdAt").GetDateTimeOffset(), c.GetProperty("createdBy").GetString()!,
            c.GetProperty("trigger").GetString()!, DateOnly.Parse(c.GetProperty("dataFrom").GetString()!, CultureInfo.InvariantCulture),
            DateOnly.Parse(c.GetProperty("dataTo").GetString()!, CultureInfo.InvariantCulture), c.GetProperty("legs").GetInt32(), c.GetProperty("stops").GetInt32(),
            c.GetProperty("speedFactors").GetRawText(), c.GetProperty("serviceFactors").GetRawText(), c.GetProperty("depotServiceFactor").GetDouble(),
            c.GetProperty("errorBefore").GetRawText(), c.GetProperty("errorAfter").GetRawText(),
        ];
        foreach (var v in values)
        {
            cmd.Parameters.Add(new NpgsqlParameter { Value = v });
        }
        await cmd.ExecuteNonQueryAsync();
    }

    /// <summary>The route as a tablet reads it (<c>GET /api/v1/courier/route</c>), as tracking's published route.</summary>
    private static PublishedRoute ToPublished(JsonElement response, long depotId, DateOnly date)
    {
        var route = response.GetProperty("route");
        var stops = route.GetProperty("stops").EnumerateArray().Select(s =>
        {
            var id = s.GetProperty("orderId").GetInt64().ToString(CultureInfo.InvariantCulture);
            var service = (s.GetProperty("plannedDeparture").GetDateTimeOffset() - s.GetProperty("plannedServiceStart").GetDateTimeOffset()).TotalSeconds;
            return new PublishedStop(id, id, s.GetProperty("sequence").GetInt32(), s.GetProperty("latitude").GetDouble(), s.GetProperty("longitude").GetDouble(),
                Instant(s, "windowStart"), Instant(s, "windowEnd"), (int)Math.Round(service), StopStatus.Open, []);
        }).ToList();
        return new PublishedRoute(route.GetProperty("routeId").GetInt64().ToString(CultureInfo.InvariantCulture), response.GetProperty("versionNumber").GetInt32(),
            route.GetProperty("courierId").GetInt64().ToString(CultureInfo.InvariantCulture), depotId.ToString(CultureInfo.InvariantCulture), date,
            41.1579, -8.6291, route.GetProperty("startAt").GetDateTimeOffset(), stops);
    }

    private static DateTimeOffset? Instant(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetDateTimeOffset() : null;

    /// <summary>The evening rows (seconds since midnight, service seconds) as the shop CSV the host imports.</summary>
    private static string HostCsv(string rows)
    {
        var sb = new StringBuilder("shop_order_id,customer_name,address,lat,lon,window_start,window_end,weight_g,volume_cm3,parcels,items,service_min\n");
        foreach (var line in rows.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1))
        {
            var f = line.Split(',');
            static string Hm(string seconds) => TimeOnly.FromTimeSpan(TimeSpan.FromSeconds(long.Parse(seconds, CultureInfo.InvariantCulture))).ToString("HH:mm", CultureInfo.InvariantCulture);
            var service = double.Parse(f[8], CultureInfo.InvariantCulture) / 60;
            sb.Append(CultureInfo.InvariantCulture, $"{f[0]},Customer {f[0]},\"Rua {f[0]}, Porto\",{f[1]},{f[2]},{Hm(f[3])},{Hm(f[4])},{f[5]},{f[6]},{f[7]},\"Parcel x {f[7]} @ 10.00\",{service:F1}\n");
        }
        return sb.ToString();
    }

    /// <summary>The dead tablets' stops, entered from the paper manifests by stop code; returns how many were recorded.</summary>
    private static async Task<int> EnterPaperAsync(HttpClient api, IReadOnlyList<CourierDay> days)
    {
        var recorded = 0;
        foreach (var d in days.Where(d => d.Stops.Any(s => s.OnPaper)))
        {
            var routeId = long.Parse(d.Courier.Route.RouteId, CultureInfo.InvariantCulture);
            var entries = d.Stops.Where(s => s.OnPaper).Select(s => new
            {
                stopCode = new StopCode(routeId, d.Courier.Route.PlanVersion, s.Sequence).ToString(),
                outcome = s.Outcome,
                reason = s.Outcome == "failed" ? "not home" : null,
                handoverAt = s.HandoverAt,
            }).ToList();
            var response = await api.PostAsJsonAsync($"/api/v1/paper-outcomes?routeId={routeId}", entries);
            var text = await response.Content.ReadAsStringAsync();
            if (!response.IsSuccessStatusCode)
            {
                Console.Error.WriteLine($"paper outcomes of route {routeId}: {(int)response.StatusCode} {text}");
            }
            var body = JsonDocument.Parse(text).RootElement;
            var results = body.ValueKind == JsonValueKind.Array ? body : body.TryGetProperty("results", out var r) ? r : default;
            recorded += results.ValueKind == JsonValueKind.Array ? results.EnumerateArray().Count(x => x.GetProperty("recorded").GetBoolean()) : 0;
        }
        return recorded;
    }

    /// <summary>Waits until the host's road network is loaded (plans on road times, street tiles).</summary>
    internal static async Task WaitForRoadsAsync(HttpClient api)
    {
        for (var i = 0; ; i++)
        {
            var info = await api.GetFromJsonAsync<JsonElement>("/api/v1/road-network");
            var status = info.GetProperty("status").GetString();
            if (status == "Loaded")
            {
                return;
            }
            if (status is "Missing" or "Failed" || i > 600)
            {
                throw new InvalidOperationException($"the host's road network is {status}: {info}");
            }
            await Task.Delay(500);
        }
    }

    private static (string Text, Dictionary<string, object?> Result) Report(Options o, DayRun run, double totalWall)
    {
        var (planned, days, f, fleet, host, paper, live) = (run.Planned, run.Days, run.Figures, run.Fleet, run.HostGroup, run.Paper, run.Live);
        var (fleetWall, speed, loadStart, loadEnd, traffic) = (run.FleetWall, run.Speed, run.LoadStart, run.LoadEnd, run.Traffic);
        static string P(double v) => double.IsNaN(v) ? "-" : Results.F(100 * v, 1) + "%";
        static string M(double v) => double.IsNaN(v) ? "-" : Results.F(v, 1);
        double HostDouble(string name) => host.ValueKind == JsonValueKind.Object ? host.GetProperty(name).GetDouble() : double.NaN;
        int HostInt(string name) => host.ValueKind == JsonValueKind.Object ? host.GetProperty(name).GetInt32() : -1;
        var silentCouriers = live.Silent.Select(s => s.CourierId).Distinct().Count();
        var truthDead = days.Count(d => d.TabletDiedAt is not null);
        var table = Results.Table(["figure", "value", "target / note"],
        [
            ["window-hit rate (host report)", P(HostDouble("hitRate")), "≥ 99% (day 2, calibrated)"],
            ["  attempted / hits / early / late (host)", $"{HostInt("attempted")} / {HostInt("hits")} / {HostInt("early")} / {HostInt("late")}", ""],
            ["  early, late: mean minutes (host)", $"{M(HostDouble("avgEarlyMinutes"))}, {M(HostDouble("avgLateMinutes"))}", ""],
            ["window-hit rate (ground truth)", P(f.HitRate), $"{f.Stops} stops, {f.Failed} failed at the door"],
            ["  hits / early / late (truth)", $"{f.Hits} / {f.Early} / {f.Late}", ""],
            ["  early, late: mean minutes (truth)", $"{M(f.EarlyMinutesAvg)}, {M(f.LateMinutesAvg)}", ""],
            ["km driven / planned", $"{Results.F(f.DrivenKm, 1)} / {Results.F(planned.Km, 1)}", ""],
            ["hours driven / planned", $"{Results.F(f.DrivenHours, 1)} / {Results.F(planned.TravelHours, 1)}", $"waiting for windows {Results.F(f.WaitedHours, 1)} h"],
            ["at-risk recall (late alerted before window end)", P(f.AlertRecall), $"≥ 90%; {f.LateAlerted} of {f.LateStops}"],
            ["  lead time median / p10 (min)", $"{M(f.LeadP50)} / {M(f.LeadP10)}", "median ≥ 20"],
            ["  false alerts (alerted, not late)", P(f.FalseAlertShare), $"{f.FalseAlerts} of {f.AlertedStops} alerted stops"],
            .. new[] { 60, 30, 10 }.Select(h => (IReadOnlyList<string>)[$"ETA error {h} min before arrival: MAE / p90 (min)",
                $"{M(f.EtaError[h].MaeS / 60)} / {M(f.EtaError[h].P90S / 60)}", $"n={f.EtaError[h].N}, bias {M(f.EtaError[h].BiasS / 60)} min{(h == 30 ? "; MAE ≤ 4" : "")}"]),
            ["silent-tablet alerts / couriers", $"{live.Silent.Count} / {silentCouriers}", $"{truthDead} tablet(s) died, {days.Sum(d => d.Offline.Count(x => x.To - x.From > TimeSpan.FromMinutes(10)))} offline > 10 min"],
            ["paper outcomes recorded / stops on paper", $"{paper} / {f.PaperStops}", ""],
            ["fixes / events acknowledged", $"{fleet.PositionsAcked:N0} / {fleet.EventsAcked:N0}", $"{fleet.Rejected} rejected, {fleet.Reconnects} reconnects"],
            ["send lag behind the clock: max / p95 (simulated min)", $"{Results.F(fleet.MaxSendLag.TotalMinutes, 1)} / {Results.F(fleet.P95SendLag.TotalMinutes, 1)}",
                fleet.P95SendLag > TimeSpan.FromMinutes(5) ? "TAKEN UNDER LOAD: the host did not follow the clock; lower --speed" : "the host followed the clock"],
            ["simulated day wall time (s)", Results.F(fleetWall, 1), $"≤ 600; clock ×{speed}"],
            ["whole verb wall time (s)", double.IsNaN(totalWall) ? "-" : Results.F(totalWall, 1), "evening host, plan, day host, day"],
        ]);
        var text = $"""
            Simulated delivery day on Porto: {o.GetInt("orders", 1000)} orders, {planned.Couriers.Count} routes (plan version {planned.VersionId}, {planned.Unassigned} unassigned),
            planned by the host on {(run.Calibration is null ? "the road network's free-flow times" : "its active calibration version (time-of-day matrices, service factors)")}{(run.Slack > 0 ? $", {run.Slack} min slack before each window end" : "")}; driven on ground-truth traffic (rush hours, per-leg noise, {traffic.Incidents.Count} incidents),
            with late starts, parking and walking, service tails by address kind, not-at-home, waits for windows, breaks; tablets with
            jitter, canyons, drop-outs, lost connections and {days.Count(d => d.TabletDiedAt is not null)} dead tablet(s) finished on paper.

            """ + table + $"""

            Load average {loadStart} at the start of the day, {loadEnd} at the end (2 cores shared with other work).
            """;
        return (text, new Dictionary<string, object?>
        {
            ["hit_rate"] = Math.Round(host.ValueKind == JsonValueKind.Object ? HostDouble("hitRate") : f.HitRate, 4),
            ["hit_rate_truth"] = Math.Round(f.HitRate, 4),
            ["late"] = host.ValueKind == JsonValueKind.Object ? HostInt("late") : f.Late,
            ["early"] = host.ValueKind == JsonValueKind.Object ? HostInt("early") : f.Early,
            ["late_min_avg"] = Math.Round(f.LateMinutesAvg, 1),
            ["alert_recall"] = Math.Round(f.AlertRecall, 3),
            ["alert_lead_min_p50"] = Round(f.LeadP50),
            ["alert_lead_min_p10"] = Round(f.LeadP10),
            ["false_alert_share"] = Math.Round(f.FalseAlertShare, 3),
            ["eta_mae_60_s"] = Round(f.EtaError[60].MaeS),
            ["eta_mae_30_s"] = Round(f.EtaError[30].MaeS),
            ["eta_mae_10_s"] = Round(f.EtaError[10].MaeS),
            ["eta_p90_30_s"] = Round(f.EtaError[30].P90S),
            ["km"] = Math.Round(f.DrivenKm, 1),
            ["km_planned"] = Math.Round(planned.Km, 1),
            ["hours_driven"] = Math.Round(f.DrivenHours, 2),
            ["hours_planned"] = Math.Round(planned.TravelHours, 2),
            ["silent_alerts"] = live.Silent.Count,
            ["paper_outcomes"] = paper,
            ["wall_s"] = Math.Round(fleetWall, 1),
            ["total_wall_s"] = double.IsNaN(totalWall) ? null : Math.Round(totalWall, 1),
            ["speed"] = speed,
            ["max_send_lag_min"] = Math.Round(fleet.MaxSendLag.TotalMinutes, 1),
            ["p95_send_lag_min"] = Math.Round(fleet.P95SendLag.TotalMinutes, 1),
            ["slack_min"] = run.Slack,
            ["rejected"] = fleet.Rejected,
        });
    }

    private static double? Round(double v) => double.IsNaN(v) ? null : Math.Round(v, 1);

    private static IReadOnlyDictionary<string, string> Merge(IReadOnlyDictionary<string, string> a, IReadOnlyDictionary<string, string> b) =>
        a.Concat(b).ToDictionary(kv => kv.Key, kv => kv.Value);

    internal static DateTimeOffset Local(DateOnly date, TimeOnly time)
    {
        var local = date.ToDateTime(time);
        return new DateTimeOffset(local, Zone.GetUtcOffset(local));
    }

    private static string Clock(DateTimeOffset t) => TimeZoneInfo.ConvertTime(t, Zone).ToString("HH:mm", CultureInfo.InvariantCulture);

    private static Task<JsonElement> Json(HttpResponseMessage response) => ImportVerb.Json(response);
}
