using System.Net.Http.Json;
using System.Threading.Channels;
using Delivery.Tracking.Live;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Delivery.Tracking.Notifications;

/// <summary>
/// Queues notifications in memory and posts them as JSON to <see cref="TrackingOptions.WebhookUrl"/> from a
/// background loop, so a slow webhook never slows position ingest. Without a URL notifications are only logged.
/// </summary>
internal sealed class WebhookCustomerNotifier(
    IHttpClientFactory httpClients, IOptions<TrackingOptions> options, ILogger<WebhookCustomerNotifier> logger)
    : BackgroundService, ICustomerNotifier
{
    private readonly Channel<CustomerNotification> _queue = Channel.CreateBounded<CustomerNotification>(
        new BoundedChannelOptions(10_000) { FullMode = BoundedChannelFullMode.DropOldest });

    public ValueTask NotifyAsync(CustomerNotification notification, CancellationToken cancellationToken = default) =>
        _queue.Writer.WriteAsync(notification, cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var n in _queue.Reader.ReadAllAsync(stoppingToken).ConfigureAwait(false))
        {
            var url = options.Value.WebhookUrl;
            if (string.IsNullOrWhiteSpace(url))
            {
                Log.NotificationWithoutWebhook(logger, n.Kind, n.RouteId, n.StopId);
                continue;
            }
            try
            {
                using var client = httpClients.CreateClient(nameof(WebhookCustomerNotifier));
                using var response = await client.PostAsJsonAsync(url, n, TrackingJsonContext.Default.CustomerNotification, stoppingToken).ConfigureAwait(false);
                if (!response.IsSuccessStatusCode)
                {
                    Log.WebhookFailed(logger, n.Kind, n.StopId, (int)response.StatusCode);
                }
            }
            catch (HttpRequestException ex)
            {
                Log.WebhookError(logger, n.Kind, n.StopId, ex);
            }
        }
    }
}
