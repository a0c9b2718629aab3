using System.Text.Json;
using System.Text.Json.Serialization;
using Delivery.Planner.Travel;
using Delivery.Tracking.Eta;
using Delivery.Tracking.Hubs;
using Delivery.Tracking.Ingest;
using Delivery.Tracking.Live;
using Delivery.Tracking.Metrics;
using Delivery.Tracking.Monitoring;
using Delivery.Tracking.Notifications;
using Delivery.Tracking.Routes;
using Delivery.Tracking.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using StackExchange.Redis;

namespace Delivery.Tracking;

/// <summary>
/// Registers live tracking. The host must also register an <see cref="IPublishedRouteSource"/> and the
/// <see cref="ITravelTimeSource"/> ETAs use (the host's one source: roads once loaded, its straight-line fallback until then).
/// </summary>
public static class TrackingServiceCollectionExtensions
{
    /// <summary>
    /// Service key of the clock tracking reads. It defaults to the registered <see cref="TimeProvider"/>; register a
    /// keyed one to move tracking's clock without moving the framework's (SignalR timeouts keep real time).
    /// </summary>
    public const string ClockKey = "Delivery.Tracking.Clock";

    /// <summary>
    /// Adds tracking: options (section <c>Tracking</c>), stores over <c>ConnectionStrings:Delivery</c> (an existing
    /// <see cref="NpgsqlDataSource"/> is reused), Redis over <c>ConnectionStrings:Redis</c> (an existing
    /// <see cref="IConnectionMultiplexer"/> is reused), SignalR with the Redis backplane, the silent-tablet monitor
    /// and the customer notification outbox with its sender (section <c>Notifications</c>).
    /// </summary>
    public static IServiceCollection AddTracking(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<TrackingOptions>().BindConfiguration(TrackingOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        var options = configuration.GetSection(TrackingOptions.Section).Get<TrackingOptions>() ?? new TrackingOptions();
        var pg = configuration.GetConnectionString("Delivery")
            ?? throw new InvalidOperationException("ConnectionStrings:Delivery is required by tracking.");
        var redis = configuration.GetConnectionString("Redis")
            ?? throw new InvalidOperationException("ConnectionStrings:Redis is required by tracking.");

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddKeyedSingleton<TimeProvider>(ClockKey, (sp, _) => sp.GetRequiredService<TimeProvider>());
        services.TryAddSingleton(_ => NpgsqlDataSource.Create(pg));
        services.TryAddSingleton<IConnectionMultiplexer>(_ => ConnectionMultiplexer.Connect(redis));

        services.AddSingleton<PositionPartitions>();
        // Public types with internal constructors (their parameters are internal types) are built here, explicitly.
        services.AddSingleton(sp => new PositionStore(sp.GetRequiredService<NpgsqlDataSource>(), sp.GetRequiredService<PositionPartitions>()));
        services.AddSingleton(sp => new DeliveryEventStore(sp.GetRequiredService<NpgsqlDataSource>(), Clock(sp), sp.GetRequiredService<NotificationOutbox>()));
        services.AddSingleton<TrackingWriter>();
        services.AddSingleton<RouteCache>();
        services.AddSingleton<CourierCalendar>();
        services.AddSingleton<LiveStateStore>();
        services.AddSingleton<LiveStateLoader>();
        services.AddSingleton<LivePublisher>();
        services.AddSingleton(sp => new EtaEngine(sp.GetRequiredService<ITravelTimeSource>()));
        services.AddSingleton<LiveUpdater>();
        services.AddSingleton(sp => new TrackingIngestor(sp.GetRequiredService<RouteCache>(), sp.GetRequiredService<CourierCalendar>(),
            sp.GetRequiredService<TrackingWriter>(), sp.GetRequiredService<LiveStateLoader>(), sp.GetRequiredService<LiveUpdater>(),
            sp.GetRequiredService<NpgsqlDataSource>(), sp.GetRequiredService<IOptions<TrackingOptions>>(), Clock(sp),
            sp.GetRequiredService<ILogger<TrackingIngestor>>()));
        services.AddSingleton(sp => new LiveQuery(sp.GetRequiredService<IPublishedRouteSource>(), sp.GetRequiredService<LiveStateLoader>(),
            sp.GetRequiredService<LiveStateStore>(), sp.GetRequiredService<LiveUpdater>(), sp.GetRequiredService<CourierCalendar>(), Clock(sp)));
        services.AddSingleton<PaperOutcomeRecorder>();
        services.AddSingleton(sp => new DeviceConnections(sp.GetRequiredService<IConnectionMultiplexer>(), sp.GetRequiredService<IOptions<TrackingOptions>>()));
        services.AddSingleton(sp => new RouteChangeNotifier(sp.GetRequiredService<IHubContext<CourierHub, ICourierClient>>(), sp.GetRequiredService<RouteCache>(),
            sp.GetRequiredService<DeviceConnections>()));
        services.AddSingleton(sp => new WindowHitQuery(sp.GetRequiredService<DeliveryEventStore>(), sp.GetService<ICancelledStopSource>()));
        services.AddSingleton(sp => new SilentTabletMonitor(sp.GetRequiredService<LiveStateStore>(), sp.GetRequiredService<LivePublisher>(),
            sp.GetRequiredService<IOptions<TrackingOptions>>(), Clock(sp), sp.GetRequiredService<ILogger<SilentTabletMonitor>>()));
        services.AddHostedService(sp => sp.GetRequiredService<SilentTabletMonitor>());
        AddNotifications(services);

        // JSON for browsers and scripts; MessagePack for tablets and the simulator (smaller frames, far cheaper to parse).
        // The courier hub reads any batch the limits allow (and backlogs well over them, to answer "split"): the default
        // 32 KB would close a tablet's connection over an offline backlog without a word.
        var signalR = services.AddSignalR().AddJsonProtocol(o => ConfigureJson(o.PayloadSerializerOptions)).AddMessagePackProtocol()
            .AddHubOptions<CourierHub>(o => o.MaximumReceiveMessageSize = options.MaxMessageBytes);
        if (options.UseRedisBackplane)
        {
            signalR.AddStackExchangeRedis(redis, o => o.Configuration.ChannelPrefix = RedisChannel.Literal(options.RedisKeyPrefix));
        }
        return services;
    }

    private static TimeProvider Clock(IServiceProvider sp) => sp.GetRequiredKeyedService<TimeProvider>(ClockKey);

    /// <summary>
    /// The notification outbox, its sender (every node) and the sender's resilient webhook client: each attempt is cut
    /// off after <see cref="NotificationOptions.AttemptTimeoutSeconds"/>, retried twice with back-off, and a circuit
    /// breaker stops hammering a webhook that keeps failing; the outbox retries later still.
    /// </summary>
    private static void AddNotifications(IServiceCollection services)
    {
        services.AddOptions<NotificationOptions>().BindConfiguration(NotificationOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<NotificationOutbox>();
        services.AddSingleton<NotificationSender>();
        services.AddHostedService(sp => sp.GetRequiredService<NotificationSender>());
        var pipeline = services.AddHttpClient(NotificationSender.HttpClientName, c => c.Timeout = Timeout.InfiniteTimeSpan)
            .AddStandardResilienceHandler();
        services.AddOptions<Microsoft.Extensions.Http.Resilience.HttpStandardResilienceOptions>(pipeline.PipelineName)
            .Configure<IOptions<NotificationOptions>>((o, notifications) =>
            {
                var attempt = TimeSpan.FromSeconds(notifications.Value.AttemptTimeoutSeconds);
                o.AttemptTimeout.Timeout = attempt;
                o.Retry.MaxRetryAttempts = 2;
                o.Retry.Delay = TimeSpan.FromMilliseconds(200);
                o.Retry.BackoffType = Polly.DelayBackoffType.Exponential;
                o.TotalRequestTimeout.Timeout = attempt * 3 + TimeSpan.FromSeconds(2);
                o.CircuitBreaker.SamplingDuration = TimeSpan.FromSeconds(Math.Max(30, attempt.TotalSeconds * 2 + 1));
                o.CircuitBreaker.BreakDuration = TimeSpan.FromSeconds(15);
            });
    }

    /// <summary>Hub JSON settings shared by server and clients: source-generated types first, enums as strings.</summary>
    public static void ConfigureJson(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.TypeInfoResolverChain.Insert(0, TrackingJsonContext.Default);
        options.Converters.Add(new JsonStringEnumConverter());
    }
}
