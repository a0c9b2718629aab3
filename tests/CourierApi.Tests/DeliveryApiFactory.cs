using System.Net.Http.Headers;
using System.Net.Http.Json;
using Delivery.CourierApi.Auth;
using Delivery.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Delivery.CourierApi.Tests;

/// <summary>
/// The real host over a schema of its own (<see cref="TestDatabase"/>), the real Redis, and a fake clock set to the
/// evening before the test's plan date. Use as a class fixture.
/// </summary>
public sealed class DeliveryApiFactory : WebApplicationFactory<Program>
{
    /// <summary>15:00 UTC on 30 Nov 2026, well before the 22:00 Lisbon cut-off for 1 Dec.</summary>
    public static readonly DateTimeOffset Start = new(2026, 11, 30, 15, 0, 0, TimeSpan.Zero);

    public static readonly DateOnly PlanDate = new(2026, 12, 1);

    private readonly bool _ownsDatabase = true;

    public DeliveryApiFactory()
    {
        Database = new TestDatabase();
    }

    /// <summary>A second host over another factory's database (restart tests); the database is not dropped on dispose.</summary>
    internal DeliveryApiFactory(TestDatabase database, FakeTimeProvider time)
    {
        Database = database;
        Time = time;
        _ownsDatabase = false;
    }

    public TestDatabase Database { get; }

    public FakeTimeProvider Time { get; } = new(Start);

    /// <summary>SignalR backplane channel prefix of this host, so tests never hear each other's messages.</summary>
    public string ChannelPrefix { get; } = "t-" + Guid.NewGuid().ToString("N");

    /// <summary>Prefix of this host's Redis keys (live state), so test classes never read each other's couriers.</summary>
    public string RedisKeyPrefix { get; } = "t-" + Guid.NewGuid().ToString("N") + ":";

    /// <summary>Secret the webhook's signatures are made with.</summary>
    public const string WebhookSecret = "test-webhook-secret";

    /// <summary>A real local listener the notification webhook posts to.</summary>
    internal WebhookListener Webhook { get; } = new();

    /// <summary>Extra configuration a test class wants.</summary>
    public Dictionary<string, string?> Settings { get; } = new();

    /// <summary>Extra services a test class wants (before the host starts).</summary>
    public Action<IServiceCollection>? ExtraServices { get; set; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:Delivery", Database.ConnectionString);
        builder.UseSetting("ConnectionStrings:Redis", TestServices.Redis + ",abortConnect=false");
        builder.UseSetting("Planning:TimeLimitSeconds", "2");
        builder.UseSetting("Planning:PollSeconds", "0.2");
        builder.UseSetting("Auth:SignInPermitsPerMinute", "1000");
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        builder.UseSetting("SignalR:ChannelPrefix", ChannelPrefix);
        builder.UseSetting("Tracking:RedisKeyPrefix", RedisKeyPrefix);
        builder.UseSetting("Notifications:WebhookUrl", Webhook.Url);
        builder.UseSetting("Notifications:SigningSecret", WebhookSecret);
        builder.UseSetting("Notifications:PollSeconds", "0.2");
        builder.UseSetting("RoadNetwork:LoadOnStart", "false"); // road tests turn it on with their own schema
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Time);
            ExtraServices?.Invoke(services);
        });
    }

    /// <summary>A client signed in (bearer token) as a new user with <paramref name="role"/> who works for every depot.</summary>
    public Task<HttpClient> ClientAsAsync(string role) => ClientAsAsync(role, depots: null);

    /// <summary>
    /// A client signed in (bearer token) as a new user with <paramref name="role"/> who works for <paramref name="depots"/>
    /// only (null: every depot; a depot the user creates is added).
    /// </summary>
    public async Task<HttpClient> ClientAsAsync(string role, IReadOnlyList<long>? depots)
    {
        var userName = role + "-" + Guid.NewGuid().ToString("N")[..8];
        using (var scope = Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserStore>();
            var id = await users.UpsertAsync(userName, role, role, "secret-pass", default, allDepots: depots is null);
            foreach (var depot in depots ?? [])
            {
                await users.AddDepotAsync(id, depot, default);
            }
        }
        return await SignedInAsync(userName, "secret-pass");
    }

    /// <summary>A client signed in (bearer token) with a user name and password.</summary>
    public async Task<HttpClient> SignedInAsync(string userName, string password)
    {
        var client = CreateClient();
        var response = await client.PostAsJsonAsync("/api/v1/auth/sign-in", new SignInRequest(userName, password));
        response.EnsureSuccessStatusCode();
        var token = await response.Content.ReadFromJsonAsync<TokenResponse>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token!.AccessToken);
        return client;
    }

    /// <summary>The bearer token of a new user with <paramref name="role"/>.</summary>
    public async Task<string> TokenAsync(string role)
    {
        var client = await ClientAsAsync(role);
        return client.DefaultRequestHeaders.Authorization!.Parameter!;
    }

    /// <summary>A new tracking link token of an order, as a notification would carry (only hashes are stored).</summary>
    public async Task<string> TrackingTokenAsync(long orderId) =>
        (await Services.GetRequiredService<Delivery.CourierApi.Features.CustomerPage.TrackingTokens>().MintAsync([orderId], default))[orderId];

    /// <summary>A client holding a courier device token.</summary>
    public HttpClient ClientWithDeviceToken(string token)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Webhook.Dispose();
        if (_ownsDatabase)
        {
            await Database.DisposeAsync();
        }
    }

    private sealed record TokenResponse(string AccessToken);
}
