using System.Net.Http.Json;
using System.Text.Json;
using Delivery.CourierApi.Features.CustomerPage;
using Delivery.CourierApi.Features.Orders;
using Microsoft.Playwright;

namespace Delivery.EndToEnd.Tests.Track;

/// <summary>
/// The customer's page at /t/{token} in a phone-sized Chromium while the courier's tablet drives the route with scripted
/// batches: two far-away stops first (no position shown), then heading here (position shown and moving), then stuck
/// far away until the window is at risk — told before the window ends, with options; moving the window moves the order.
/// </summary>
public sealed class TrackingPageLiveTests(BoardHost host) : IClassFixture<BoardHost>
{
    // Porto: depot at the centre; A and B 4–5 km north and north-east, C (the customer) 1 km west of the depot.
    private static readonly TrackScenario.Stop A = new("A", 41.1890, -8.6100, 9, 10);
    private static readonly TrackScenario.Stop B = new("B", 41.1800, -8.5800, 10, 11);
    private static readonly TrackScenario.Stop C = new("C", 41.1500, -8.6230, 11, 12);

    [Fact]
    public async Task Page_follows_the_courier_live_hides_others_and_offers_options_before_the_window_is_missed()
    {
        await using var s = await TrackScenario.CreateAsync(host, A, B, C);
        Assert.Equal(["A", "B", "C"], s.Route.Stops.OrderBy(x => x.Sequence).Select(x => x.ShopOrderId));

        s.At("09:00");
        await s.SendAsync(41.1466, -8.6110); // leaves the depot: the route has started
        var page = await host.NewPageAsync(width: Screens.Width, height: Screens.Height);
        await page.GotoAsync("/t/" + s.Token("C"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "The courier is on the way" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("stops-before")).ToHaveTextAsync("2 stops before yours");
        await Assertions.Expect(page.GetByTestId("window")).ToContainTextAsync("11:00–12:00");
        await Assertions.Expect(page.GetByTestId("eta")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("courier-map")).ToHaveCountAsync(0);
        await Axe.AssertNoSeriousViolationsAsync(page, "track: on the way, stops before");

        // Serving A far away: still no position for C; the count drops live.
        s.At("09:30");
        await s.SendAsync(A.Lat, A.Lon, ("A", "delivered"));
        await Assertions.Expect(page.GetByTestId("stops-before")).ToHaveTextAsync("1 stop before yours");
        await Assertions.Expect(page.GetByTestId("courier-map")).ToHaveCountAsync(0);

        // B done: the courier now drives to C — the position appears, then moves, without a reload.
        s.At("10:15");
        await s.SendAsync(B.Lat, B.Lon, ("B", "delivered"));
        await Assertions.Expect(page.GetByTestId("stops-before")).ToHaveTextAsync("You are next: the courier is driving to you");
        var map = page.GetByTestId("courier-map");
        await Assertions.Expect(map).ToHaveAttributeAsync("data-lat", B.Lat.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var etaBefore = await page.GetByTestId("eta").InnerTextAsync();
        s.At("10:20");
        await s.SendAsync(41.1700, -8.6000);
        await Assertions.Expect(map).ToHaveAttributeAsync("data-lat", "41.17");
        await Assertions.Expect(page.GetByRole(AriaRole.Region, new() { Name = "Map: where the courier is now" })).ToBeVisibleAsync();
        await Screens.SaveAsync(page, "track-on-the-way-en");
        await Axe.AssertNoSeriousViolationsAsync(page, "track: courier driving here");
        var ruWay = await host.NewPageAsync(locale: "ru-RU", width: Screens.Width, height: Screens.Height);
        await ruWay.GotoAsync("/t/" + s.Token("C"));
        await Assertions.Expect(ruWay.GetByTestId("stops-before")).ToHaveTextAsync("Вы следующий: курьер едет к вам");
        await Assertions.Expect(ruWay.GetByTestId("courier-map")).ToBeVisibleAsync();
        await Screens.SaveAsync(ruWay, "track-on-the-way-ru");
        await ruWay.Context.CloseAsync();

        // Stuck back near B until 11:50: the ETA passes the window end minus the margin before 12:00 — told now, with options.
        s.At("11:50");
        await s.SendAsync(B.Lat, B.Lon);
        var notice = page.GetByTestId("at-risk");
        await Assertions.Expect(notice).ToBeVisibleAsync();
        Assert.True(host.Time.GetUtcNow() < new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero), "told before the window end");
        await Assertions.Expect(page.GetByTestId("eta")).Not.ToHaveTextAsync(etaBefore);
        await Assertions.Expect(notice.GetByRole(AriaRole.Heading, new() { Name = "Your delivery may be late" })).ToBeVisibleAsync();
        foreach (var option in new[] { "Move to another window", "Leave with a neighbour", "Leave in a safe place", "Deliver on another day" })
        {
            await Assertions.Expect(notice.GetByRole(AriaRole.Button, new() { Name = option })).ToBeVisibleAsync();
        }
        await notice.GetByRole(AriaRole.Button, new() { Name = "Move to another window" }).ClickAsync();
        var firstWindow = notice.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex(@"^\d\d:\d\d–\d\d:\d\d$") }).First;
        var chosen = await firstWindow.InnerTextAsync();
        await Screens.SaveAsync(page, "track-at-risk-en");
        await Axe.AssertNoSeriousViolationsAsync(page, "track: at risk with options");

