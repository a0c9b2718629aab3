using System.Reflection;
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
using Microsoft.Extensions.Options;
using Npgsql;
using StackExchange.Redis;

namespace Delivery.Tracking;

/// <summary>Registers and maps live tracking. The host must also register an <see cref="IPublishedRouteSource"/>.</summary>
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
    /// and the webhook notifier.
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
        services.TryAddSingleton<ITravelTimeSource>(sp =>
        {
            var o = sp.GetRequiredService<IOptions<TrackingOptions>>().Value;
            return new StraightLineTravelTimeSource(o.FallbackCircuity, o.FallbackSpeedKmh);
        });
        services.AddHttpClient();

        services.AddSingleton<PositionPartitions>();
        services.AddSingleton(Build<PositionStore>);
        services.AddSingleton(Build<DeliveryEventStore>);
        services.AddSingleton<TrackingWriter>();
        services.AddSingleton<RouteCache>();
        services.AddSingleton<CourierCalendar>();
        services.AddSingleton<LiveStateStore>();
        services.AddSingleton<LiveStateLoader>();
        services.AddSingleton<LivePublisher>();
        services.AddSingleton(sp => new EtaEngine(sp.GetRequiredService<ITravelTimeSource>()));
        services.AddSingleton<LiveUpdater>();
        services.AddSingleton(Build<TrackingIngestor>);
        services.AddSingleton(Build<LiveQuery>);
        services.AddSingleton(Build<PaperOutcomeRecorder>);
        services.AddSingleton(Build<RouteChangeNotifier>);
        services.AddSingleton(sp => new WindowHitQuery(sp.GetRequiredService<DeliveryEventStore>(), sp.GetService<ICancelledStopSource>()));
        services.AddSingleton<WebhookCustomerNotifier>();
        services.TryAddSingleton<ICustomerNotifier>(sp => sp.GetRequiredService<WebhookCustomerNotifier>());
        services.AddHostedService(sp => sp.GetRequiredService<WebhookCustomerNotifier>());
        services.AddSingleton(Build<SilentTabletMonitor>);
        services.AddHostedService(sp => sp.GetRequiredService<SilentTabletMonitor>());

        // JSON for browsers and scripts; MessagePack for tablets and the simulator (smaller frames, far cheaper to parse).
        var signalR = services.AddSignalR().AddJsonProtocol(o => ConfigureJson(o.PayloadSerializerOptions)).AddMessagePackProtocol();
        if (options.UseRedisBackplane)
        {
            signalR.AddStackExchangeRedis(redis, o => o.Configuration.ChannelPrefix = RedisChannel.Literal(options.RedisKeyPrefix));
        }
        return services;
    }

    /// <summary>Creates a type through its (possibly internal) constructor, resolving keyed and optional parameters.</summary>
    private static T Build<T>(IServiceProvider sp)
    {
        var ctor = typeof(T).GetConstructors(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic).Single();
        var args = ctor.GetParameters().Select(p => p.GetCustomAttribute<FromKeyedServicesAttribute>() is { } keyed
            ? sp.GetRequiredKeyedService(p.ParameterType, keyed.Key)
            : p.HasDefaultValue ? sp.GetService(p.ParameterType) ?? p.DefaultValue : sp.GetRequiredService(p.ParameterType)).ToArray();
        return (T)ctor.Invoke(args);
    }

    /// <summary>Hub JSON settings shared by server and clients: source-generated types first, enums as strings.</summary>
    public static void ConfigureJson(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.TypeInfoResolverChain.Insert(0, TrackingJsonContext.Default);
        options.Converters.Add(new JsonStringEnumConverter());
    }
}
