using Microsoft.Extensions.Logging;

namespace Delivery.Tracking;

/// <summary>Log messages of the tracking library (source-generated).</summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Information, "Notification {Kind} for route {RouteId} stop {StopId} (no webhook configured)")]
    public static partial void NotificationWithoutWebhook(ILogger logger, string kind, string routeId, string stopId);

    [LoggerMessage(2, LogLevel.Warning, "Webhook for {Kind} of stop {StopId} answered {Status}")]
    public static partial void WebhookFailed(ILogger logger, string kind, string stopId, int status);

    [LoggerMessage(3, LogLevel.Warning, "Webhook for {Kind} of stop {StopId} failed")]
    public static partial void WebhookError(ILogger logger, string kind, string stopId, Exception exception);

    [LoggerMessage(4, LogLevel.Warning, "Live state of courier {CourierId} not updated (Redis unavailable); positions are stored and state will be rebuilt")]
    public static partial void LiveStateFailed(ILogger logger, string courierId, Exception exception);

    [LoggerMessage(5, LogLevel.Information, "Live state of courier {CourierId} rebuilt from PostgreSQL")]
    public static partial void LiveStateRebuilt(ILogger logger, string courierId);

    [LoggerMessage(6, LogLevel.Debug, "Courier {CourierId} batch: {Accepted} positions, {Events} events accepted, {Rejected} rejected")]
    public static partial void BatchProcessed(ILogger logger, string courierId, int accepted, int events, int rejected);

    [LoggerMessage(7, LogLevel.Warning, "Tablet of courier {CourierId} silent since {LastSeen} on route {RouteId}")]
    public static partial void TabletSilent(ILogger logger, string courierId, DateTimeOffset lastSeen, string routeId);

    [LoggerMessage(8, LogLevel.Error, "Silent-tablet check failed")]
    public static partial void SilentCheckFailed(ILogger logger, Exception exception);

    [LoggerMessage(9, LogLevel.Information, "Stop {StopId} of route {RouteId} at risk: ETA {Eta} vs window end {WindowEnd}")]
    public static partial void StopAtRisk(ILogger logger, string routeId, string stopId, DateTimeOffset eta, DateTimeOffset? windowEnd);
}
