using Delivery.Testing;
using Delivery.Tracking.Hubs;
using Delivery.Tracking.Notifications;
using Delivery.Tracking.Routes;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using System.Text.Json;
using Delivery.Planner.Travel;
using Npgsql;

namespace Delivery.Tracking.Tests.Support;

/// <summary>
/// A minimal web host on Kestrel 127.0.0.1:0 with AddTracking/MapTracking, test authentication, the host's real
/// published-route source over the API tables, the straight-line travel source and the given clock.
/// </summary>
public sealed class TrackingTestHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly List<HubConnection> _connections = [];

    private TrackingTestHost(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    public Uri Address { get; }

    public IServiceProvider Services => _app.Services;

    public static async Task<TrackingTestHost> StartAsync(
        TestDatabase db, string redisPrefix, TimeProvider time, IDictionary<string, string?>? settings = null, bool backplane = false)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(k => k.Listen(System.Net.IPAddress.Loopback, 0));
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var config = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Delivery"] = db.ConnectionString,
            ["ConnectionStrings:Redis"] = TestRedis.ConfigurationString,
            ["Tracking:RedisKeyPrefix"] = redisPrefix,
            ["Tracking:UseRedisBackplane"] = backplane ? "true" : "false",
            ["Tracking:RouteCacheSeconds"] = "0",
            ["Tracking:SilentCheckSeconds"] = "3600",
        };
        foreach (var kv in settings ?? new Dictionary<string, string?>())
        {
            config[kv.Key] = kv.Value;
        }
        builder.Configuration.AddInMemoryCollection(config);
        builder.Services.AddKeyedSingleton(TrackingServiceCollectionExtensions.ClockKey, time);
        builder.Services.AddSingleton(_ => NpgsqlDataSource.Create(db.ConnectionString));
        // The host's fallback shape (straight line × 1.3); these tests reckon at 30 km/h.
        builder.Services.AddSingleton<ITravelTimeSource>(new StraightLineTravelTimeSource(1.3, 30));
        builder.Services.AddSingleton<IPublishedRouteSource>(sp => new Delivery.CourierApi.Features.Tracking.PublishedRouteSource(sp.GetRequiredService<NpgsqlDataSource>()));
        builder.Services.AddAuthentication(TestAuthHandler.SchemeName).AddScheme<AuthenticationSchemeOptions, TestAuthHandler>(TestAuthHandler.SchemeName, null);
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy("Courier", p => p.RequireClaim("courier_id"))
            .AddPolicy("Dispatcher", p => p.RequireRole("dispatcher"));
        builder.Services.AddTracking(builder.Configuration);
        var app = builder.Build();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapTracking();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new TrackingTestHost(app, new Uri(address));
    }

    /// <summary>The customer notifications tracking queued in the outbox, oldest first.</summary>
    public async Task<IReadOnlyList<CustomerNotification>> NotificationsAsync()
    {
        var entries = await Get<NotificationOutbox>().ListAsync(null, null, null, 1000);
        return entries.OrderBy(e => e.Id).Select(e => JsonSerializer.Deserialize<CustomerNotification>(e.Payload, Json)!).ToList();
    }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public T Get<T>() where T : notnull => _app.Services.GetRequiredService<T>();

    /// <summary>A started hub connection with <paramref name="token"/> (see <see cref="TestAuthHandler"/>).</summary>
    public async Task<HubConnection> ConnectAsync(string path, string? token, HubWireProtocol protocol = HubWireProtocol.Json)
    {
        var connection = TrackingHubConnection.Build(new Uri(Address, path), token, protocol);
        // The server's clock may be fake (no keep-alive pings): do not let the client give up on it.
        connection.ServerTimeout = TimeSpan.FromMinutes(10);
        await connection.StartAsync();
        _connections.Add(connection);
        return connection;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var c in _connections)
        {
            await c.DisposeAsync();
        }
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
