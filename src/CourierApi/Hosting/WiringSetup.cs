using System.Text.Json.Serialization.Metadata;
using Delivery.CourierApi.Auth;
using Delivery.CourierApi.Features.Analytics;
using Delivery.CourierApi.Features.Calibration;
using Delivery.CourierApi.Features.Insights;
using Delivery.CourierApi.Features.Manifests;
using Delivery.CourierApi.Features.Plans;
using Delivery.CourierApi.Features.RoadNetwork;
using Delivery.CourierApi.Features.Tracking;
using Delivery.Manifests;
using Delivery.Planner.Travel;
using Delivery.Planner.Travel.Road;
using Delivery.Tracking;
using Delivery.Tracking.Metrics;
using Delivery.Tracking.Routes;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace Delivery.CourierApi.Hosting;

/// <summary>
/// Wires the libraries into the host: the road network (travel times and route geometry once loaded), tracking (hubs,
/// window hits, customer view) over the published routes, and paper manifests with the way back from paper.
/// The one registration of <see cref="ITravelTimeSource"/> (a depot's active calibration on top, <see cref="CalibratedTravelTimeSource"/>) and <see cref="IRouteGeometrySource"/> (planning, edits, ETAs
/// and maps alike): roads once the network is loaded, straight lines at <c>Planning:SpeedKmh</c> × <c>Planning:CircuityFactor</c> until then.
/// </summary>
internal static class WiringSetup
{
    public static WebApplicationBuilder AddDeliveryWiring(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;

        // Road network: loaded in the background; plans and geometry use it once it is there.
        services.AddOptions<RoadNetworkOptions>().BindConfiguration(RoadNetworkOptions.Section);
        services.AddOptions<RoadTravelTimeOptions>().BindConfiguration(RoadTravelTimeOptions.Section);
        var loadOnStart = configuration.GetValue("RoadNetwork:LoadOnStart", true);
        services.AddSingleton(sp =>
        {
            var state = new RoadNetworkState(sp.GetRequiredService<IOptions<RoadNetworkOptions>>().Value.Schema);
            if (loadOnStart)
            {
                state.LoadingStarted(); // before any hosted service starts, so a plan queued at start waits for the roads
            }
            return state;
        });
        if (loadOnStart)
        {
            services.AddHostedService<RoadNetworkLoading>();
        }
        services.AddSingleton(sp =>
        {
            var o = sp.GetRequiredService<IOptions<PlanningOptions>>().Value;
            return new HostTravelTimeSource(sp.GetRequiredService<RoadNetworkState>(), new StraightLineTravelTimeSource(o.CircuityFactor, o.SpeedKmh),
                TimeSpan.FromSeconds(configuration.GetValue("RoadNetwork:WaitForLoadSeconds", 180)));
        });
        // With a depot's active calibration: time-of-day matrices for its plans and ETAs (the scope is the depot).
        services.AddSingleton(sp => new CalibratedTravelTimeSource(sp.GetRequiredService<HostTravelTimeSource>(),
            sp.GetRequiredService<RoadNetworkState>(), sp.GetRequiredService<CalibrationStore>(), sp.GetRequiredService<Npgsql.NpgsqlDataSource>(),
            sp.GetRequiredService<IOptions<RoadTravelTimeOptions>>()));
        services.AddSingleton<ITravelTimeSource>(sp => sp.GetRequiredService<CalibratedTravelTimeSource>());
        if (loadOnStart)
        {
            services.AddHostedService<CalibrationWarmUp>();
        }
        services.AddSingleton<IRouteGeometrySource, HostRouteGeometrySource>();

        // Tracking: the host's SignalR already has the Redis backplane (SignalR:ChannelPrefix), so tracking does not add a second one.
        if (configuration["Tracking:UseRedisBackplane"] is null)
        {
            configuration["Tracking:UseRedisBackplane"] = "false";
        }
        services.AddTracking(configuration);
        // Tracking's Redis keys follow the host's SignalR channel prefix (one per deployment, one per test host) unless set.
        services.AddOptions<TrackingOptions>().PostConfigure<IConfiguration>((o, c) =>
        {
            if (c["Tracking:RedisKeyPrefix"] is null && c["SignalR:ChannelPrefix"] is { Length: > 0 } prefix)
            {
                o.RedisKeyPrefix = prefix + ":";
            }
        });
        services.AddSingleton<PublishedRouteSource>();
        services.AddSingleton<IPublishedRouteSource>(sp => sp.GetRequiredService<PublishedRouteSource>());
        services.AddSingleton<ICancelledStopSource>(sp => sp.GetRequiredService<PublishedRouteSource>());
        // Tracking puts its source-generated JSON first on the hub protocol; keep reflection after it for the planning hub's messages.
        services.PostConfigure<JsonHubProtocolOptions>(o => o.PayloadSerializerOptions.TypeInfoResolverChain.Add(new DefaultJsonTypeInfoResolver()));

        // Manifests: renderer options and the host's print options share the section.
        services.AddManifests();
        services.AddOptions<ManifestOptions>().BindConfiguration(ManifestOptions.Section);
        services.AddOptions<ManifestPrintOptions>().BindConfiguration(ManifestOptions.Section);
        services.AddSingleton<ManifestStore>();
        services.AddSingleton<PaperOutcomeStore>();
        services.AddSingleton<PaperOutcomeService>();
        services.AddSingleton<InsightsStore>();
        services.AddSingleton<ZoneStore>();
        return builder;
    }

    public static WebApplication MapDeliveryWiring(this WebApplication app)
    {
        app.MapManifests();
        app.MapTracking();
        app.MapAnalytics();
        app.MapInsights();
        app.MapCustomerView();
        app.MapGet("/api/v1/road-network", async (RoadNetworkState state, Features.Tiles.RoadTileSource tiles, CancellationToken ct) =>
            {
                var map = await tiles.NetworkAsync(ct);
                return TypedResults.Ok(state.Info() with { StreetTiles = map.Available, StreetTilesReason = map.Reason });
            })
            .WithTags("Road network").RequireAuthorization(Policies.Staff)
            .WithSummary("Whether plans use road travel times (loaded network) or straight lines, and why.");
        return app;
    }
}
