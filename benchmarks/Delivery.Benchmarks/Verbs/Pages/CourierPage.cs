using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Delivery.Testing.Browser;
using Delivery.Tracking.Simulation;
using Microsoft.Playwright;
using Npgsql;

namespace Delivery.Benchmarks.Verbs.Pages;

/// <summary>
/// The courier's tablet app (1280×800) on a paired tablet (its device token in the page's storage, as pairing leaves it):
/// cold start with nothing cached, reload with no network (service worker and IndexedDB), and the outbox drain of a
/// long offline stretch (positions and stop events queued in IndexedDB, as the app queues them) after reconnecting.
/// </summary>
internal sealed class CourierPage(Chromium chromium, ImportHost host)
{
    /// <summary>performance.now() once the route list is on screen.</summary>
    private const string RouteShown = "() => document.querySelector('#route-title') && document.querySelectorAll('main ol > li').length > 0 ? performance.now() : null";

    /// <summary>Positions and events still queued in the app's outbox; refused events (kept with the reason) apart.</summary>
    private const string CountOutbox = """
        async () => {
          const db = await new Promise((ok, fail) => { const r = indexedDB.open('delivery-courier'); r.onsuccess = () => ok(r.result); r.onerror = () => fail(r.error); });
          const read = (store, all) => new Promise((ok, fail) => {
            const s = db.transaction(store).objectStore(store); const r = all ? s.getAll() : s.count();
            r.onsuccess = () => ok(r.result); r.onerror = () => fail(r.error);
          });
          const events = await read('events', true);
          const n = { positions: await read('positions', false), events: events.filter((e) => !e.rejected).length,
            rejected: events.filter((e) => e.rejected).map((e) => e.report.kind + ' ' + e.report.stopId + ': ' + e.rejected.field + ' ' + e.rejected.reason) };
          db.close();
          return n;
        }
        """;

    /// <summary>Writes rows into the app's outbox stores exactly as its outbox (courier/src/features/outbox/db.ts) stores them.</summary>
    private const string Enqueue = """
        async ({ positions, events }) => {
          const db = await new Promise((ok, fail) => { const r = indexedDB.open('delivery-courier'); r.onsuccess = () => ok(r.result); r.onerror = () => fail(r.error); });
          await new Promise((ok, fail) => {
            const tx = db.transaction(['positions', 'events'], 'readwrite');
            const p = tx.objectStore('positions');
            for (const report of positions) p.add({ report });
            const e = tx.objectStore('events');
            const now = Date.now();
            for (const report of events) e.add({ report, createdAt: now, notBefore: 0, rejected: null, total: null });
            tx.oncomplete = () => ok(); tx.onerror = () => fail(tx.error);
          });
          db.close();
        }
        """;

    public sealed record ColdStart(Samples Shown, JsTransfer Js);

    /// <summary>Opens the app in fresh contexts (no cache, no service worker yet) until the route is shown.</summary>
    public async Task<ColdStart> ColdStartAsync(string token, int samples)
    {
        var shown = new Samples("courier cold start");
        JsTransfer? js = null;
        for (var i = 0; i < samples; i++)
        {
            await using var context = await TabletAsync(token);
            var log = NetworkLog.Attach(context);
            var page = await context.NewPageAsync();
            await page.GotoAsync("/courier/", new() { WaitUntil = WaitUntilState.Commit });
            shown.Add(await (await page.WaitForFunctionAsync(RouteShown, null, new() { Timeout = 60_000 })).JsonValueAsync<double>());
            if (js is null)
            {
                await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
                js = await log.JavaScriptAsync();
            }
        }
        return new ColdStart(shown, js!);
    }

    public sealed record Drain(
        Samples OfflineReload, int Positions, int Events, double DrainSeconds, long StoredPositions, long DistinctPositions, long StoredEvents, long DistinctEvents,
        IReadOnlyList<string> Refused, string? Stuck);

