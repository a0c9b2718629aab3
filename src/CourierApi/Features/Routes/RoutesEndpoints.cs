using System.Security.Claims;
using Delivery.CourierApi.Auth;
using Delivery.CourierApi.Features.Orders;
using Delivery.CourierApi.Features.Plans;
using Delivery.CourierApi.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Delivery.CourierApi.Features.Routes;

internal static class RoutesEndpoints
{
    public static RouteGroupBuilder MapRoutes(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1").WithTags("Routes").RequireAuthorization(Policies.Dispatcher);
        group.MapPost("/plan-versions/{versionId:long}/edits", EditAsync).Validate<EditRequest>()
            .WithSummary("Moves, swaps, assigns or unassigns a stop; re-timed at once. Violations are refused (409, spelled out) unless confirm=true.");
        group.MapPut("/routes/{routeId:long}/lock", LockAsync).WithSummary("Locks or unlocks a route: a re-plan keeps a locked route exactly.");
        group.MapPut("/orders/{orderId:long}/pin", PinAsync).WithSummary("Pins an order to a courier for re-plans (courierId null removes the pin).");
        return group;
    }

    internal static async Task<Ok<EditResult>> EditAsync(long versionId, EditRequest request, ClaimsPrincipal user, PlanEditor editor, CancellationToken ct) =>
        TypedResults.Ok(await editor.ApplyAsync(versionId, request, user.Identity?.Name ?? "?", ct));

    internal static async Task<Ok<PlanVersionView>> LockAsync(long routeId, LockRequest request, PlanStore plans, PlanReader reader, CancellationToken ct)
    {
        var versionId = await plans.SetLockedAsync(routeId, request.Locked, ct) ?? throw new NotFoundException("Route", routeId);
        return TypedResults.Ok(await reader.ReadAsync(versionId, ct));
    }

    internal static async Task<Ok<OrderResponse>> PinAsync(long orderId, PinRequest request, OrderStore orders, CancellationToken ct)
    {
        var order = await orders.GetAsync(orderId, ct);
        if (request.CourierId is { } courier && await orders.CourierDepotAsync(courier, ct) != order.DepotId)
        {
            throw new FieldException("courierId", $"courier {courier} does not belong to this order's depot");
        }
        await orders.PinAsync(orderId, request.CourierId, ct);
        return TypedResults.Ok(await orders.GetAsync(orderId, ct));
    }
}
