using System.Globalization;
using System.Security.Claims;
using Delivery.CourierApi.Auth;
using Delivery.CourierApi.Hosting;
using Delivery.Tracking.Notifications;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Delivery.CourierApi.Features.Notifications;

/// <summary>The customer notification outbox as a dispatcher sees it: what was sent, what waits, what was given up and why.</summary>
internal static class NotificationsEndpoints
{
    private static readonly string[] Statuses = ["pending", "sent", "parked"];

    public static RouteGroupBuilder MapNotifications(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/notifications").WithTags("Notifications").RequireAuthorization(Policies.Dispatcher);
        group.MapGet("/", ListAsync)
            .WithSummary("Customer notifications in the outbox, newest first: status (pending, sent, parked), attempts and the last error. " +
                "Filters: status, depotId, orderId; limit (1–1000, default 100).");
        group.MapPost("/{notificationId:long}/retry", RetryAsync).WithSummary("Puts a parked notification back in the queue with a fresh count of attempts.");
        return group;
    }

    internal static async Task<Ok<IReadOnlyList<OutboxEntry>>> ListAsync(string? status, long? depotId, long? orderId, int? limit,
        ClaimsPrincipal user, NotificationOutbox outbox, CancellationToken ct)
    {
        if (depotId is null && !DepotClaims.HasAll(user))
        {
            throw new FieldException("depotId", "required: you work for some depots, not all");
        }
        if (status is not null && !Statuses.Contains(status))
        {
            throw new FieldException("status", $"must be one of {string.Join(", ", Statuses)}");
        }
        if (limit is < 1 or > 1000)
        {
            throw new FieldException("limit", "must be between 1 and 1000");
        }
        return TypedResults.Ok(await outbox.ListAsync(status, Key(depotId), Key(orderId), limit ?? 100, ct));
    }

    internal static async Task<Results<NoContent, NotFound>> RetryAsync(long notificationId, NotificationOutbox outbox, CancellationToken ct) =>
        await outbox.RetryAsync(notificationId, ct) ? TypedResults.NoContent() : TypedResults.NotFound();

    private static string? Key(long? id) => id?.ToString(CultureInfo.InvariantCulture);
}
