using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Delivery.CourierApi.Features.Orders;
using Microsoft.Playwright;

namespace Delivery.EndToEnd.Tests.Track;

/// <summary>Tracking links: an unknown or guessed token answers alike, an expired one says so, one address is rate limited.</summary>
public sealed class TrackingLinkTests(BoardHost host) : IClassFixture<BoardHost>
{
    [Fact]
    public async Task Unknown_and_guessed_tokens_answer_alike_expired_says_expired_and_300_a_minute_are_limited()
    {
        using var dispatcher = await TrackScenario.DispatcherAsync(host);
        var depots = await dispatcher.GetFromJsonAsync<JsonElement>("/api/v1/depots");
        var depotId = depots.EnumerateArray().First().GetProperty("id").GetInt64();
        // Tokens are stored as hashes: the answer that creates an order is the one place the API shows its token.
        var day = new DateTime(2026, 12, 1, 0, 0, 0, DateTimeKind.Utc);
        var created = await dispatcher.PostAsJsonAsync($"/api/v1/depots/{depotId}/orders", new CreateOrderRequest(
            "link-" + Guid.NewGuid().ToString("N")[..6], DateOnly.Parse(BoardHost.PlanDate, CultureInfo.InvariantCulture), "Rua 1, Porto", 41.1466, -8.6110,
            "Customer", [new WindowDto(day.AddHours(9), day.AddHours(11))], Items: [new OrderItemDto("Bread", 1, 1.2m)]));
        var token = (await created.Content.ReadFromJsonAsync<OrderResponse>())!.TrackingToken!;
        var anonymous = new HttpClient { BaseAddress = new Uri(host.BaseUrl) };

        // A guessed token of the real length and a malformed one get the same answer, word for word.
        var guessed = new string('x', token.Length);
        var a = await anonymous.GetAsync($"/api/v1/tracking/{guessed}/page");
        var b = await anonymous.GetAsync("/api/v1/tracking/nope/page");
        Assert.Equal(HttpStatusCode.NotFound, a.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, b.StatusCode);
        Assert.Equal(Title(await a.Content.ReadAsStringAsync()), Title(await b.Content.ReadAsStringAsync()));
        var page = await host.NewPageAsync(width: Screens.Width, height: Screens.Height);
        await page.GotoAsync("/t/" + guessed);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Link not found" })).ToBeVisibleAsync();
        await Axe.AssertNoSeriousViolationsAsync(page, "track: unknown link");

        // The real token works now (planned, not yet published: "order received") …
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync($"/api/v1/tracking/{token}/page")).StatusCode);
        // … and answers "expired" once the validity after the delivery day has passed (7 days by default).
        host.Time.SetUtcNow(new DateTimeOffset(2026, 12, 9, 0, 30, 0, TimeSpan.Zero));
        var expired = await anonymous.GetAsync($"/api/v1/tracking/{token}/page");
        Assert.Equal(HttpStatusCode.Gone, expired.StatusCode);
        Assert.Equal("Link expired", Title(await expired.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.Gone, (await anonymous.GetAsync($"/api/v1/tracking/{token}")).StatusCode);
        await page.GotoAsync("/t/" + token);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "This link has expired" })).ToBeVisibleAsync();
        var ru = await host.NewPageAsync(locale: "ru-RU", width: Screens.Width, height: Screens.Height);
        await ru.GotoAsync("/t/" + token);
        await Assertions.Expect(ru.GetByRole(AriaRole.Heading, new() { Name = "Срок действия ссылки истёк" })).ToBeVisibleAsync();

        // 300 requests in a minute from one address: the excess gets 429 problem details.
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 300; i++)
        {
            statuses.Add((await anonymous.GetAsync($"/api/v1/tracking/{guessed}/page")).StatusCode);
        }
        Assert.Contains(HttpStatusCode.TooManyRequests, statuses);
        var limited = await anonymous.GetAsync($"/api/v1/tracking/{token}");
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal("Too many requests", Title(await limited.Content.ReadAsStringAsync()));
    }

    private static string? Title(string json) => JsonDocument.Parse(json).RootElement.GetProperty("title").GetString();
}
