using Delivery.CourierApi.Features.CustomerPage;
using Delivery.Tracking.Live;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Delivery.CourierApi.Features.Tracking;

/// <summary>The customer's view of a delivery by tracking token (public; the token is the secret; rate limited per address).</summary>
internal static class CustomerViewEndpoints
{
    public static RouteGroupBuilder MapCustomerView(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/tracking").WithTags("Tracking").AllowAnonymous().RequireRateLimiting(CustomerPageSetup.RateLimit);
        group.MapGet("/{token}", ViewAsync).WithSummary("A customer's view of their delivery")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status410Gone);
        return group;
    }

    /// <summary>Unknown tokens answer 404 problem details (all alike); expired ones 410 "Link expired".</summary>
    internal static async Task<Results<Ok<CustomerView>, NotFound>> ViewAsync(string token, TrackingLink link, CancellationToken ct)
    {
        var order = await link.ResolveAsync(token, ct);
        return order.View is { } view ? TypedResults.Ok(view) : TypedResults.NotFound();
    }
}
