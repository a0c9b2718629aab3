using Delivery.CourierApi.Features.Fleet;
using Delivery.CourierApi.Features.Orders;
using Delivery.CourierApi.Features.Plans;
using Delivery.CourierApi.Features.Routes;
using Delivery.CourierApi.Hosting;
using Delivery.Planner;
using Delivery.Planner.Solving;
using Delivery.Planner.Travel;
using Microsoft.Extensions.Options;

namespace Delivery.CourierApi.Features;

/// <summary>Services of the REST features (stores, importers, planning worker, notifications) and SignalR.</summary>
internal static class FeatureSetup
{
    public static WebApplicationBuilder AddDeliveryFeatures(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddDeliveryOpenApi();
        services.AddSingleton<FleetStore>();
        services.AddSingleton<Courier.CourierStopStore>();
        services.AddSingleton<Courier.PhotoStore>();
        services.AddOptions<Courier.PhotoOptions>().BindConfiguration(Courier.PhotoOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<OrderStore>();
        services.AddSingleton<OrderWriter>();
        services.AddSingleton<CutOff>();

        // Planning: the planner is the seam tests replace; travel times and geometry come from the road network (WiringSetup).
        services.AddPlanner();
        services.AddSingleton<PlanInputLoader>();
        services.AddSingleton<PlanStore>();
        services.AddSingleton<PlanReader>();
        services.AddSingleton<RouteEnds>();
        services.AddSingleton<RouteLines>();
        services.AddSingleton<RouteTimer>();
        services.AddSingleton<PlanningJobStore>();
        services.AddSingleton<PlanningRunner>();
        if (builder.Configuration.GetValue("Demo:Enabled", false))
        {
            // Before the worker, so the demo's planning job is waiting when the worker starts.
            services.AddHostedService<Data.DemoSeeder>();
        }
        if (builder.Configuration.GetValue("Demo:Simulate", false))
        {
            services.AddOptions<Data.DemoSimulationOptions>().BindConfiguration(Data.DemoSimulationOptions.Section).ValidateDataAnnotations().ValidateOnStart();
            services.AddHostedService<Data.DemoSimulation>();
        }
        services.AddSingleton<PlanEditor>();
        if (builder.Configuration.GetValue("Planning:RunWorker", true))
        {
            services.AddHostedService<PlanningWorker>();
        }

        services.AddSingleton<PlanPublisher>();

        // SignalR with the Redis backplane so any node can push to any dispatcher; the prefix keeps deployments (and tests) apart.
        var signalR = services.AddSignalR();
        if (builder.Configuration.GetConnectionString("Redis") is { Length: > 0 } redis)
        {
            signalR.AddStackExchangeRedis(redis, o => o.Configuration.ChannelPrefix =
                StackExchange.Redis.RedisChannel.Literal(builder.Configuration["SignalR:ChannelPrefix"] ?? "delivery"));
        }
        return builder;
    }
}
