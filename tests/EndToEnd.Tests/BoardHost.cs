using Delivery.Testing;
using Delivery.Testing.Browser;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Playwright;

namespace Delivery.EndToEnd.Tests;

/// <summary>
/// The real host on a real loopback port (Kestrel) over a schema of its own and the real Redis, seeded with the demo
/// (Porto depot, couriers, 160 orders for tomorrow, users demo and analyst), and Debian's Chromium driven by
/// Playwright. The host's clock and the browser's clock are pinned to the same instant: 15:00 UTC on 30 Nov 2026,
/// so "tomorrow" is 1 Dec and the 22:00 Lisbon cut-off is still open. Use as a class fixture.
/// </summary>
public sealed class BoardHost : IAsyncLifetime
{
    public static readonly DateTimeOffset Start = new(2026, 11, 30, 15, 0, 0, TimeSpan.Zero);

    public const string PlanDate = "2026-12-01";

    private HostFactory? _factory;
    private Chromium? _chromium;

    public TestDatabase Database { get; } = new();

    public FakeTimeProvider Time { get; } = new(Start);

    /// <summary>Where the host listens, e.g. http://127.0.0.1:41234.</summary>
    public string BaseUrl { get; private set; } = "";

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>The browser start-up shared with the pages benchmark (contexts with the depot's zone).</summary>
    public Chromium Chromium => _chromium ?? throw new InvalidOperationException("The host is not started.");

    /// <summary>Extra host settings a test class wants (before the first test).</summary>
    public Dictionary<string, string?> Settings { get; } = new();

    public async Task InitializeAsync()
    {
        _factory = new HostFactory(this);
        _factory.UseKestrel(0);
        _factory.StartServer();
        BaseUrl = _factory.ClientOptions.BaseAddress.ToString().TrimEnd('/');
        _chromium = await Chromium.LaunchAsync();
        Browser = _chromium.Browser;
    }

    /// <summary>A fresh browser context (own cookies) and page, clock pinned to the host's, language chosen.</summary>
    public async Task<IPage> NewPageAsync(string locale = "en-GB", int width = 1440, int height = 900)
    {
        var context = await _chromium!.NewContextAsync(BaseUrl, locale, width, height);
        context.SetDefaultTimeout(20_000);
        var page = await context.NewPageAsync();
        await page.Clock.SetFixedTimeAsync(Time.GetUtcNow().UtcDateTime);
        return page;
    }

    /// <summary>Opens the sign-in page and signs in; lands on the board.</summary>
    public async Task<IPage> SignedInPageAsync(string user = "demo", string password = "demo-password", string locale = "en-GB", int width = 1440, int height = 900)
    {
        var page = await NewPageAsync(locale, width, height);
        await Chromium.SignInAsync(page, user, password, locale);
        return page;
    }

    public async Task DisposeAsync()
    {
        if (_chromium is not null)
        {
            await _chromium.DisposeAsync();
        }
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }
        await Database.DisposeAsync();
    }

    private sealed class HostFactory(BoardHost host) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Testing");
            builder.UseSetting("ConnectionStrings:Delivery", host.Database.ConnectionString);
            builder.UseSetting("ConnectionStrings:Redis", TestServices.Redis + ",abortConnect=false");
            builder.UseSetting("Demo:Enabled", "true");
            builder.UseSetting("Planning:PollSeconds", "0.2");
            builder.UseSetting("Auth:SignInPermitsPerMinute", "1000");
            builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
            builder.UseSetting("SignalR:ChannelPrefix", "e2e-" + Guid.NewGuid().ToString("N"));
            builder.UseSetting("RoadNetwork:LoadOnStart", "false");
            foreach (var (key, value) in host.Settings)
            {
                builder.UseSetting(key, value);
            }
            builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(host.Time));
        }
    }
}
