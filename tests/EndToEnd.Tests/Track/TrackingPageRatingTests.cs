using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Delivery.CourierApi.Features.CustomerPage;
using Microsoft.Playwright;

namespace Delivery.EndToEnd.Tests.Track;

/// <summary>After the delivery: a rating once; three stars or fewer reach the callback queue, five do not; done records the time.</summary>
public sealed class TrackingPageRatingTests(BoardHost host) : IClassFixture<BoardHost>
{
    [Fact]
    public async Task Delivered_order_takes_a_2_star_rating_once_into_the_callback_queue_and_5_stars_stay_out()
    {
        await using var s = await TrackScenario.CreateAsync(host, new("P", 41.1500, -8.6200, 9, 11), new("Q", 41.1550, -8.6050, 9, 11));
        var anonymous = new HttpClient { BaseAddress = new Uri(host.BaseUrl) };
        // Not delivered yet: a rating is refused.
        var early = await anonymous.PostAsJsonAsync($"/api/v1/tracking/{s.Token("P")}/rating", new { rating = 4 });
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);

        s.At("09:20");
        await s.SendAsync(41.1500, -8.6200, ("P", "delivered"), ("Q", "delivered"));

        var page = await host.NewPageAsync(width: Screens.Width, height: Screens.Height);
        await page.GotoAsync("/t/" + s.Token("P"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Delivered" })).ToBeVisibleAsync();
        var form = page.GetByRole(AriaRole.Group, new() { Name = "How was your delivery?" });
        await Assertions.Expect(form).ToBeVisibleAsync();
        await Axe.AssertNoSeriousViolationsAsync(page, "track: delivered, rating form");
        await form.GetByRole(AriaRole.Radio, new() { Name = "2 stars" }).CheckAsync();
        await page.GetByLabel("Anything to tell us? (optional)").FillAsync("Left at the wrong door.");
        await Screens.SaveAsync(page, "track-delivered-rating-en");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send rating" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("rated")).ToContainTextAsync("You rated this delivery 2 of 5.");
        await Assertions.Expect(page.GetByTestId("rated")).ToContainTextAsync("Someone from our team will call you.");
        await Screens.SaveAsync(page, "track-rated-en");
        await Axe.AssertNoSeriousViolationsAsync(page, "track: rated");

        // Once: a second rating is refused, and the reloaded page shows the one given.
        var twice = await anonymous.PostAsJsonAsync($"/api/v1/tracking/{s.Token("P")}/rating", new { rating = 5 });
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        Assert.Equal("Already rated", (await twice.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
        await page.ReloadAsync();
        await Assertions.Expect(page.GetByTestId("rated")).ToContainTextAsync("2 of 5");
        var bad = await anonymous.PostAsJsonAsync($"/api/v1/tracking/{s.Token("Q")}/rating", new { rating = 7 });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.True((await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("rating", out _));

        // Five stars (in Russian) do not enter the queue.
        var ru = await host.NewPageAsync(locale: "ru-RU", width: Screens.Width, height: Screens.Height);
        await ru.GotoAsync("/t/" + s.Token("Q"));
        await Assertions.Expect(ru.GetByRole(AriaRole.Heading, new() { Name = "Доставлено" })).ToBeVisibleAsync();
        await ru.GetByRole(AriaRole.Group, new() { Name = "Как прошла доставка?" }).GetByRole(AriaRole.Radio, new() { Name = "5 звёзд" }).CheckAsync();
        await Screens.SaveAsync(ru, "track-delivered-rating-ru");
        await ru.GetByRole(AriaRole.Button, new() { Name = "Отправить оценку" }).ClickAsync();
        await Assertions.Expect(ru.GetByTestId("rated")).ToContainTextAsync("5 из 5");

        var dispatcher = await s.DispatcherNowAsync();
        var queue = (await dispatcher.GetFromJsonAsync<List<CallbackItem>>($"/api/v1/depots/{s.Depot.Id}/callbacks"))!;
        var item = Assert.Single(queue);
        Assert.Equal(s.OrderId("P"), item.OrderId);
        Assert.Equal(2, item.Rating);
        Assert.Equal("Left at the wrong door.", item.Comment);
        Assert.NotNull(item.HandoverAt);
        Assert.Null(item.CalledBackAt);

        // The call-back: done records when and by whom, and the time it took from the rating.
        s.At("10:05");
        dispatcher = await s.DispatcherNowAsync();
        var done = await dispatcher.PostAsJsonAsync($"/api/v1/orders/{s.OrderId("P")}/callback/done", new { outcome = "Apologised; voucher sent." });
        Assert.Equal(HttpStatusCode.NoContent, done.StatusCode);
        Assert.Empty((await dispatcher.GetFromJsonAsync<List<CallbackItem>>($"/api/v1/depots/{s.Depot.Id}/callbacks"))!);
        var all = Assert.Single((await dispatcher.GetFromJsonAsync<List<CallbackItem>>($"/api/v1/depots/{s.Depot.Id}/callbacks?includeDone=true"))!);
        Assert.Equal(host.Time.GetUtcNow(), all.CalledBackAt);
        Assert.Equal("demo", all.CalledBackBy);
        Assert.Equal(45, all.MinutesToCallBack);
        Assert.Equal(HttpStatusCode.Conflict, (await dispatcher.PostAsJsonAsync($"/api/v1/orders/{s.OrderId("P")}/callback/done", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await dispatcher.PostAsJsonAsync($"/api/v1/orders/{s.OrderId("Q")}/callback/done", new { })).StatusCode);
    }
}
