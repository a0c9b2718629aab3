using System.Threading.RateLimiting;
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
        services.AddSingleton<TrackingTokens>();
        services.AddSingleton<CustomerPageStore>();
        services.AddSingleton<TrackPageFirstPaint>();
        // A guessed-token sweep or a stuck reload loop from one address is cut off; a real customer reloads far less.
        services.Configure<Microsoft.AspNetCore.RateLimiting.RateLimiterOptions>(o => o.AddPolicy(RateLimit, context =>
            Auth.AuthSetup.PerAddressPerMinute(context, context.RequestServices.GetRequiredService<IOptions<CustomerPageOptions>>().Value.PermitsPerMinute)));
        services.Configure<Microsoft.AspNetCore.RateLimiting.RateLimiterOptions>(o => o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(
            context => IsAnonymousHubConnect(context)
                ? Auth.AuthSetup.PerAddressPerMinute(context, context.RequestServices.GetRequiredService<IOptions<CustomerPageOptions>>().Value.AnonymousHubConnectionsPerMinute, "hub:")
                : RateLimitPartition.GetNoLimiter("")));
        services.AddSingleton<TrackOrderRateLimit>();
        services.Configure<HubOptions<Delivery.Tracking.Hubs.LiveHub>>(o => o.AddFilter<TrackOrderRateLimit>());
        return builder;
    }

    /// <summary>
    /// A new hub connection without a signed-in user: a negotiation, or a connection that skipped it (no <c>id</c>).
    /// Long-polling requests and sends of an open connection carry its <c>id</c> and are not counted.
    /// </summary>
    internal static bool IsAnonymousHubConnect(HttpContext context) =>
        context.Request.Path.StartsWithSegments("/hubs")
        && context.User.Identity?.IsAuthenticated != true
        && (context.Request.Path.Value!.EndsWith("/negotiate", StringComparison.Ordinal) || !context.Request.Query.ContainsKey("id"));

    public static WebApplication MapCustomerPage(this WebApplication app)
    {
        app.MapCustomerPageApi();
        TrackPageFirstPaint.MapTrackPage(app);
        app.MapCallbacks();
        return app;
    }
}
