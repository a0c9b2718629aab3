using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Delivery.Tracking.Hubs;
using Delivery.Tracking.Live;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Playwright;

namespace Delivery.EndToEnd.Tests.Courier;

/// <summary>The courier's tablet app in Chromium through the real host: pairing, GPS, offline outcomes, live route changes, revocation.</summary>
public sealed partial class CourierAppTests(CourierDay day) : IClassFixture<CourierDay>
{
    private static ILocator Sync(IPage page) => page.GetByTestId("sync").Locator("[data-events]");

    private async Task<JsonElement> RouteOfAsync(string token)
    {
        using var client = new HttpClient { BaseAddress = new Uri(day.Host.BaseUrl) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await client.GetFromJsonAsync<JsonElement>("/api/v1/courier/route");
    }

    [Fact]
    public async Task Paired_tablet_shows_the_route_and_its_positions_reach_PostgreSQL_and_the_dispatchers_live_group()
    {
        var (courierId, _, token) = await day.TakeCourierAsync();
        var route = await RouteOfAsync(token);
        var first = route.GetProperty("route").GetProperty("stops")[0];

        // The dispatcher follows the depot on the live hub, as the live board does.
        using var dispatcher = await day.DispatcherAsync();
        await using var live = TrackingHubConnection.Build(new Uri(day.Host.BaseUrl + "/hubs/live"), dispatcher.DefaultRequestHeaders.Authorization!.Parameter, HubWireProtocol.Json);
        var pushed = new ConcurrentQueue<CourierPosition>();
        live.On<CourierPosition>("Position", p => { if (p.CourierId == courierId.ToString(CultureInfo.InvariantCulture)) pushed.Enqueue(p); });
        await live.StartAsync();
        await live.InvokeAsync<DepotSnapshot>("JoinDepot", day.DepotId.ToString(CultureInfo.InvariantCulture));

        var page = await day.TabletAsync();
        await CourierDay.PairAsync(page, token);

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = first.GetProperty("customerName").GetString()! })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Region, new() { Name = "Map of today's route" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("sync")).ToContainTextAsync("Online");
        await Axe.AssertNoSeriousViolationsAsync(page, "courier route");

        // Drive towards the first stop: each fix goes through the outbox and the courier hub into PostgreSQL.
        var (lat, lon) = (first.GetProperty("latitude").GetDouble(), first.GetProperty("longitude").GetDouble());
        for (var i = 1; i <= 3; i++)
        {
            await page.Context.SetGeolocationAsync(new Geolocation { Latitude = (float)(41.1579 + (lat - 41.1579) * i / 3), Longitude = (float)(-8.6291 + (lon + 8.6291) * i / 3), Accuracy = 8 });
            await page.WaitForTimeoutAsync(5_500); // the app keeps one fix per 5 s
        }
        await Assertions.Expect(Sync(page)).ToHaveAttributeAsync("data-positions", "0", new() { Timeout = 30_000 });
        var stored = await day.CountAsync($"SELECT count(*) FROM positions WHERE courier_id = '{courierId}'");
        Assert.True(stored >= 3, $"{stored} positions stored");
        await Assertions.Expect(page.GetByTestId("sync")).Not.ToContainTextAsync("nothing saved yet");

