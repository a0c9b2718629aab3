using Delivery.Tracking.Live;
using Delivery.Tracking.Routes;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Delivery.CourierApi.Features.Tracking;

/// <summary>The customer's view of a delivery by tracking token (public; the token is the secret).</summary>
internal static class CustomerViewEndpoints
{
    public const int MaxTokenLength = 200;

    public static RouteGroupBuilder MapCustomerView(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/tracking").WithTags("Tracking").AllowAnonymous();
        group.MapGet("/{token}", ViewAsync).WithSummary("A customer's view of their delivery");
        return group;
    }

    internal static async Task<Results<Ok<CustomerView>, NotFound>> ViewAsync(string token, IPublishedRouteSource routes, LiveQuery live, CancellationToken ct)
    {
        var target = token.Length > MaxTokenLength ? null : await routes.FindByTrackingTokenAsync(token, ct);
        var view = target is null ? null : await live.CustomerViewAsync(target, ct);
        return view is null ? TypedResults.NotFound() : TypedResults.Ok(view);
    }
}
