using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Delivery.EndToEnd.Tests.Courier;

/// <summary>
/// Every screen of the courier app in English and Russian on a 1280×800 tablet and a 390×844 phone, saved as PNGs
/// (bin/…/screenshots, or DELIVERY_SCREENSHOTS) to be looked at; axe checks each screen.
/// </summary>
public sealed partial class CourierAppTests
{
    private static readonly (int W, int H)[] Sizes = [(1280, 800), (390, 844)];

    private static string Folder => Environment.GetEnvironmentVariable("DELIVERY_SCREENSHOTS") is { Length: > 0 } d ? d : Path.Combine(AppContext.BaseDirectory, "screenshots");

    private static readonly Dictionary<string, Dictionary<string, string>> Words = new()
    {
        ["en"] = new() { ["partly"] = "Partly delivered", ["failed"] = "Failed", ["cancel"] = "Cancel", ["reason"] = "No one home", ["list"] = "Route", ["map"] = "Map", ["next"] = "Next stop", ["more"] = "One more refused of ", ["line"] = " (line 1)", ["photo"] = "Add a photo (optional)" },
        ["ru"] = new() { ["partly"] = "Частично", ["failed"] = "Не доставлено", ["cancel"] = "Отмена", ["reason"] = "Никого нет дома", ["list"] = "Маршрут", ["map"] = "Карта", ["next"] = "Следующая", ["more"] = "На одну больше отказа: ", ["line"] = " (строка 1)", ["photo"] = "Добавить фото (необязательно)" },
    };

    [Fact]
    public async Task Every_courier_screen_in_both_languages_on_tablet_and_phone()
    {
        Directory.CreateDirectory(Folder);
        foreach (var lang in new[] { "en", "ru" })
        {
            var w = Words[lang];
            var locale = lang == "en" ? "en-GB" : "ru-RU";
            var (_, _, token) = await day.TakeCourierAsync();
            var route = await RouteOfAsync(token);
            var first = route.GetProperty("route").GetProperty("stops")[0].GetProperty("orderId").GetInt64();
            await day.Host.Database.ScalarAsync($"UPDATE orders SET delivery_notes = '{(lang == "en" ? "Child asleep — knock, do not ring. Third floor, blue door." : "Ребёнок спит — стучите, не звоните. Третий этаж, синяя дверь.")}' WHERE id = {first}");

            var page = await day.TabletAsync(locale);
            await page.GotoAsync("/courier/");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
            await ShootAsync(page, lang, "pair");
            await CourierDay.PairAsync(page, token, lang);
            await Expect(page.GetByTestId("map")).ToHaveAttributeAsync("data-ready", "true");
            await ShootAsync(page, lang, "route");

            await page.SetViewportSizeAsync(390, 844);
            await ShootAsync(page, lang, "phone-next", sizes: [(390, 844)]);
            await page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Button, new() { Name = w["list"], Exact = true }).ClickAsync();
            await ShootAsync(page, lang, "phone-list", sizes: [(390, 844)]);
            await page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Button, new() { Name = w["map"], Exact = true }).ClickAsync();
            await ShootAsync(page, lang, "phone-map", sizes: [(390, 844)]);
            await page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Button, new() { Name = w["next"], Exact = true }).ClickAsync();
            await page.SetViewportSizeAsync(1280, 800);

            var sku = route.GetProperty("stops")[0].GetProperty("items")[0].GetProperty("sku").GetString();
            await page.GetByRole(AriaRole.Button, new() { Name = w["partly"], Exact = true }).ClickAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = w["more"] + sku + w["line"], Exact = true }).ClickAsync();
            await ShootAsync(page, lang, "partly");
            await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = w["cancel"], Exact = true }).ClickAsync();

            await page.GetByRole(AriaRole.Button, new() { Name = w["failed"], Exact = true }).ClickAsync();
            await page.GetByLabel(w["reason"]).CheckAsync();
            await page.GetByRole(AriaRole.Dialog).GetByLabel(w["photo"]).SetInputFilesAsync(new FilePayload
            {
                Name = "door.png", MimeType = "image/png",
                Buffer = Convert.FromBase64String(await page.EvaluateAsync<string>("() => { const c = document.createElement('canvas'); c.width = 800; c.height = 600; c.getContext('2d').fillRect(0, 0, 800, 600); return c.toDataURL('image/png').split(',')[1]; }")),
            });
            await Expect(page.GetByTestId("photo-attached")).ToBeVisibleAsync();
            // The courier sees the picture itself, decoded from what the outbox will keep.
            await Expect(page.GetByTestId("photo-thumbnail")).ToBeVisibleAsync();
            Assert.True(await page.GetByTestId("photo-thumbnail").EvaluateAsync<bool>("i => i.complete && i.naturalWidth === 800"));
            await ShootAsync(page, lang, "failed");
            await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = w["cancel"], Exact = true }).ClickAsync();

            await page.Context.SetOfflineAsync(true);
            await page.GetByRole(AriaRole.Button, new() { Name = lang == "en" ? "Delivered" : "Доставлено", Exact = true }).ClickAsync();
            await ShootAsync(page, lang, "offline-undo");
            await page.Context.SetOfflineAsync(false);
            await page.Context.CloseAsync();
        }
    }

    private static async Task ShootAsync(IPage page, string lang, string screen, (int W, int H)[]? sizes = null)
    {
        // Back to the size the walk was at: restoring the tablet size after a phone shot hid the phone's tab bar (it
        // shows below 900 px only), which is why "Map" was "not found" after "Route".
        var before = page.ViewportSize ?? new() { Width = Sizes[0].W, Height = Sizes[0].H };
        await Axe.AssertNoSeriousViolationsAsync(page, $"courier {screen} ({lang})");
        foreach (var (w, h) in sizes ?? Sizes)
        {
            await page.SetViewportSizeAsync(w, h);
            await page.WaitForTimeoutAsync(500); // the map re-lays out
            await page.ScreenshotAsync(new() { Path = Path.Combine(Folder, $"courier-{screen}-{lang}-{w}x{h}.png") });
        }
        await page.SetViewportSizeAsync(before.Width, before.Height);
    }
}
