using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Delivery.EndToEnd.Tests.Courier;

/// <summary>The courier's map in a dead zone: the route's area is cached at the start of the day, and the streets still draw offline after a reload.</summary>
public sealed class OfflineMapTests(StreetCourierDay day) : IClassFixture<StreetCourierDay>
{
    [Fact]
    public async Task Street_tiles_of_the_route_area_load_from_the_cache_after_an_offline_reload()
    {
        var (_, _, token) = await day.TakeCourierAsync();
        var page = await day.TabletAsync();
        var tilesFromNetwork = 0;
        page.Request += (_, r) => { if (r.Url.Contains("/tiles/", StringComparison.Ordinal)) Interlocked.Increment(ref tilesFromNetwork); };
        await CourierDay.PairAsync(page, token);
        var map = page.GetByTestId("map");
        await Expect(map).ToHaveAttributeAsync("data-streets", "streets");
        await Expect(page.GetByTestId("area-tiles")).ToContainTextAsync("map of the area saved offline", new() { Timeout = 120_000 });
        var cached = await page.EvaluateAsync<int>("async () => (await (await caches.open('courier-day-tiles')).keys()).length");
        Assert.True(cached > 20, $"{cached} tiles cached");
        await page.WaitForFunctionAsync("() => navigator.serviceWorker.controller !== null");

        tilesFromNetwork = 0;
        await page.Context.SetOfflineAsync(true);
        await page.ReloadAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Today's route" })).ToBeVisibleAsync();
        await Expect(map).ToHaveAttributeAsync("data-ready", "true");
        await Expect(map).ToHaveAttributeAsync("data-streets", "streets");
        // The streets are drawn: rendered road features come from cached tiles, none from the network (there is none).
        await page.WaitForFunctionAsync("() => Number(document.querySelector('[data-testid=map]')?.getAttribute('data-road-features')) > 0", null, new() { Timeout = 30_000 });
        Assert.Equal(0, tilesFromNetwork);
        await page.Context.SetOfflineAsync(false);
        await page.Context.CloseAsync();
    }
}
