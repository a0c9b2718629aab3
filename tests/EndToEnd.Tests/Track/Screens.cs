using Microsoft.Playwright;

namespace Delivery.EndToEnd.Tests.Track;

/// <summary>Phone screenshots (390×844) written under tests/EndToEnd.Tests/screenshots/, to be looked at (STYLE-FRONTEND #13).</summary>
internal static class Screens
{
    public const int Width = 390;
    public const int Height = 844;

    public static async Task SaveAsync(IPage page, string name)
    {
        var folder = Path.Combine(Delivery.Testing.Checkout.Root, "tests", "EndToEnd.Tests", "screenshots");
        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name + ".png"), FullPage = false });
    }
}
