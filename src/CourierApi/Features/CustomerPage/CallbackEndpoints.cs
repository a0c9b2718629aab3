using System.Security.Claims;
using Delivery.CourierApi.Auth;
using Delivery.CourierApi.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Delivery.CourierApi.Features.CustomerPage;

/// <summary>
/// What customers asked for, for dispatchers and customer service: the callback queue (ratings of 3 or less, with the
/// order's story; done with the call-back time recorded) and the choices customers made when their window was at risk.
/// </summary>
internal static class CallbackEndpoints
{
    public static RouteGroupBuilder MapCallbacks(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1").WithTags("Customer care").RequireAuthorization(Policies.Dispatcher);
        group.MapGet("/depots/{depotId:long}/callbacks", ListAsync)
            .WithSummary("Customers to call back (rating ≤ 3), oldest first; includeDone=true lists those already called too.");
        group.MapPost("/orders/{orderId:long}/callback/done", DoneAsync).Validate<CallbackDoneRequest>().ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Marks the callback done now, with who called and the outcome; the time to call back is measured from the rating.");
        group.MapGet("/depots/{depotId:long}/customer-choices", ChoicesAsync)
            .WithSummary("The choices customers made on their tracking page for a delivery day (moved window, neighbour, safe place, another day).");
        return group;
    }

    internal static async Task<Ok<List<CallbackItem>>> ListAsync(long depotId, bool? includeDone, CustomerPageStore store, CancellationToken ct) =>
        TypedResults.Ok(await store.CallbacksAsync(depotId, includeDone ?? false, ct));

    internal static async Task<NoContent> DoneAsync(long orderId, CallbackDoneRequest request, ClaimsPrincipal user, CustomerPageStore store,
        TimeProvider time, CancellationToken ct)
    {
        var outcome = request.Outcome?.Trim();
        return await store.CallbackDoneAsync(orderId, user.Identity?.Name ?? "dispatcher", outcome is { Length: > 0 } ? outcome : null, time.GetUtcNow(), ct) switch
        {
            1 => TypedResults.NoContent(),
            0 => throw new ConflictException("Already called back", $"The callback for order {orderId} is already done."),
            _ => throw new NotFoundException("Callback for order", orderId),
        };
    }

    internal static async Task<Ok<List<CustomerChoiceItem>>> ChoicesAsync(long depotId, DateOnly date, CustomerPageStore store, CancellationToken ct) =>
        TypedResults.Ok(await store.ChoicesAsync(depotId, date, ct));
}
