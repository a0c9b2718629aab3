using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Delivery.CourierApi.Features.Courier;
using Delivery.CourierApi.Features.Fleet;
using Delivery.CourierApi.Features.Live;
using Delivery.CourierApi.Features.Orders;
using Delivery.CourierApi.Features.Plans;
using Delivery.EndToEnd.Tests.Track;
using Delivery.Tracking.Hubs;
using Delivery.Tracking.Ingest;
using Delivery.Tracking.Metrics;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Delivery.EndToEnd.Tests.Board;

/// <summary>
/// The dispatcher's live day in Chromium while two tablets drive their routes through the real courier hub: the couriers
/// move on the map and in their rows; one courier stuck far away raises "window at risk" for X before X's window ends;
/// the dispatcher moves X to the other courier and publishes (that tablet is told and its route lists X; X's ETA is
/// inside the window again); that tablet then dies: flagged silent, its manifest printed from the alert, and X's paper
/// outcome entered afterwards closes the stop and counts as a window hit.
/// </summary>
public sealed class LiveDayTests(BoardHost host) : IClassFixture<BoardHost>
{
    private static readonly DateOnly Date = DateOnly.Parse(BoardHost.PlanDate, CultureInfo.InvariantCulture);
    private static readonly System.Text.RegularExpressions.Regex Drawn = new("^[1-9]");
    private static readonly LocatorAssertionsToBeVisibleOptions Slow = new() { Timeout = 40_000 };

    // Porto: two clusters north and south of the depot; X 1 km west of the depot, window 11–12.
    private static readonly (string Id, double Lat, double Lon, int From)[] Orders =
    [
        ("N1", 41.1890, -8.6100, 9), ("N2", 41.1850, -8.6000, 10), ("S1", 41.1330, -8.6200, 9), ("S2", 41.1390, -8.6300, 10), ("X", 41.1500, -8.6230, 11),
    ];

