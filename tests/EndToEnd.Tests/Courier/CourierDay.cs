using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;

namespace Delivery.EndToEnd.Tests.Courier;

/// <summary>
/// The real host (<see cref="BoardHost"/>) with tomorrow's demo evening planned and published, then the host's clock
/// moved to 08:00 UTC on the delivery day and running on from there with real time, so the browser's clock (set to the
/// same instant, flowing) and the host's agree. Each test takes a courier of its own with <see cref="TakeCourierAsync"/>.
/// </summary>
public class CourierDay : IAsyncLifetime
{
    public static readonly DateTimeOffset DayStart = new(2026, 12, 1, 8, 0, 0, TimeSpan.Zero);

    private readonly Stopwatch _since = new();
    private readonly CancellationTokenSource _stop = new();
    private Task? _follow;
    private int _taken;

    public BoardHost Host { get; } = new();

    public long PlanVersionId { get; private set; }

    /// <summary>The demo depot the plan is for (the dispatcher's live group).</summary>
    public long DepotId { get; private set; }

    /// <summary>Courier ids with a route in the published plan, most stops first.</summary>
    public List<long> Couriers { get; } = [];

    /// <summary>Runs before the host starts (a subclass sets host settings here).</summary>
    protected virtual Task BeforeHostAsync() => Task.CompletedTask;

    public async Task InitializeAsync()
    {
        await BeforeHostAsync();
        Host.Settings["Planning:TimeLimitSeconds"] = "2"; // the demo's own evening job too
        await Host.InitializeAsync();
        using var dispatcher = await DispatcherAsync();
        var depots = await dispatcher.GetFromJsonAsync<JsonElement>("/api/v1/depots");
        var depotId = DepotId = depots[0].GetProperty("id").GetInt64();
        var started = await dispatcher.PostAsync($"/api/v1/depots/{depotId}/plans?date={BoardHost.PlanDate}&timeLimitSeconds=2", null);
        if (started.StatusCode == System.Net.HttpStatusCode.Conflict)
        {
            // The demo's own 10 s job for the evening: cancel it, then plan with a short limit.
            var demoJob = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("jobId").GetInt64();
            await dispatcher.PostAsync($"/api/v1/planning-jobs/{demoJob}/cancel", null);
            await WaitJobAsync(dispatcher, demoJob);
            started = await dispatcher.PostAsync($"/api/v1/depots/{depotId}/plans?date={BoardHost.PlanDate}&timeLimitSeconds=2", null);
        }
        started.EnsureSuccessStatusCode();
        var job = await WaitJobAsync(dispatcher, (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64());
        Assert.Equal("succeeded", job.GetProperty("status").GetString());
        PlanVersionId = job.GetProperty("resultVersionId").GetInt64();
        var published = await dispatcher.PostAsync($"/api/v1/plan-versions/{PlanVersionId}/publish", null);
        published.EnsureSuccessStatusCode();
        var plan = await published.Content.ReadFromJsonAsync<JsonElement>();
        Couriers.AddRange(plan.GetProperty("routes").EnumerateArray()
            .Where(r => r.GetProperty("stops").GetArrayLength() >= 3)
            .OrderByDescending(r => r.GetProperty("stops").GetArrayLength())
            .Select(r => r.GetProperty("courierId").GetInt64()));

        Host.Time.SetUtcNow(DayStart);
        _since.Start();
        _follow = Task.Run(async () =>
        {
            while (!_stop.IsCancellationRequested)
            {
                var target = DayStart + _since.Elapsed;
                if (target > Host.Time.GetUtcNow())
                {
                    Host.Time.SetUtcNow(target);
                }
                await Task.Delay(100);
            }
        });
    }

    private static async Task<JsonElement> WaitJobAsync(HttpClient dispatcher, long jobId)
    {
        var until = DateTime.UtcNow.AddMinutes(5);
        JsonElement job;
        do
        {
            await Task.Delay(200);
            job = await dispatcher.GetFromJsonAsync<JsonElement>($"/api/v1/planning-jobs/{jobId}");
        }
        while (job.GetProperty("status").GetString() is not ("succeeded" or "failed" or "cancelled") && DateTime.UtcNow < until);
        return job;
    }

    /// <summary>A dispatcher's client, signed in now (bearer tokens follow the host's clock).</summary>
    public async Task<HttpClient> DispatcherAsync()
    {
        var client = new HttpClient { BaseAddress = new Uri(Host.BaseUrl) };
        var response = await client.PostAsJsonAsync("/api/v1/auth/sign-in", new { userName = "demo", password = "demo-password" });
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>A courier of the plan no other test of the class uses, and a new device token for them.</summary>
    public async Task<(long CourierId, long DeviceId, string Token)> TakeCourierAsync()
    {
        var courierId = Couriers[Interlocked.Increment(ref _taken) - 1];
        using var dispatcher = await DispatcherAsync();
        var issued = await dispatcher.PostAsJsonAsync($"/api/v1/couriers/{courierId}/devices", new { name = "tablet" });
        issued.EnsureSuccessStatusCode();
        var device = await issued.Content.ReadFromJsonAsync<JsonElement>();
        return (courierId, device.GetProperty("deviceId").GetInt64(), device.GetProperty("token").GetString()!);
    }

    /// <summary>A tablet: its own context, geolocation allowed at the depot, the clock at the host's instant and running.</summary>
    public async Task<IPage> TabletAsync(string locale = "en-GB", int width = 1280, int height = 800)
    {
        var context = await Host.Chromium.NewContextAsync(Host.BaseUrl, locale, width, height, o =>
        {
            o.Permissions = ["geolocation"];
            o.Geolocation = new Geolocation { Latitude = 41.1579f, Longitude = -8.6291f, Accuracy = 10 };
            o.ServiceWorkers = ServiceWorkerPolicy.Allow;
        });
        context.SetDefaultTimeout(30_000);
        var page = await context.NewPageAsync();
        await page.Clock.SetSystemTimeAsync(Host.Time.GetUtcNow().UtcDateTime);
        return page;
    }

    /// <summary>Opens the app and pairs with the token on the pairing screen; the route is on screen after.</summary>
    public static async Task PairAsync(IPage page, string token, string locale = "en")
    {
        await page.GotoAsync("/courier/");
        await page.GetByLabel(locale == "ru" ? "Код подключения или токен устройства" : "Pairing code or device token").FillAsync(token);
        await page.GetByRole(AriaRole.Button, new() { Name = locale == "ru" ? "Подключить" : "Pair", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = locale == "ru" ? "Маршрут на сегодня" : "Today's route" })).ToBeVisibleAsync();
    }

    public async Task<long> CountAsync(string sql)
    {
        var value = await Host.Database.ScalarAsync(sql);
        return Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture);
    }

    public virtual async Task DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_follow is not null)
        {
            await _follow;
        }
        _stop.Dispose();
        await Host.DisposeAsync();
    }
}