        // The dispatcher's connection received the tablet's positions, the last one at the first stop.
        for (var wait = 0; wait < 100 && !pushed.Any(p => Math.Abs(p.Lat - lat) < 1e-4 && Math.Abs(p.Lon - lon) < 1e-4); wait++)
        {
            await Task.Delay(100);
        }
        Assert.True(pushed.Count >= 1, "the dispatcher's live group received no position of the courier");
        Assert.Contains(pushed, p => Math.Abs(p.Lat - lat) < 1e-4 && Math.Abs(p.Lon - lon) < 1e-4);
    }

    [Fact]
    public async Task Offline_outcomes_survive_a_reload_and_are_stored_once_when_back_online()
    {
        var (courierId, _, token) = await day.TakeCourierAsync();
        var route = await RouteOfAsync(token);
        var stops = route.GetProperty("route").GetProperty("stops").EnumerateArray().Take(3).ToList();
        var details = route.GetProperty("stops").EnumerateArray().Take(3).ToList();
        var page = await day.TabletAsync();
        await CourierDay.PairAsync(page, token);
        await page.WaitForFunctionAsync("() => navigator.serviceWorker.controller !== null");

        await page.Context.SetOfflineAsync(true);
        await Assertions.Expect(page.GetByTestId("sync")).ToContainTextAsync("Offline");
        foreach (var s in stops.Take(2))
        {
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = s.GetProperty("customerName").GetString()! })).ToBeVisibleAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Delivered", Exact = true }).ClickAsync();
        }
        // Partly: the first line's quantity one less; the new total shows before confirming.
        var third = details[2];
        var line = third.GetProperty("items")[0];
        var expected = third.GetProperty("total").GetDecimal() - line.GetProperty("unitPrice").GetDecimal();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = stops[2].GetProperty("customerName").GetString()! })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Partly delivered", Exact = true }).ClickAsync();
        // A stop may list one SKU on two lines (the generated evening draws items at random): each line's button has its own name.
        await page.GetByRole(AriaRole.Button, new() { Name = "One more refused of " + line.GetProperty("sku").GetString() + " (line 1)", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("new-total")).ToHaveTextAsync(expected.ToString("N2", CultureInfo.GetCultureInfo("en-GB")));
        await Axe.AssertNoSeriousViolationsAsync(page, "courier partly delivered");
        await page.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Confirm: collect") }).ClickAsync();
        await Assertions.Expect(Sync(page)).ToHaveAttributeAsync("data-events", "3");

        await page.ReloadAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Today's route" })).ToBeVisibleAsync();
        await Assertions.Expect(Sync(page)).ToHaveAttributeAsync("data-events", "3");
        Assert.Equal(0, await day.CountAsync($"SELECT count(*) FROM delivery_events WHERE courier_id = '{courierId}'"));

        await page.Context.SetOfflineAsync(false);
        await Assertions.Expect(Sync(page)).ToHaveAttributeAsync("data-events", "0", new() { Timeout = 60_000 });
        var ids = string.Join(",", stops.Select(s => "'" + s.GetProperty("orderId").GetInt64() + "'"));
        Assert.Equal(3, await day.CountAsync($"SELECT count(*) FROM delivery_events WHERE courier_id = '{courierId}' AND stop_id IN ({ids})"));
        var total = (decimal)(await day.Host.Database.ScalarAsync(
            $"SELECT recalculated_total FROM delivery_events WHERE courier_id = '{courierId}' AND kind = 'partly_delivered'"))!;
        Assert.Equal(expected, total);
        await page.ReloadAsync();
        await Assertions.Expect(page.GetByText("Partly delivered").First).ToBeVisibleAsync();
        Assert.Equal(3, await day.CountAsync($"SELECT count(*) FROM delivery_events WHERE courier_id = '{courierId}'"));

        // The window-hit figures count the three handovers made offline: each is a hit, early or late, once.
        using var dispatcher = await day.DispatcherAsync();
        var report = await dispatcher.GetFromJsonAsync<JsonElement>(
            $"/api/v1/analytics/window-hits?from={BoardHost.PlanDate}&to={BoardHost.PlanDate}&timeZone=Europe/Lisbon");
        var mine = report.GetProperty("byCourier").EnumerateArray().Single(g => g.GetProperty("key").GetString() == courierId.ToString(CultureInfo.InvariantCulture));
        Assert.Equal(3, mine.GetProperty("attempted").GetInt32());
        Assert.Equal(3, mine.GetProperty("hits").GetInt32() + mine.GetProperty("early").GetInt32() + mine.GetProperty("late").GetInt32());
    }

    [Fact]
    public async Task A_published_change_shows_without_reload_and_a_revoked_tablet_is_signed_out()
    {
        var (_, deviceId, token) = await day.TakeCourierAsync();
        var route = await RouteOfAsync(token);
        var last = route.GetProperty("route").GetProperty("stops").EnumerateArray().Last();
        var page = await day.TabletAsync();
        await CourierDay.PairAsync(page, token);
        await Assertions.Expect(page.GetByTestId("sync")).ToContainTextAsync("Online");

        using var dispatcher = await day.DispatcherAsync();
        var versionId = route.GetProperty("planVersionId").GetInt64();
        var edit = await dispatcher.PostAsJsonAsync($"/api/v1/plan-versions/{versionId}/edits",
            new { kind = "unassign", orderId = last.GetProperty("orderId").GetInt64(), confirm = true });
        edit.EnsureSuccessStatusCode();
        var next = (await edit.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("versionId").GetInt64();
        (await dispatcher.PostAsync($"/api/v1/plan-versions/{next}/publish", null)).EnsureSuccessStatusCode();

        var banner = page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Route updated by the dispatcher" });
        await Assertions.Expect(banner).ToContainTextAsync("1 stop removed: " + last.GetProperty("sequence").GetInt32() + ". " + last.GetProperty("customerName").GetString());
        await Assertions.Expect(page.GetByRole(AriaRole.List).GetByText(last.GetProperty("customerName").GetString()!, new() { Exact = true })).ToHaveCountAsync(0);
        await Axe.AssertNoSeriousViolationsAsync(page, "courier route change");

        (await dispatcher.DeleteAsync($"/api/v1/devices/{deviceId}")).EnsureSuccessStatusCode();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Pair this tablet" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("signed out by the dispatcher");
    }
}
