using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Delivery.Testing.Browser;
using Microsoft.Playwright;

namespace Delivery.Benchmarks.Verbs.Pages;

/// <summary>
/// The evening board in Chromium on the published 1,000-order plan: navigation to routes drawn (the map marks how many
/// features of its route-line and stop layers it has drawn once idle after their data), JavaScript on the wire, and
/// drag-and-drop edits on the stop list until the server's re-timed result is on screen.
/// </summary>
internal sealed class BoardPage(Chromium chromium, ImportHost host, long depotId, string date)
{
    /// <summary>performance.now() (ms since navigation) once the map has drawn route lines and stops.</summary>
    private const string RoutesDrawn = """
        () => {
          const m = document.querySelector('[data-testid=map]');
          return m && Number(m.dataset.drawnLine) > 0 && Number(m.dataset.drawnDot) > 0 ? performance.now() : null;
        }
        """;

    private const string MapReady = "() => document.querySelector('[data-testid=map][data-ready=true]') ? performance.now() : null";

    /// <summary>
    /// Marks an edit: the drop (capture phase, before the page's own handler) and the first thing that shows its result —
    /// the violations dialog (409 re-timed with violations) or a new toast (applied, after the plan was re-read).
    /// </summary>
    private const string EditProbe = """
        () => {
          const toasts = () => [...document.querySelectorAll('[aria-live=polite] > div')];
          const e = window.__edit = { t0: 0, t1: 0, kind: '', seen: new Set() };
          document.addEventListener('drop', () => { e.t0 = performance.now(); e.t1 = 0; e.kind = ''; e.seen = new Set(toasts()); }, true);
          new MutationObserver(() => {
            if (!e.t0 || e.t1) return;
            if (document.querySelector('dialog[open]')) { e.t1 = performance.now(); e.kind = 'violations'; return; }
            const fresh = toasts().find((t) => !e.seen.has(t));
            if (fresh) { e.t1 = performance.now(); e.kind = /error/.test(fresh.className) ? 'error' : 'applied'; }
          }).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['open'] });
        }
        """;

    /// <summary>When (ms from navigation start) the page's scripts, the plan, the route lines and the map style had arrived (tiles load in MapLibre's worker: not in the page's timeline).</summary>
    private const string Timeline = """
        () => {
          const r = performance.getEntriesByType('resource');
          const end = (f) => Math.round(Math.max(0, ...r.filter((e) => f(e.name)).map((e) => e.responseEnd)));
          return { scripts: end((n) => n.endsWith('.js')), plan: end((n) => /\/depots\/\d+\/plans\/[^/?]+(\?|$)/.test(n)), geojson: end((n) => n.includes('/geojson')),
            style: end((n) => n.includes('/map/style.json')) };
        }
        """;

    private string? _signedIn;

    private string Url => $"/board?depot={depotId}&date={date}&view=plan";

    public sealed record Navigation(Samples Drawn, JsTransfer Js, Samples MapReady, List<JsonElement> Timelines);

    /// <summary>Navigations in fresh contexts (empty cache, signed in by cookie) until routes are drawn.</summary>
    public async Task<Navigation> NavigateAsync(int samples)
    {
        var drawn = new Samples("board routes drawn");
        var ready = new Samples("board map style loaded");
        var timelines = new List<JsonElement>();
        JsTransfer? js = null;
        for (var i = 0; i < samples; i++)
        {
            await using var context = await ContextAsync();
            var log = NetworkLog.Attach(context);
            var page = await context.NewPageAsync();
            await page.GotoAsync(Url, new() { WaitUntil = WaitUntilState.Commit });
            ready.Add(await (await page.WaitForFunctionAsync(MapReady, null, new() { Timeout = 120_000 })).JsonValueAsync<double>());
            drawn.Add(await (await page.WaitForFunctionAsync(RoutesDrawn, null, new() { Timeout = 120_000 })).JsonValueAsync<double>());
            timelines.Add(await page.EvaluateAsync<JsonElement>(Timeline));
            if (js is null)
            {
                await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
                js = await log.JavaScriptAsync();
            }
        }
        return new Navigation(drawn, js!, ready, timelines);
    }

    public sealed record Edits(Samples All, Dictionary<string, int> Kinds, int Routes, int Stops);

    /// <summary>
    /// <paramref name="count"/> drags of a stop of the longest route onto the stop two places on (a move to that
    /// position); a refused edit's dialog is cancelled. Times run from the drop to the result on screen.
    /// </summary>
    public async Task<Edits> EditAsync(long versionId, int count)
    {
        var plan = await host.Client.GetFromJsonAsync<JsonElement>($"/api/v1/plan-versions/{versionId}");
        var routes = plan.GetProperty("routes").EnumerateArray().Where(r => r.GetProperty("stops").GetArrayLength() > 0).ToList();
        var longest = routes.OrderByDescending(r => r.GetProperty("stops").GetArrayLength()).First();
        var courier = longest.GetProperty("courierName").GetString()!;
        await using var context = await ContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(Url);
        await page.WaitForFunctionAsync(RoutesDrawn, null, new() { Timeout = 120_000 });
        await page.Locator($"[data-testid=route-{longest.GetProperty("routeId").GetInt64()}] button[aria-expanded]").ClickAsync();
        var stops = page.Locator($"ol[aria-label$='· {courier}'] > li");
        await stops.Nth(2).WaitForAsync();
        await page.EvaluateAsync(EditProbe);
        var all = new Samples("edit");
        var kinds = new Dictionary<string, int>();
        for (var i = 0; i < count; i++)
        {
            var from = i % 3;
            await stops.Nth(from).DragToAsync(stops.Nth(from + 2));
            var done = await (await page.WaitForFunctionAsync("() => window.__edit.t1 > 0 ? { ms: window.__edit.t1 - window.__edit.t0, kind: window.__edit.kind } : null",
                null, new() { Timeout = 60_000 })).JsonValueAsync<JsonElement>();
            all.Add(done.GetProperty("ms").GetDouble());
            var kind = done.GetProperty("kind").GetString()!;
            kinds[kind] = kinds.GetValueOrDefault(kind) + 1;
            if (kind == "violations")
            {
                await page.Locator("dialog[open]").GetByRole(AriaRole.Button, new() { Name = "Cancel", Exact = true }).ClickAsync();
                await page.Locator("dialog[open]").WaitForAsync(new() { State = WaitForSelectorState.Detached });
            }
            await page.WaitForTimeoutAsync(150); // let the list settle (the re-read plan re-renders it)
        }
        return new Edits(all, kinds, routes.Count, routes.Sum(r => r.GetProperty("stops").GetArrayLength()));
    }

    /// <summary>A fresh context (empty cache) carrying the dispatcher's sign-in cookie.</summary>
    private async Task<IBrowserContext> ContextAsync()
    {
        if (_signedIn is null)
        {
            await using var signIn = await chromium.NewContextAsync(host.Address.ToString());
            await Chromium.SignInAsync(await signIn.NewPageAsync());
            _signedIn = await signIn.StorageStateAsync();
        }
        var context = await chromium.NewContextAsync(host.Address.ToString(), configure: o => o.StorageState = _signedIn);
        context.SetDefaultTimeout(60_000);
        return context;
    }

    public static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
