using Microsoft.Playwright;

namespace Delivery.Testing.Browser;

/// <summary>
/// Debian's Chromium (<c>/usr/bin/chromium</c>) driven by Playwright, headless: the one browser start-up of the
/// end-to-end tests and the <c>pages</c> benchmark (Playwright cannot download browsers on this machine kind).
/// </summary>
public sealed class Chromium : IAsyncDisposable
{
    /// <summary>Debian's Chromium.</summary>
    public const string ExecutablePath = "/usr/bin/chromium";

    private readonly IPlaywright _playwright;

    private Chromium(IPlaywright playwright, IBrowser browser)
    {
        _playwright = playwright;
        Browser = browser;
    }

    /// <summary>The running browser.</summary>
    public IBrowser Browser { get; }

    /// <summary>Starts Playwright's driver and a headless Chromium.</summary>
    public static async Task<Chromium> LaunchAsync()
    {
        // Expect(...) waits 5 s by default, the actions 20 s (NewContextAsync's default): on 2 loaded cores a sign-in's
        // password hash alone can take longer than 5 s. One limit for both; it bounds a wait, it measures nothing.
        Assertions.SetDefaultExpectTimeout(20_000);
        var playwright = await Playwright.CreateAsync();
        try
        {
            var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = ExecutablePath,
                Headless = true,
                Args = ["--no-sandbox", "--disable-dev-shm-usage"],
            });
            return new Chromium(playwright, browser);
        }
        catch
        {
            playwright.Dispose();
            throw;
        }
    }

    /// <summary>
    /// A new context (own cookies, cache and storage) on <paramref name="baseUrl"/>, in the depot's time zone
    /// (Europe/Lisbon), with <paramref name="configure"/> applied to the options last.
    /// </summary>
    public async Task<IBrowserContext> NewContextAsync(
        string baseUrl, string locale = "en-GB", int width = 1440, int height = 900, Action<BrowserNewContextOptions>? configure = null)
    {
        var options = new BrowserNewContextOptions
        {
            BaseURL = baseUrl,
            Locale = locale,
            ViewportSize = new ViewportSize { Width = width, Height = height },
            TimezoneId = "Europe/Lisbon",
            AcceptDownloads = true,
        };
        configure?.Invoke(options);
        return await Browser.NewContextAsync(options);
    }

    /// <summary>Opens <c>/board</c>, is sent to the sign-in page, signs in; returns on the board.</summary>
    public static async Task SignInAsync(IPage page, string user = "demo", string password = "demo-password", string locale = "en-GB")
    {
        var ru = locale.StartsWith("ru", StringComparison.Ordinal);
        await page.GotoAsync("/board");
        await page.WaitForURLAsync("**/signin**");
        await page.GetByLabel(ru ? "Имя пользователя" : "User name").FillAsync(user);
        await page.GetByLabel(ru ? "Пароль" : "Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = ru ? "Войти" : "Sign in", Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**/board**");
    }

    /// <summary>Closes the browser and the driver.</summary>
    public async ValueTask DisposeAsync()
    {
        await Browser.CloseAsync();
        _playwright.Dispose();
    }
}
