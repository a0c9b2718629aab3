using System.Diagnostics;
using System.Globalization;
using Delivery.Benchmarks.Verbs.Pages;
using Delivery.Testing.Browser;
using Delivery.Tracking.Simulation;
using Npgsql;

namespace Delivery.Benchmarks.Verbs;

/// <summary>
/// <c>pages</c>: the web pages in headless Chromium through the real host on the <c>evening</c> verb's 1,000 Porto orders
/// and 40 couriers, imported, planned on the roads and published the evening before (host clock D−1 18:00), then a host on
/// the real clock on day D (today in Lisbon): street tiles cold and cached; the board (routes drawn, edits, JavaScript);
/// the courier app (JavaScript, cold start, offline reload, outbox drain); the customer's page (JavaScript before the
/// map, status and ETA under "Slow 4G").
/// </summary>
internal sealed class PagesVerb : IVerb
{
    public string Name => "pages";

    public string Summary => "the web pages in Chromium on the 1,000-order Porto evening: board, courier app, customer page [--orders --couriers --plan-seconds 20 --samples 5 --edits 40 --positions 5000 --events 50]";

    public async Task<int> RunAsync(string[] args)
    {
        var o = new Options(args);
        var (orders, couriers, planSeconds, samples) = (o.GetInt("orders", 1000), o.GetInt("couriers", 40), o.GetInt("plan-seconds", 20), o.GetInt("samples", 5));
        var (edits, positions, events, seed) = (o.GetInt("edits", 40), o.GetInt("positions", 5000), o.GetInt("events", 50), o.GetInt("seed", 2026));
        var roads = o.Get("schema") ?? "bench_porto";
        var (postgres, redis) = Environment.GetEnvironmentVariable("ConnectionStrings__Delivery") is { } pg
            && Environment.GetEnvironmentVariable("ConnectionStrings__Redis") is { } rd ? (pg, rd) : Services.Start();
        var cs = new NpgsqlConnectionStringBuilder(postgres) { CommandTimeout = 0 }.ConnectionString;
        await using var db = NpgsqlDataSource.Create(cs);
        await RoadBench.EnsureNetworkAsync(db, cs, roads, RoadBench.Extract(o.Get("pbf") ?? "porto_portugal.osm.pbf"));
        var rows = await EveningOrders.GenerateAsync(db, roads, orders, seed);
        // Vans just large enough that the evening needs every courier (the board at its stated size: 40 routes).
        var items = rows.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Sum(l => int.Parse(l.Split(',')[7], CultureInfo.InvariantCulture));
        var vanItems = o.GetInt("van-items", (int)Math.Ceiling(items / (couriers - 1.5)));
        var date = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, DayVerb.Zone).DateTime);
        var schema = "bench_pages_" + Guid.NewGuid().ToString("N")[..10];
        var settings = new Dictionary<string, string>
        {
            ["RoadNetwork:Schema"] = roads,
            ["Auth:TokenLifetimeHours"] = "720",
            ["CustomerPage:PermitsPerMinute"] = "10000",
            ["Serilog:MinimumLevel:Default"] = "Warning",
        };
        var loadStart = Results.LoadAverage();
        try
        {
            var evening = new SimulatedClock(DayVerb.Local(date.AddDays(-1), new TimeOnly(18, 0)), 1);
            Console.WriteLine($"evening host plans {orders} orders for {date:yyyy-MM-dd} with {couriers} couriers, vans of {vanItems} items ({planSeconds} s) ...");
            var planned = await DayVerb.PlanEveningAsync(postgres, redis, schema, evening.ToConfiguration().Concat(settings).ToDictionary(), rows, couriers, planSeconds, date, vanItems);
            Console.WriteLine($"published plan version {planned.VersionId}: {planned.Couriers.Count} routes, {planned.Unassigned} unassigned; day host starting ...");
            // With --demo again: a start without it disables the demo's users (the dispatcher the verb signs in as). The
            // demo's new evening job (the third) is let finish before anything is measured.
            await using var host = await ImportHost.StartAsync(postgres, redis, planSeconds, schema, settings, demo: true, keepSchema: false, build: false);
            await DayVerb.WaitForRoadsAsync(host.Client);
            try
            {
                await host.WaitForJobAsync(3);
            }
            catch (HttpRequestException)
            {
                // no third job: nothing to wait for
            }

            var watch = Stopwatch.StartNew();
            var stops = planned.Couriers.SelectMany(c => c.Route.Stops).Select(s => (s.Latitude, s.Longitude)).ToList();
            var tiles = await TileTimes.MeasureAsync(host.Client, stops);
            Console.WriteLine($"tiles: {tiles.Tiles} cold p50/p95 {tiles.Cold.P50P95(1)} ms, cached {tiles.Cached.P50P95(1)} ms");
            await using var chromium = await Chromium.LaunchAsync();
            var board = new BoardPage(chromium, host, planned.DepotId, BoardPage.Date(date));
            var navigation = await board.NavigateAsync(samples);
            Console.WriteLine($"board: routes drawn p50/p95 {navigation.Drawn.P50P95()} ms; JS {navigation.Js.Describe()}{Environment.NewLine}{navigation.Js.Listing}");
            navigation.Timelines.ForEach(t => Console.WriteLine("  board timeline (ms): " + t));
            var byStops = planned.Couriers.OrderByDescending(c => c.Route.Stops.Count).ToList();
            var courierPage = new CourierPage(chromium, host);
            var cold = await courierPage.ColdStartAsync(byStops[1].AccessToken, samples);
            Console.WriteLine($"courier: cold start p50/p95 {cold.Shown.P50P95()} ms; JS {cold.Js.Describe()}{Environment.NewLine}{cold.Js.Listing}");
            var drain = await courierPage.OfflineAndDrainAsync(byStops[0], samples, positions, events, db, schema);
            Console.WriteLine($"courier: offline reload p50/p95 {drain.OfflineReload.P50P95()} ms; drain {drain.DrainSeconds:F2} s");
            await using var schemaDb = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(cs) { SearchPath = schema + ",public" }.ConnectionString);
            var track = await new TrackPage(chromium, host, schemaDb).MeasureAsync(byStops[2], samples);
            Console.WriteLine($"track: JS before the map {track.BeforeMap.Describe()}; slow 4G p50/p95 {track.Slow4G.P50P95()} ms{Environment.NewLine}{track.All.Listing}");
            var edited = await board.EditAsync(planned.VersionId, edits);
            Console.WriteLine($"board edits: p50/p95 {edited.All.P50P95()} ms");
            var (text, result) = Report(new Figures(planned, tiles, navigation, edited, cold, drain, track, vanItems, loadStart, Results.LoadAverage(), watch.Elapsed.TotalSeconds));
            Results.Publish("pages", text, result);
            return 0;
        }
        finally
        {
            await using var drop = db.CreateCommand($"DROP SCHEMA IF EXISTS {schema} CASCADE");
            await drop.ExecuteNonQueryAsync();
        }
    }

    private sealed record Figures(
        DayVerb.Planned Planned, TileTimes.Result Tiles, BoardPage.Navigation Navigation, BoardPage.Edits Edits, CourierPage.ColdStart Cold,
        CourierPage.Drain Drain, TrackPage.Result Track, int VanItems, string LoadStart, string LoadEnd, double Seconds);

    private static (string, Dictionary<string, object?>) Report(Figures f)
    {
        static string Kb(long bytes) => Results.F(bytes / 1024.0, 1);
        static IReadOnlyList<string> Row(string figure, Samples s, string target, int decimals = 0) =>
            [figure, s.Count.ToString(CultureInfo.InvariantCulture), s.Count == 0 ? "-" : Results.F(s.P(0.5), decimals), s.Count == 0 ? "-" : Results.F(s.P(0.95), decimals), target];
        var d = f.Drain;
        var kinds = string.Join(", ", f.Edits.Kinds.Select(k => $"{k.Value} {k.Key}"));
        var table = Results.Table(["figure", "n", "p50", "p95", "target"],
        [
            Row($"board: navigation → routes drawn (ms; {f.Edits.Routes} routes, {f.Edits.Stops} stops)", f.Navigation.Drawn, "≤ 3000"),
            Row($"board: drag → re-timed result shown (ms; {kinds})", f.Edits.All, "p95 ≤ 250"),
            Row($"tiles cold: first request of each of {f.Tiles.Tiles} tiles, z12–15 (ms)", f.Tiles.Cold, "p95 ≤ 300", 1),
            Row("tiles cached: the same tiles again (ms)", f.Tiles.Cached, "p95 ≤ 50", 1),
            ["board: JavaScript transferred (KB)", "1", Kb(f.Navigation.Js.WireBytes), "", "≤ 600 gzip"],
            ["courier: app JavaScript transferred (KB)", "1", Kb(f.Cold.Js.WireBytes), "", "≤ 550 gzip"],
            Row("courier: cold start → route shown (ms)", f.Cold.Shown, "≤ 2000"),
            Row("courier: offline reload → route shown (ms)", d.OfflineReload, "≤ 1000"),
            [$"courier: outbox drain, {d.Positions:N0} positions + {d.Events} events queued (s)", "1", d.Stuck is null ? Results.F(d.DrainSeconds, 2) : "not drained", "", "all stored once"],
            ["  stored positions / distinct (device, seq)", "", $"{d.StoredPositions:N0} / {d.DistinctPositions:N0}", "", $"{d.Positions:N0}"],
            ["  stored tablet events / distinct", "", $"{d.StoredEvents} / {d.DistinctEvents}", "", $"{d.Events}"],
            ["track: JavaScript before the map (KB)", "1", Kb(f.Track.BeforeMap.WireBytes), "", "≤ 100 gzip"],
            ["track: JavaScript with the map (KB)", "1", Kb(f.Track.All.WireBytes), "", ""],
            Row("track: navigation → status and ETA, unthrottled (ms)", f.Track.Plain, ""),
            Row("track: navigation → status and ETA, Slow 4G (ms)", f.Track.Slow4G, "≤ 1500"),
        ]);
        var timeline = f.Navigation.Timelines.Count == 0 ? default : f.Navigation.Timelines.OrderBy(t => t.GetProperty("scripts").GetInt32()).ElementAt(f.Navigation.Timelines.Count / 2);
        string At(string name) => timeline.ValueKind == System.Text.Json.JsonValueKind.Object ? timeline.GetProperty(name).GetInt32().ToString(CultureInfo.InvariantCulture) : "-";
        var text = $"""
            Web pages in headless Chromium ({Chromium.ExecutablePath}) through the real host (Release, Kestrel on loopback), real PostgreSQL and Redis.
            Plan: {f.Planned.Couriers.Count} routes, {f.Planned.Unassigned} unassigned of the evening's orders, planned on Porto's roads, vans of {f.VanItems} items; published; day D today.
            JavaScript: bytes on the wire from the browser's network log (response bodies as sent; encodings: board {f.Navigation.Js.Encodings}, courier {f.Cold.Js.Encodings}, track {f.Track.All.Encodings}):
              board {f.Navigation.Js.Describe()}; courier {f.Cold.Js.Describe()};
              track before the map {f.Track.BeforeMap.Describe()}, in all {f.Track.All.Describe()}.
            Times in the browser (performance.now() from navigation start; an edit from the drop event to the dialog or toast showing the result).
            Board samples: fresh contexts (empty cache, signed in by cookie) at 1440×900, until the map has drawn route lines and stops.
            Courier: 1280×800, paired (device token stored); cold = fresh context, no service worker; offline reloads of one tablet; the drain runs from
            reconnecting until IndexedDB's outbox is empty (reconnect of the hub included), then PostgreSQL is counted.
            Track: the first stop of a started route (courier driving there, map shown), 390×844, phase "{f.Track.Phase}"; Slow 4G = Chrome DevTools' preset
            through CDP Network.emulateNetworkConditions: latency {TrackPage.Slow4G.LatencyMs} ms, download {TrackPage.Slow4G.DownBytesPerSecond:F0} B/s, upload {TrackPage.Slow4G.UpBytesPerSecond:F0} B/s, no CPU throttling.

            """ + table + $"""

            Board, where the time goes (median sample, ms from navigation start; responses' ends from Resource Timing): scripts {At("scripts")}, plan {At("plan")},
            route lines {At("geojson")}, map style {At("style")}, map ready (style loaded) p50 {f.Navigation.MapReady.P(0.5):F0}, routes drawn p50 {f.Navigation.Drawn.P(0.5):F0}.
            {(d.Stuck is null ? "" : "Outbox: " + d.Stuck + ".")}{(d.Refused.Count == 0 ? "" : $" Refused by the host: {d.Refused.Count} ({string.Join("; ", d.Refused.Take(3))}).")}
            Tiles: {f.Tiles.Bytes / 1024.0:F0} KB over {f.Tiles.Tiles} tiles; time to the last byte from a .NET client on loopback.
            Load average {f.LoadStart} at the start, {f.LoadEnd} at the end (2 cores shared with other work); measuring took {f.Seconds:F0} s.
            """;
        return (text, new Dictionary<string, object?>
        {
            ["board_routes_drawn_ms"] = f.Navigation.Drawn.Json(0),
            ["board_edit_ms"] = f.Edits.All.Json(0),
            ["board_routes"] = f.Edits.Routes,
            ["tile_cold_ms"] = f.Tiles.Cold.Json(1),
            ["tile_cached_ms"] = f.Tiles.Cached.Json(1),
            ["board_js_kb"] = Math.Round(f.Navigation.Js.WireBytes / 1024.0, 1),
            ["courier_js_kb"] = Math.Round(f.Cold.Js.WireBytes / 1024.0, 1),
            ["courier_cold_start_ms"] = f.Cold.Shown.Json(0),
            ["courier_offline_reload_ms"] = d.OfflineReload.Json(0),
            ["outbox_drain_s"] = d.Stuck is null ? Math.Round(d.DrainSeconds, 2) : null,
            ["outbox_positions_stored"] = d.StoredPositions,
            ["outbox_events_stored"] = d.StoredEvents,
            ["track_js_before_map_kb"] = Math.Round(f.Track.BeforeMap.WireBytes / 1024.0, 1),
            ["track_slow4g_ms"] = f.Track.Slow4G.Json(0),
            ["load_average"] = f.LoadEnd,
        });
    }
}
