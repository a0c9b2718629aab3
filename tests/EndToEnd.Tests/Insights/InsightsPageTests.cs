using System.Text;
using Delivery.Testing.Insights;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Delivery.EndToEnd.Tests.Insights;

/// <summary>Two weeks of generated history at the demo depot (8 couriers × 12 stops a day), for the insights page.</summary>
public sealed class InsightsHost : IAsyncLifetime
{
    public BoardHost Host { get; } = new();

    public async Task InitializeAsync()
    {
        await Host.InitializeAsync();
        var depot = 0L;
        for (var i = 0; i < 100 && depot == 0; i++)
        {
            depot = Convert.ToInt64(await Host.Database.ScalarAsync("SELECT coalesce(max(id), 0) FROM depots WHERE code = 'demo-porto'"));
            if (depot == 0)
            {
                await Task.Delay(200);
            }
        }
        await DeliveryHistory.WriteAsync(Host.Database.DataSource, depot, new DateOnly(2026, 11, 16), 14, 8, 12);
    }

    public Task DisposeAsync() => Host.DisposeAsync();
}

/// <summary>The analyst's insights page (/insights) in real Chromium through the real host, with screenshots to look at.</summary>
public sealed class InsightsPageTests(InsightsHost fixture) : IClassFixture<InsightsHost>
{
    private static string Folder => Environment.GetEnvironmentVariable("DELIVERY_SCREENSHOTS") is { Length: > 0 } d ? d : Path.Combine(AppContext.BaseDirectory, "screenshots");

    private BoardHost Host => fixture.Host;

    [Fact]
    public async Task Analyst_picks_a_period_sees_rate_and_causes_drills_down_to_a_stop_and_exports_csv()
    {
        var page = await Host.SignedInPageAsync("analyst", "analyst-password");
        await page.GotoAsync("/insights");
        // Dates as the English page writes them (day/month/year), whatever the browser's own language.
        await Expect(page.GetByLabel("From")).ToHaveAttributeAsync("placeholder", "dd/mm/yyyy");
        await page.GetByLabel("From").FillAsync("16/11/2026");
        await page.GetByLabel("From").PressAsync("Enter");
        await page.GetByLabel("To", new() { Exact = true }).FillAsync("29/11/2026");
        await page.GetByLabel("To", new() { Exact = true }).PressAsync("Enter");
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("from=2026-11-16.*to=2026-11-29|to=2026-11-29.*from=2026-11-16"));

        await Expect(page.GetByTestId("hit-rate")).ToContainTextAsync("%");
        await Expect(page.GetByText(new System.Text.RegularExpressions.Regex(@"of [\d,]+ handovers with a window"))).ToBeVisibleAsync();
        var causes = page.GetByRole(AriaRole.Region, new() { Name = "Why late" });
        await Expect(causes.GetByRole(AriaRole.Heading, new() { Name = "Systemic causes" })).ToBeVisibleAsync();
        await Expect(causes.GetByRole(AriaRole.Listitem).First).ToContainTextAsync("min of lateness");
        // Analysts read; the page offers nothing to change.
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Publish" })).ToHaveCountAsync(0);
        await Axe.AssertNoSeriousViolationsAsync(page, "insights");

        await causes.GetByRole(AriaRole.Button, new() { NameRegex = new("^Show the late stops") }).First.ClickAsync();
        var stops = page.Locator("#stops");
        await Expect(stops.GetByRole(AriaRole.Status)).ToContainTextAsync("stops");
        var firstStop = stops.GetByRole(AriaRole.Button, new() { NameRegex = new("^Open the story of stop") }).First;
        await firstStop.ClickAsync();
        var story = page.Locator("#story");
        await Expect(story.GetByRole(AriaRole.Heading, new() { NameRegex = new(@"^Stop \d+") })).ToBeVisibleAsync();
        await Expect(story).ToContainTextAsync("min late");
        await Expect(story.GetByRole(AriaRole.Heading, new() { Name = "Recorded" })).ToBeVisibleAsync();

        var download = await page.RunAndWaitForDownloadAsync(() =>
            stops.GetByRole(AriaRole.Button, new() { NameRegex = new("^Export the table") }).ClickAsync());
        var path = await download.PathAsync();
        var bytes = await File.ReadAllBytesAsync(path!);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var header = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n")[0];
        Assert.StartsWith("Stop,Date,Courier,Zone,Window,Planned,Arrived,Handed over,Result,\"Late, min\"", header);
        Assert.EndsWith(".csv", download.SuggestedFilename);
    }

    [Theory]
    [InlineData("en-GB", 1440, 900, "desktop")]
    [InlineData("ru-RU", 1440, 900, "desktop")]
    [InlineData("en-GB", 390, 844, "phone")]
    [InlineData("ru-RU", 390, 844, "phone")]
    public async Task Screens_in_both_languages(string locale, int width, int height, string size)
    {
        var page = await Host.SignedInPageAsync("analyst", "analyst-password", locale, width, height);
        await page.GotoAsync("/insights?from=2026-11-16&to=2026-11-29");
        await Expect(page.GetByTestId("hit-rate")).ToContainTextAsync("%");
        await Expect(page.Locator("#causes li").First).ToBeVisibleAsync();
        Directory.CreateDirectory(Folder);
        var lang = locale[..2];
        await page.ScreenshotAsync(new() { Path = Path.Combine(Folder, $"insights-{lang}-{size}.png") });
        await Axe.AssertNoSeriousViolationsAsync(page, $"insights {lang} {size}");
        // The page scrolls inside the shell: a tall viewport shows all of it at once.
        await page.SetViewportSizeAsync(width, 3000);
        await Expect(page.GetByRole(AriaRole.Tablist)).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(Folder, $"insights-{lang}-{size}-full.png") });
        await page.SetViewportSizeAsync(width, height);

        await page.Locator("#causes li button").First.ClickAsync();
        await page.Locator("#stops tbody button").First.ClickAsync();
        await Expect(page.Locator("#story h2")).ToBeVisibleAsync();
        await page.Locator("#story").ScrollIntoViewIfNeededAsync();
        // The lazy map has drawn the stop (GeoJsonLayer marks how many features it drew).
        await Expect(page.Locator("#story [data-drawn-stop]:not([data-drawn-stop='0'])")).ToHaveCountAsync(1);
        await page.ScreenshotAsync(new() { Path = Path.Combine(Folder, $"insights-story-{lang}-{size}.png") });
    }
}
