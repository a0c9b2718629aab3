using System.Globalization;
using Delivery.CourierApi.Features.Plans;
using Delivery.Tracking.Hubs;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Delivery.CourierApi.Features.Tracking;

/// <summary>
/// After a plan version is published, tells every courier of it (through tracking's courier hub, on any node) that their
/// route changed, and drops tracking's cached route, so tablets reload at once. A failed push is logged; the plan stays published.
/// </summary>
internal sealed partial class PublishRouteChanges(RouteChangeNotifier notifier, ILogger<PublishRouteChanges> logger) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var result = await next(context);
        if (result is Ok<PlanVersionView> { Value: { Status: "published" } view }
            && context.HttpContext.Request.Path.Value?.EndsWith("/publish", StringComparison.Ordinal) == true)
        {
            foreach (var route in view.Routes)
            {
                try
                {
                    await notifier.RouteChangedAsync(Id(route.CourierId), Id(route.RouteId), view.Number);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    LogPushFailed(ex, route.CourierId, view.Id);
                }
            }
        }
        return result;
    }

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not tell courier {CourierId} that plan version {VersionId} was published")]
    private partial void LogPushFailed(Exception exception, long courierId, long versionId);
}
