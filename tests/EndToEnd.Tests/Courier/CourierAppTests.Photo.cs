using Microsoft.Playwright;

namespace Delivery.EndToEnd.Tests.Courier;

public sealed partial class CourierAppTests
{
    /// <summary>A 2400×1800 PNG drawn by the browser itself (the "camera" picture): the app must downscale it to a JPEG.</summary>
    private const string CameraPicture = """
        () => { const c = document.createElement('canvas'); c.width = 2400; c.height = 1800; const g = c.getContext('2d');
          g.fillStyle = '#2d7a4f'; g.fillRect(0, 0, 2400, 1800); g.fillStyle = '#f5e663'; g.fillRect(600, 450, 1200, 900);
          return c.toDataURL('image/png').split(',')[1]; }
        """;

    [Fact]
    public async Task A_proof_photo_taken_offline_survives_a_reload_and_is_stored_once_after_its_event()
    {
        var (courierId, _, token) = await day.TakeCourierAsync();
        var page = await day.TabletAsync();
        await CourierDay.PairAsync(page, token);
        await page.WaitForFunctionAsync("() => navigator.serviceWorker.controller !== null");

        await page.Context.SetOfflineAsync(true);
        await Assertions.Expect(page.GetByTestId("sync")).ToContainTextAsync("Offline");
        var picture = Convert.FromBase64String(await page.EvaluateAsync<string>(CameraPicture));
        await page.GetByLabel("Delivered + photo").SetInputFilesAsync(new FilePayload { Name = "door.png", MimeType = "image/png", Buffer = picture });
        await Assertions.Expect(Sync(page)).ToHaveAttributeAsync("data-events", "1");
        await Assertions.Expect(Sync(page)).ToHaveAttributeAsync("data-photos", "1");
        await Assertions.Expect(Sync(page)).ToContainTextAsync("1 photo waiting");

        await page.ReloadAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Today's route" })).ToBeVisibleAsync();
        await Assertions.Expect(Sync(page)).ToHaveAttributeAsync("data-photos", "1");
        Assert.Equal(0, await day.CountAsync($"SELECT count(*) FROM delivery_photos WHERE courier_id = '{courierId}'"));
        // The route's stops are on the map after the offline reload too (the first frame that drew them marks the container).
        await Assertions.Expect(page.GetByTestId("map")).ToHaveAttributeAsync("data-drawn-ring", new System.Text.RegularExpressions.Regex("^[1-9]"));
        if (Environment.GetEnvironmentVariable("DELIVERY_SCREENSHOTS") is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
            await page.ScreenshotAsync(new() { Path = Path.Combine(folder, "courier-photo-waiting-en-1280x800.png") });
        }

        await page.Context.SetOfflineAsync(false);
        await Assertions.Expect(Sync(page)).ToHaveAttributeAsync("data-events", "0", new() { Timeout = 60_000 });
        await Assertions.Expect(Sync(page)).ToHaveAttributeAsync("data-photos", "0", new() { Timeout = 60_000 });
        Assert.Equal(1, await day.CountAsync($"SELECT count(*) FROM delivery_photos WHERE courier_id = '{courierId}'"));
        // Downscaled in the browser: a JPEG, far smaller than the picture, with the delivered event it was taken with.
        Assert.Equal(1, await day.CountAsync($"""
            SELECT count(*) FROM delivery_photos p JOIN delivery_events e ON e.event_key = p.event_key
            WHERE p.courier_id = '{courierId}' AND p.content_type = 'image/jpeg' AND p.size_bytes < {picture.Length} AND e.kind = 'delivered'
            """));
        await Axe.AssertNoSeriousViolationsAsync(page, "courier after a photo");
    }
}
