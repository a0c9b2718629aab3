using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Delivery.CourierApi.Auth;
using Delivery.CourierApi.Features.CustomerPage;

namespace Delivery.CourierApi.Tests.Features;

/// <summary>
/// <c>GET /t/{token}</c> answers with its first lines already written (phase, window, ETA range) in the customer's
/// language, and the page's data as JSON, so a slow line waits for no second request; unknown and expired links say so.
/// </summary>
public sealed partial class TrackPageFirstPaintTests : IAsyncLifetime
{
    private readonly DeliveryApiFactory _api = new();

    [Theory]
    [InlineData("14:22", 0, null, "14:15", "14:35")]   // driving here: −5/+10, rounded outward to 5 minutes
    [InlineData("14:20", 0, null, "14:15", "14:30")]   // round times stay round
    [InlineData("14:22", 2, null, "14:15", "14:40")]   // up to three stops before: −5/+15
    [InlineData("14:22", 8, null, "14:10", "14:45")]   // further: −10/+20
    [InlineData("14:22", null, null, "14:10", "14:45")]
    [InlineData("10:40", 0, "11:00", "11:00", "11:10")] // an early courier waits: never before the window
    [InlineData("11:02", 0, "11:00", "11:00", "11:15")]
    public void EtaRange_NarrowsWithStopsBeforeAndNeverStartsBeforeTheWindow(string arrival, int? stopsBefore, string? windowStart, string from, string to)
    {
        static DateTimeOffset At(string hhmm) => DateTimeOffset.Parse($"2026-12-01T{hhmm}:00Z", System.Globalization.CultureInfo.InvariantCulture);
        var range = EtaRange.Of(At(arrival), stopsBefore, windowStart is null ? null : At(windowStart));
        Assert.Equal((At(from), At(to)), range);
    }

    [Fact]
    public void Summary_CourierOnTheWay_EtaRangeAndWindowInTheDepotsZone()
    {
        var at = new DateTimeOffset(2026, 7, 1, 13, 0, 0, TimeSpan.Zero); // Lisbon is UTC+1 in July
        var page = new TrackingPageResponse("on_the_way", "Europe/Lisbon", new DateOnly(2026, 7, 1), at, at.AddHours(2), at.AddMinutes(22), 0, false,
            null, null, null, CustomerOptions.None, null, null, false, "r1", "s1", at.AddMinutes(15), at.AddMinutes(35));

        var html = TrackPageFirstPaint.Summary(200, page, "en");

        Assert.Contains($">{Catalogue("en", "phase", "on_the_way")}</h2>", html);
        Assert.Contains($"<p data-testid=\"eta\">{Catalogue("en", "eta")} <strong>14:15–14:35</strong></p>", html);
        Assert.Contains($"<p data-testid=\"window\">{Catalogue("en", "window")} 14:00–16:00</p>", html);
    }

    [Fact]
    public async Task Page_RussianBrowser_PhaseAndWindowWrittenInRussianWithTheApisData()
    {
        var s = await Scenario.CreateAsync(await _api.ClientAsAsync(Roles.Dispatcher), couriers: 1);
        var order = await s.OrderAsync("FP1");

        using var response = await Get($"/t/{order.TrackingToken}", "ru-RU,ru;q=0.9,en;q=0.5");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        Assert.Contains("<html lang=\"ru\">", html);
        Assert.Contains($"<h2 id=\"phase\" style=\"font-size:1.5rem;margin:4px 0 12px\">{Catalogue("ru", "phase", "ordered")}</h2>", html);
        Assert.Contains($"<p data-testid=\"window\">{Catalogue("ru", "window")} {Catalogue("ru", "noWindow")}</p>", html); // not planned yet
        Assert.DoesNotContain("data-testid=\"eta\"", html);
        var state = JsonDocument.Parse(State().Match(html).Groups[1].Value).RootElement;
        Assert.Equal(200, state.GetProperty("status").GetInt32());
        var api = JsonDocument.Parse(await _api.CreateClient().GetStringAsync($"/api/v1/tracking/{order.TrackingToken}/page")).RootElement;
        Assert.Equal(api.GetRawText(), state.GetProperty("page").GetRawText());
    }

    [Fact]
    public async Task Page_UnknownAndExpiredLinks_SayWhyInTheBrowsersLanguage()
    {
        var s = await Scenario.CreateAsync(await _api.ClientAsAsync(Roles.Dispatcher), couriers: 1);
        var order = await s.OrderAsync("FP2");

        using var unknown = await Get("/t/not-a-real-token-at-all", "en-GB");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        var html = await unknown.Content.ReadAsStringAsync();
        Assert.Contains(Catalogue("en", "unknown", "title"), html);
        Assert.Contains("{\"status\":404,\"page\":null}", html);

        _api.Time.SetUtcNow(_api.Time.GetUtcNow().AddDays(30));
        using var expired = await Get($"/t/{order.TrackingToken}", "uk-UA");
        Assert.Equal(HttpStatusCode.Gone, expired.StatusCode);
        Assert.Contains(Catalogue("ru", "expired", "title"), await expired.Content.ReadAsStringAsync());
    }

    private async Task<HttpResponseMessage> Get(string path, string language)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.TryAddWithoutValidation("Accept-Language", language);
        return await _api.CreateClient().SendAsync(request);
    }

    /// <summary>A text of the page's own catalogue, as embedded in the host.</summary>
    private static string Catalogue(string language, params string[] path)
    {
        using var stream = typeof(EtaRange).Assembly.GetManifestResourceStream($"track.{language}.json")!;
        var node = JsonDocument.Parse(stream).RootElement;
        foreach (var key in path)
        {
            node = node.GetProperty(key);
        }
        return WebUtility.HtmlEncode(node.GetString()!);
    }

    [GeneratedRegex("<script id=\"track-state\" type=\"application/json\">(.*?)</script>", RegexOptions.Singleline)]
    private static partial Regex State();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _api.DisposeAsync();
}