    /// <summary>
    /// One tablet: opened online (service worker installed, route kept), reloaded offline <paramref name="samples"/>
    /// times; then online, offline again with <paramref name="positions"/> fixes and stop events queued, and online:
    /// the time until the outbox is empty, and what PostgreSQL holds for the courier.
    /// </summary>
    public async Task<Drain> OfflineAndDrainAsync(SimulatedCourier courier, int samples, int positions, int events, NpgsqlDataSource db, string schema)
    {
        await using var context = await TabletAsync(courier.AccessToken);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/courier/");
        await page.WaitForFunctionAsync(RouteShown);
        await page.WaitForFunctionAsync("() => navigator.serviceWorker.controller !== null");
        var reload = new Samples("courier offline reload");
        await context.SetOfflineAsync(true);
        for (var i = 0; i < samples; i++)
        {
            await page.ReloadAsync(new() { WaitUntil = WaitUntilState.Commit });
            reload.Add(await (await page.WaitForFunctionAsync(RouteShown, null, new() { Timeout = 30_000 })).JsonValueAsync<double>());
        }
        await context.SetOfflineAsync(false);
        await Assertions.Expect(page.GetByTestId("sync")).ToContainTextAsync("Online", new() { Timeout = 60_000 });

        await context.SetOfflineAsync(true);
        await Assertions.Expect(page.GetByTestId("sync")).ToContainTextAsync("Offline");
        var (fixes, reports) = Backlog(courier, positions, events);
        await page.EvaluateAsync(Enqueue, new { positions = fixes, events = reports });
        var queued = await page.EvaluateAsync<JsonElement>(CountOutbox);
        var console = new System.Collections.Concurrent.ConcurrentQueue<string>();
        page.Console += (_, m) => console.Enqueue($"  console {m.Type}: {m.Text}");
        string? stuck = null;
        var watch = Stopwatch.StartNew();
        await context.SetOfflineAsync(false);
        while (true)
        {
            var left = await page.EvaluateAsync<JsonElement>(CountOutbox);
            if (left.GetProperty("positions").GetInt32() == 0 && left.GetProperty("events").GetInt32() == 0)
            {
                break;
            }
            if (watch.Elapsed > TimeSpan.FromMinutes(3))
            {
                stuck = $"not drained after 3 min online: {left.GetProperty("positions").GetInt32()} positions and {left.GetProperty("events").GetInt32()} events still queued; "
                    + $"the tablet shows \"{await page.GetByTestId("sync").InnerTextAsync()}\"";
                Console.WriteLine("courier: " + stuck + Environment.NewLine + string.Join(Environment.NewLine, console.TakeLast(10)));
                break;
            }
            await Task.Delay(50);
        }
        var drained = watch.Elapsed.TotalSeconds;
        var refused = (await page.EvaluateAsync<JsonElement>(CountOutbox)).GetProperty("rejected").EnumerateArray().Select(r => r.GetString()!).ToList();
        long Count(string sql)
        {
            using var cmd = db.CreateCommand(sql);
            return Convert.ToInt64(cmd.ExecuteScalar(), CultureInfo.InvariantCulture);
        }
        var id = courier.CourierId;
        return new Drain(reload, queued.GetProperty("positions").GetInt32(), queued.GetProperty("events").GetInt32(), drained,
            Count($"SELECT count(*) FROM {schema}.positions WHERE courier_id = '{id}'"),
            Count($"SELECT count(DISTINCT (device_id, seq)) FROM {schema}.positions WHERE courier_id = '{id}'"),
            Count($"SELECT count(*) FROM {schema}.delivery_events WHERE courier_id = '{id}' AND source = 'tablet'"),
            Count($"SELECT count(DISTINCT event_key) FROM {schema}.delivery_events WHERE courier_id = '{id}' AND source = 'tablet'"),
            refused, stuck);
    }

    /// <summary>Fixes every 0.5 s along the route up to now, and arrived + delivered for the first stops, in order.</summary>
    private static (object[] Fixes, object[] Reports) Backlog(SimulatedCourier courier, int positions, int events)
    {
        var now = DateTimeOffset.UtcNow;
        var stops = courier.Route.Stops;
        var fixes = Enumerable.Range(0, positions).Select(i =>
        {
            var f = (double)i / positions * stops.Count;
            var (a, b) = (stops[Math.Min((int)f, stops.Count - 1)], stops[Math.Min((int)f + 1, stops.Count - 1)]);
            var t = f - Math.Floor(f);
            return (object)new
            {
                recordedAt = (now - TimeSpan.FromSeconds(0.5 * (positions - i))).ToString("O", CultureInfo.InvariantCulture),
                lat = a.Latitude + t * (b.Latitude - a.Latitude),
                lon = a.Longitude + t * (b.Longitude - a.Longitude),
                accuracyM = 8.0,
            };
        }).ToArray();
        var reports = Enumerable.Range(0, Math.Min(events, 2 * stops.Count)).Select(j => (object)new
        {
            clientEventId = Guid.NewGuid().ToString(),
            stopId = stops[j / 2].StopId,
            kind = j % 2 == 0 ? "arrived" : "delivered",
            occurredAt = (now - TimeSpan.FromSeconds(events - j)).ToString("O", CultureInfo.InvariantCulture),
        }).ToArray();
        return (fixes, reports);
    }

    /// <summary>A tablet's context: paired (the token where pairing stores it), service workers allowed.</summary>
    private async Task<IBrowserContext> TabletAsync(string token)
    {
        var context = await chromium.NewContextAsync(host.Address.ToString(), width: 1280, height: 800, configure: o => o.ServiceWorkers = ServiceWorkerPolicy.Allow);
        await context.AddInitScriptAsync($"localStorage.setItem('delivery.courier.token', {JsonSerializer.Serialize(token)});");
        context.SetDefaultTimeout(60_000);
        return context;
    }
}