        var ru = await host.NewPageAsync(locale: "ru-RU", width: Screens.Width, height: Screens.Height);
        await ru.GotoAsync("/t/" + s.Token("C"));
        await Assertions.Expect(ru.GetByRole(AriaRole.Heading, new() { Name = "Доставка может опоздать" })).ToBeVisibleAsync();
        await ru.GetByRole(AriaRole.Button, new() { Name = "Перенести на другой интервал" }).ClickAsync();
        await Screens.SaveAsync(ru, "track-at-risk-ru");
        await ru.Context.CloseAsync();

        await firstWindow.ClickAsync();
        await Assertions.Expect(page.GetByTestId("choice")).ToHaveTextAsync($"Moved to {chosen}. The courier knows.");
        await Assertions.Expect(page.GetByTestId("at-risk")).ToHaveCountAsync(0);

        // The order now promises the new window; the dispatcher sees the choice; the courier's notes carry it.
        var dispatcher = await s.DispatcherNowAsync();
        var order = (await dispatcher.GetFromJsonAsync<OrderResponse>($"/api/v1/orders/{s.OrderId("C")}"))!;
        var window = Assert.Single(order.Windows);
        Assert.Equal(chosen, $"{window.Start.UtcDateTime:HH:mm}–{window.End.UtcDateTime:HH:mm}");
        Assert.Contains("Customer moved the window to " + chosen, order.DeliveryNotes);
        var choices = (await dispatcher.GetFromJsonAsync<List<CustomerChoiceItem>>($"/api/v1/depots/{s.Depot.Id}/customer-choices?date={BoardHost.PlanDate}"))!;
        Assert.Equal("move_window", Assert.Single(choices).Choice.Kind);

        // A second choice is refused with a clear answer.
        var again = await new HttpClient { BaseAddress = new Uri(host.BaseUrl) }.PostAsJsonAsync($"/api/v1/tracking/{s.Token("C")}/choice",
            new { kind = "neighbour", note = "Flat 2" });
        Assert.Equal(System.Net.HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("Already chosen", (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());

        // Delivered: no position any more.
        s.At("12:10");
        await s.SendAsync(C.Lat, C.Lon, ("C", "delivered"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Delivered" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("courier-map")).ToHaveCountAsync(0);
        var view = await new HttpClient { BaseAddress = new Uri(host.BaseUrl) }.GetFromJsonAsync<JsonElement>($"/api/v1/tracking/{s.Token("C")}/page");
        Assert.Equal(JsonValueKind.Null, view.GetProperty("courier").ValueKind);
    }
}
