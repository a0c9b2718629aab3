using Delivery.CourierApi.Features.Fleet;

namespace Delivery.CourierApi.Features;

/// <summary>Services of the REST features (stores, importers, planning worker, notifications).</summary>
internal static class FeatureSetup
{
    public static WebApplicationBuilder AddDeliveryFeatures(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOpenApi();
        services.AddSingleton<FleetStore>();
        return builder;
    }
}
