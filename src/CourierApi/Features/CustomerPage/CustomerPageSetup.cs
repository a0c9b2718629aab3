using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace Delivery.CourierApi.Features.CustomerPage;

/// <summary>The customer's tracking page: its API, the dispatcher's callback queue, the per-address rate limit.</summary>
internal static class CustomerPageSetup
{
    public const string RateLimit = "tracking";

    public static WebApplicationBuilder AddCustomerPage(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<CustomerPageOptions>().BindConfiguration(CustomerPageOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<TrackingLink>();
        services.AddSingleton<CustomerPageStore>();
        // A guessed-token sweep or a stuck reload loop from one address is cut off; a real customer reloads far less.
        services.Configure<Microsoft.AspNetCore.RateLimiting.RateLimiterOptions>(o => o.AddPolicy(RateLimit, context =>
            Auth.AuthSetup.PerAddressPerMinute(context, context.RequestServices.GetRequiredService<IOptions<CustomerPageOptions>>().Value.PermitsPerMinute)));
        services.AddSingleton<TrackOrderRateLimit>();
        services.Configure<HubOptions<Delivery.Tracking.Hubs.LiveHub>>(o => o.AddFilter<TrackOrderRateLimit>());
        return builder;
    }

    public static WebApplication MapCustomerPage(this WebApplication app)
    {
        app.MapCustomerPageApi();
        app.MapCallbacks();
        return app;
    }
}
