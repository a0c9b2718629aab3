using System.Net.Http.Json;
using System.Text.Json;
using Delivery.CourierApi.Features.CustomerPage;
using Delivery.Testing.Browser;
using Delivery.Tracking.Hubs;
using Delivery.Tracking.Ingest;
using Delivery.Tracking.Simulation;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Playwright;
using Npgsql;

namespace Delivery.Benchmarks.Verbs.Pages;

/// <summary>
/// The customer's page <c>/t/{token}</c> on a 390×844 phone for the first stop of a started route (the courier is
/// driving there, so the page loads its map after the text): JavaScript before the map and in all, and the time to
/// status and ETA on screen with Chromium's "Slow 4G" network throttling.
/// </summary>
internal sealed class TrackPage(Chromium chromium, ImportHost host, NpgsqlDataSource schemaDb)
{
    /// <summary>
    /// Chrome DevTools' "Slow 4G" preset (front_end/core/sdk/NetworkManager.ts, <c>Slow4GConditions</c>): 1.6 Mbit/s
    /// down and 750 kbit/s up, each × 0.9, and 150 ms × 3.75 latency added to every request.
    /// </summary>
    public static readonly (double LatencyMs, double DownBytesPerSecond, double UpBytesPerSecond) Slow4G = (150 * 3.75, 1.6e6 / 8 * 0.9, 750e3 / 8 * 0.9);

    private const string StatusAndEta = "() => document.querySelector('#phase') && document.querySelector('[data-testid=eta]') ? performance.now() : null";

    public sealed record Result(JsTransfer BeforeMap, JsTransfer All, Samples Plain, Samples Slow4G, string Phase);

    /// <summary>Starts <paramref name="courier"/>'s route (one fix from the depot), then measures the first stop's page.</summary>
    public async Task<Result> MeasureAsync(SimulatedCourier courier, int samples)
    {
        var first = courier.Route.Stops.OrderBy(s => s.Sequence).First();
        // A customer's link, minted by the host's own code as a notification would carry it (only its hash is stored).
        var orderId = long.Parse(first.OrderId, System.Globalization.CultureInfo.InvariantCulture);
        var token = (await new TrackingTokens(schemaDb, TimeProvider.System).MintAsync([orderId], CancellationToken.None))[orderId];
        await using (var tablet = TrackingHubConnection.Build(new Uri(host.Address, "/hubs/courier"), courier.AccessToken, HubWireProtocol.Json))
        {
            await tablet.StartAsync();
            await tablet.InvokeAsync<BatchAck>("SendPositions", new CourierBatch(null, [new PositionReport(1, DateTimeOffset.UtcNow, 41.1579, -8.6291, 5)], []));
        }
        using var anonymous = new HttpClient { BaseAddress = host.Address };
        JsonElement view;
        var until = DateTime.UtcNow.AddMinutes(2);
        do
        {
            await Task.Delay(500);
            view = await anonymous.GetFromJsonAsync<JsonElement>($"/api/v1/tracking/{token}/page");
        }
        while ((!view.TryGetProperty("eta", out var eta) || eta.ValueKind != JsonValueKind.String) && DateTime.UtcNow < until);
        var entry = await NetworkLog.EntryScriptsAsync(anonymous, "/t/" + token);

        var plain = new Samples("track plain");
        var slow = new Samples("track slow 4G");
        JsTransfer? before = null, all = null;
        for (var i = 0; i < samples; i++)
        {
            foreach (var throttled in new[] { false, true })
            {
                await using var context = await chromium.NewContextAsync(host.Address.ToString(), width: 390, height: 844);
                context.SetDefaultTimeout(60_000);
                var log = NetworkLog.Attach(context);
                var page = await context.NewPageAsync();
                if (throttled)
                {
                    var cdp = await context.NewCDPSessionAsync(page);
                    await cdp.SendAsync("Network.enable");
                    await cdp.SendAsync("Network.emulateNetworkConditions", new Dictionary<string, object>
                    {
                        ["offline"] = false,
                        ["latency"] = Slow4G.LatencyMs,
                        ["downloadThroughput"] = Slow4G.DownBytesPerSecond,
                        ["uploadThroughput"] = Slow4G.UpBytesPerSecond,
                    });
                }
                await page.GotoAsync("/t/" + token, new() { WaitUntil = WaitUntilState.Commit });
                (throttled ? slow : plain).Add(await (await page.WaitForFunctionAsync(StatusAndEta, null, new() { Timeout = 60_000 })).JsonValueAsync<double>());
                if (!throttled && before is null)
                {
                    await page.GetByTestId("courier-map").WaitForAsync();
                    await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
                    before = await log.JavaScriptAsync(entry.Contains);
                    all = await log.JavaScriptAsync();
                }
            }
        }
        return new Result(before!, all!, plain, slow, view.GetProperty("phase").GetString() ?? "?");
    }
}
