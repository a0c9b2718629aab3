using Delivery.CourierApi.Features.Fleet;
using Delivery.CourierApi.Features.Orders;

namespace Delivery.CourierApi.Features;

/// <summary>Services of the REST features (stores, importers, planning worker, notifications).</summary>
internal static class FeatureSetup
{
    public static WebApplicationBuilder AddDeliveryFeatures(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOpenApi();
        services.AddSingleton<FleetStore>();
        services.AddSingleton<OrderStore>();
        services.AddSingleton<OrderWriter>();
        services.AddSingleton<CutOff>();
        return builder;
    }
}