    [Fact]
    public async Task Live_day_moves_couriers_raises_at_risk_in_time_moves_the_stop_and_closes_a_silent_route_from_paper()
    {
        var api = await TrackScenario.DispatcherAsync(host);
        var (depot, plan) = await PlanAsync(api);
        var x = plan.Routes.SelectMany(r => r.Stops).Single(s => s.ShopOrderId == "X");
        var late = plan.Routes.Single(r => r.Stops.Any(s => s.OrderId == x.OrderId));
        var helper = plan.Routes.Single(r => r.Stops.Count > 0 && r.RouteId != late.RouteId);
        await using var lateTablet = await TabletAsync(api, late.CourierId);
        await using var helperTablet = await TabletAsync(api, helper.CourierId);
        var changed = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        helperTablet.Hub.On<string, int>("RouteChanged", (_, version) => changed.TrySetResult(version));

        At("09:00");
        await lateTablet.SendAsync(41.1466, -8.6110, heading: 10);
        await helperTablet.SendAsync(41.1466, -8.6110, heading: 190);
        var page = await host.SignedInPageAsync();
        await page.GotoAsync($"/board/live?depot={depot.Id}&date={BoardHost.PlanDate}");
        var rows = page.GetByTestId("live-courier");
        await Expect(rows).ToHaveCountAsync(2);
        await Expect(page.GetByTestId("map")).ToHaveAttributeAsync("data-drawn-live-courier", Drawn);
        var lateRow = rows.Filter(new() { HasText = late.CourierName });
        var helperRow = rows.Filter(new() { HasText = helper.CourierName });

        // Both routes driven on plan, X left for last: each row follows its tablet live (no reload).
        var visits = new[] { (late, lateTablet), (helper, helperTablet) }
            .SelectMany(p => p.Item1.Stops.Where(s => s.OrderId != x.OrderId).Select(s => (Stop: s, Tablet: p.Item2)))
            .OrderBy(v => v.Stop.PlannedServiceStart).ToList();
        foreach (var (stop, tablet) in visits)
        {
            host.Time.SetUtcNow(Max(host.Time.GetUtcNow(), stop.PlannedArrival));
            await tablet.SendAsync(stop.Latitude, stop.Longitude, heading: 45);
            host.Time.SetUtcNow(Max(host.Time.GetUtcNow(), stop.PlannedDeparture));
            await tablet.SendAsync(stop.Latitude, stop.Longitude, heading: 45, delivered: stop.OrderId);
        }
        Assert.True(host.Time.GetUtcNow() < At(Date, 11, 40), "the other stops are done before X's hour");
        var lastHelper = helper.Stops.OrderBy(s => s.Sequence).Last();
        await Expect(helperRow).ToHaveAttributeAsync("data-lat", lastHelper.Latitude.ToString(CultureInfo.InvariantCulture));
        await Axe.AssertNoSeriousViolationsAsync(page, "live day: couriers moving");

        // The late courier is stuck 7 km away at 11:40: X's ETA passes 11:50 (window end minus the margin) — raised before 12:00.
        At("11:40");
        await lateTablet.SendAsync(41.2100, -8.5600, heading: 0);
        await helperTablet.SendAsync(lastHelper.Latitude, lastHelper.Longitude, heading: 0);
        var atRisk = page.GetByRole(AriaRole.Listitem).Filter(new() { HasText = "will miss the window" });
        await Expect(atRisk).ToBeVisibleAsync(Slow);
        await Expect(atRisk).ToContainTextAsync("Customer X");
        Assert.True(host.Time.GetUtcNow() < At(Date, 12, 0), "raised before the window end");
        await Screens.SaveAsync(page, "live-at-risk-en");

        // The in-day re-plan from the current positions proposes the same: X to the helper, its window saved (previewed, not taken).
        await atRisk.GetByRole(AriaRole.Button, new() { Name = "Re-plan" }).ClickAsync();
        var replan = page.GetByRole(AriaRole.Dialog, new() { Name = "Re-plan the rest of the day" });
        var proposed = replan.GetByRole(AriaRole.Row).Filter(new() { HasText = "Customer X" });
        await Expect(proposed).ToContainTextAsync(helper.CourierName, new() { Timeout = 40_000 });
        await Expect(proposed).ToContainTextAsync("window saved");
        await Screens.SaveAsync(page, "live-replan-en");
        await Axe.AssertNoSeriousViolationsAsync(page, "live day: re-plan preview");
        await replan.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();

        // Moved to the helper and published: the helper's tablet is told, its route lists X, X's ETA is inside the window.
        await atRisk.GetByRole(AriaRole.Button, new() { Name = "Move stop…" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Expect(dialog.GetByLabel("Courier")).ToContainTextAsync(helper.CourierName);
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Move and publish" }).ClickAsync();
        var anyway = dialog.GetByRole(AriaRole.Button, new() { Name = "Move and publish anyway" });
        await Expect(dialog.Or(anyway)).ToBeVisibleAsync();
        if (await anyway.IsVisibleAsync())
        {
            await anyway.ClickAsync();
        }
        await Expect(page.GetByText("X moved to " + helper.CourierName)).ToBeVisibleAsync();
        Assert.True(await changed.Task.WaitAsync(TimeSpan.FromSeconds(30)) >= 2);
        Assert.Contains(x.OrderId, (await helperTablet.RouteAsync()).Stops.Select(s => s.OrderId));
        At("11:42");
        await helperTablet.SendAsync(41.1466, -8.6110, heading: 300); // back by the depot, 1 km from X
        await Expect(atRisk).ToHaveCountAsync(0, new() { Timeout = 40_000 });
        var day = await LiveDayAsync(api, depot.Id);
        var moved = day.Couriers.Single(c => c.CourierId == helper.CourierId).Stops.Single(s => s.OrderId == x.OrderId);
        Assert.True(moved.Eta < moved.WindowEndUtc, $"X's ETA {moved.Eta} inside its window ending {moved.WindowEndUtc}");
        Assert.DoesNotContain(day.Couriers.Single(c => c.CourierId == late.CourierId).Stops, s => s.OrderId == x.OrderId);

        // The helper's tablet dies: flagged silent after the threshold, manifest printed from the alert, paper outcome entered.
        At("11:55");
        var silent = page.GetByRole(AriaRole.Listitem).Filter(new() { HasText = helper.CourierName + "'s tablet has sent nothing" });
        await Expect(silent).ToBeVisibleAsync(Slow);
        await Expect(helperRow).ToHaveAttributeAsync("data-stale", "true");
        await Expect(page.GetByTestId("map")).ToHaveAttributeAsync("data-drawn-stale-courier", Drawn); // drawn hollow, not as if live
        await Screens.SaveAsync(page, "live-silent-en");
        await Axe.AssertNoSeriousViolationsAsync(page, "live day: silent tablet alert");
        var manifest = silent.GetByRole(AriaRole.Link, new() { Name = "Print manifest" });
        var href = await manifest.GetAttributeAsync("href");
        Assert.Equal($"/api/v1/routes/{day.Couriers.Single(c => c.CourierId == helper.CourierId).RouteId}/manifest.pdf?lang=en", href);
        var pdf = await page.APIRequest.GetAsync(href!);
        Assert.Equal(200, pdf.Status);
        Assert.Equal("application/pdf", pdf.Headers["content-type"]);

        await silent.GetByRole(AriaRole.Button, new() { Name = "Enter paper outcomes…" }).ClickAsync();
        var paper = page.GetByRole(AriaRole.Dialog, new() { Name = "Paper outcomes — " + helper.CourierName });
        var n = moved.Sequence.ToString(CultureInfo.InvariantCulture);
        await paper.GetByLabel("Outcome of stop " + n).SelectOptionAsync("delivered");
        await paper.GetByLabel("Handover time of stop " + n).FillAsync("11:50");
        await paper.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(page.GetByText("1 outcome recorded.")).ToBeVisibleAsync();
        await Expect(silent).ToHaveCountAsync(0, new() { Timeout = 40_000 });

        var hits = await TrackScenario.Read<WindowHitReport>(await (await Fresh(api)).GetAsync(
            $"/api/v1/analytics/window-hits?from={BoardHost.PlanDate}&to={BoardHost.PlanDate}&depotId={depot.Id}&timeZone=Europe/Lisbon"));
        Assert.Equal(plan.Routes.Sum(r => r.Stops.Count), hits.Total.Attempted);
        var story = await TrackScenario.Read<StopStory>(await api.GetAsync($"/api/v1/depots/{depot.Id}/orders/{x.OrderId}/story"));
        Assert.Contains(story.Events, e => e is { Kind: "delivered", Source: "paper" });
        Assert.Equal(At(Date, 11, 50), story.Events.Single(e => e.Kind == "delivered").OccurredAt);

        // Replay of the finished day: the recorded tracks drawn, the slider moves back through the day.
        await page.GetByRole(AriaRole.Button, new() { Name = "Replay" }).ClickAsync();
        await Expect(page.GetByTestId("map")).ToHaveAttributeAsync("data-drawn-replay-track", Drawn, new() { Timeout = 40_000 });
        await Expect(page.GetByTestId("replay-time")).ToHaveTextAsync("11:50"); // the last thing recorded: the paper handover
        await page.GetByLabel("Replay time").FillAsync(At(Date, 10, 0).ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture));
        await Expect(page.GetByTestId("replay-time")).ToHaveTextAsync("10:00");
        await Screens.SaveAsync(page, "live-replay-en");
        await Axe.AssertNoSeriousViolationsAsync(page, "live day: replay");

        foreach (var (locale, name, w, h) in new[] { ("en-GB", "live-day-en", 1440, 900), ("ru-RU", "live-day-ru", 1440, 900), ("en-GB", "live-day-tablet-en", 1024, 768), ("ru-RU", "live-day-tablet-ru", 1024, 768) })
        {
            var shot = await host.SignedInPageAsync(locale: locale, width: w, height: h);
            await shot.GotoAsync($"/board/live?depot={depot.Id}&date={BoardHost.PlanDate}");
            await Expect(shot.GetByTestId("live-courier")).ToHaveCountAsync(2);
            await Expect(shot.GetByTestId("map")).ToHaveAttributeAsync("data-drawn-stale-courier", Drawn); // the day is over: every fix is old
            await shot.GetByTestId("live-courier").First.GetByRole(AriaRole.Button).First.ClickAsync();
            await Screens.SaveAsync(shot, name);
            await Axe.AssertNoSeriousViolationsAsync(shot, name);
            await shot.Context.CloseAsync();
        }
    }

    private async Task<(DepotResponse Depot, PlanVersionView Plan)> PlanAsync(HttpClient api)
    {
        var depot = await TrackScenario.Read<DepotResponse>(await api.PostAsJsonAsync("/api/v1/depots",
            new CreateDepotRequest("live-" + Guid.NewGuid().ToString("N")[..6], "Porto live", "Praça da Liberdade", 41.1466, -8.6110, "Europe/Lisbon")));
        foreach (var name in new[] { "Rui", "Ana" })
        {
            // Room for three orders a van: five orders need both couriers.
            var van = await TrackScenario.Read<VehicleResponse>(await api.PostAsJsonAsync($"/api/v1/depots/{depot.Id}/vehicles",
                new CreateVehicleRequest("van-" + name, new LoadDto(500_000, 2_000_000, 7), [])));
            var courier = await TrackScenario.Read<CourierResponse>(await api.PostAsJsonAsync($"/api/v1/depots/{depot.Id}/couriers",
                new CreateCourierRequest(name, "+351900000001", null)));
            (await api.PutAsJsonAsync($"/api/v1/couriers/{courier.Id}/shifts/{BoardHost.PlanDate}",
                new ShiftRequest(van.Id, new TimeOnly(8, 0), new TimeOnly(18, 0), null, null, null))).EnsureSuccessStatusCode();
        }
        var day = Date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        foreach (var (id, lat, lon, from) in Orders)
        {
            (await api.PostAsJsonAsync($"/api/v1/depots/{depot.Id}/orders", new CreateOrderRequest(id, Date, $"Rua {id}, Porto", lat, lon, $"Customer {id}",
                [new WindowDto(day.AddHours(from), day.AddHours(from + 1))], Items: [new OrderItemDto("Bread", 2, 1.2m)], CustomerPhone: "+35191000000"))).EnsureSuccessStatusCode();
        }
        var job = await TrackScenario.Read<JobResponse>(await api.PostAsync($"/api/v1/depots/{depot.Id}/plans?date={BoardHost.PlanDate}&timeLimitSeconds=2", null));
        var until = DateTime.UtcNow.AddMinutes(3);
        while (job.Status is not ("succeeded" or "failed" or "cancelled") && DateTime.UtcNow < until)
        {
            await Task.Delay(200);
            job = (await api.GetFromJsonAsync<JobResponse>($"/api/v1/planning-jobs/{job.Id}"))!;
        }
        Assert.Equal("succeeded", job.Status);
        var plan = await TrackScenario.Read<PlanVersionView>(await api.PostAsync($"/api/v1/plan-versions/{job.ResultVersionId}/publish", null));
        Assert.Equal(2, plan.Routes.Count(r => r.Stops.Count > 0));
        Assert.Empty(plan.Unassigned);
        return (depot, plan);
    }

    private async Task<Tablet> TabletAsync(HttpClient api, long courierId)
    {
        var device = await TrackScenario.Read<DeviceTokenResponse>(await api.PostAsJsonAsync($"/api/v1/couriers/{courierId}/devices", new IssueDeviceRequest("tablet")));
        var tablet = new Tablet(host, device.Token, TrackingHubConnection.Build(new Uri(host.BaseUrl + "/hubs/courier"), device.Token, HubWireProtocol.Json));
        await tablet.Hub.StartAsync();
        return tablet;
    }

    private async Task<LiveDayResponse> LiveDayAsync(HttpClient api, long depotId) =>
        await TrackScenario.Read<LiveDayResponse>(await (await Fresh(api)).GetAsync($"/api/v1/depots/{depotId}/live?date={BoardHost.PlanDate}"));

    /// <summary>Bearer tokens live 12 hours of the host's clock, which the test moves on: sign in again.</summary>
    private async Task<HttpClient> Fresh(HttpClient api)
    {
        var fresh = await TrackScenario.DispatcherAsync(host);
        api.DefaultRequestHeaders.Authorization = fresh.DefaultRequestHeaders.Authorization;
        return api;
    }

    private void At(string hhmm)
    {
        var to = Date.ToDateTime(TimeOnly.Parse(hhmm, CultureInfo.InvariantCulture), DateTimeKind.Utc);
        if (to > host.Time.GetUtcNow().UtcDateTime)
        {
            host.Time.SetUtcNow(new DateTimeOffset(to));
        }
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private static DateTimeOffset At(DateOnly date, int hour, int minute) => new(date.ToDateTime(new TimeOnly(hour, minute)), TimeSpan.Zero);

    /// <summary>A courier's tablet on the courier hub, sending one fix (and a delivery) per batch at the host's time.</summary>
    private sealed class Tablet(BoardHost host, string token, HubConnection hub) : IAsyncDisposable
    {
        private long _seq;

        public HubConnection Hub { get; } = hub;

        public async Task SendAsync(double lat, double lon, double heading, long? delivered = null)
        {
            var now = host.Time.GetUtcNow();
            var events = delivered is { } id ? new List<CourierEventReport> { new(Guid.NewGuid().ToString("N"), id.ToString(CultureInfo.InvariantCulture), "delivered", now) } : [];
            var ack = await Hub.InvokeAsync<BatchAck>("SendPositions", new CourierBatch(null, [new PositionReport(++_seq, now, lat, lon, 5, 8, heading)], events));
            Assert.Equal(1, ack.PositionsAccepted);
            Assert.Equal(events.Count, ack.EventsAccepted.Count);
        }

        public async Task<CourierRouteResponse> RouteAsync()
        {
            using var client = new HttpClient { BaseAddress = new Uri(host.BaseUrl) };
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            return await TrackScenario.Read<CourierRouteResponse>(await client.GetAsync($"/api/v1/courier/route?date={BoardHost.PlanDate}"));
        }

        public ValueTask DisposeAsync() => Hub.DisposeAsync();
    }
}
