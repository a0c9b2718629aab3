using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Delivery.Tracking.Notifications;

/// <summary>
/// Sends the outbox's due notifications to the webhook, signed (<see cref="WebhookSignature"/>), through the resilient
/// client <see cref="HttpClientName"/> (attempt timeout, retries with back-off, circuit breaker). Runs on every node;
/// the outbox's claim keeps each notification on one node at a time. A webhook that hangs, refuses or fails costs this
/// loop at most the attempt timeout per batch and never the caller that queued the notification: a failed send is
/// retried later with a doubling wait, and after <see cref="NotificationOptions.MaxAttempts"/> it is parked with its error.
/// </summary>
public sealed partial class NotificationSender(
    NotificationOutbox outbox, IHttpClientFactory http, IOptionsMonitor<NotificationOptions> options,
    [FromKeyedServices(TrackingServiceCollectionExtensions.ClockKey)] TimeProvider time, ILogger<NotificationSender> logger) : BackgroundService
{
    /// <summary>Name of the webhook's <see cref="HttpClient"/> (its resilience pipeline is registered by <c>AddTracking</c>).</summary>
    public const string HttpClientName = "notifications";

    /// <summary>Sends what is due now; returns how many were claimed.</summary>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken = default)
    {
        var o = options.CurrentValue;
        var now = time.GetUtcNow();
        // The lease outlasts the slowest possible batch, so a living node never loses its claim mid-send.
        var lease = TimeSpan.FromSeconds(o.AttemptTimeoutSeconds * 3 * Math.Ceiling((double)o.BatchSize / o.Parallelism) + 30);
        var due = await outbox.ClaimAsync(now, now + lease, o.BatchSize, cancellationToken).ConfigureAwait(false);
        await Parallel.ForEachAsync(due, new ParallelOptions { MaxDegreeOfParallelism = o.Parallelism, CancellationToken = cancellationToken },
            async (entry, ct) => await SendAsync(entry, o, ct).ConfigureAwait(false)).ConfigureAwait(false);
        return due.Count;
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await SendDueAsync(stoppingToken).ConfigureAwait(false) >= options.CurrentValue.BatchSize)
                {
                    continue;
                }
                await outbox.WaitAsync(TimeSpan.FromSeconds(options.CurrentValue.PollSeconds), stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // The database may be away for a moment; the loop must outlive it.
                LogLoopFailed(ex);
                await Task.Delay(TimeSpan.FromSeconds(options.CurrentValue.PollSeconds), stoppingToken).ConfigureAwait(false);
            }
        }
    }

    private async Task SendAsync(OutboxEntry entry, NotificationOptions o, CancellationToken ct)
    {
        string? error;
        if (string.IsNullOrWhiteSpace(o.WebhookUrl))
        {
            await outbox.MarkFailedAsync(entry.Id, "Notifications:WebhookUrl is not set", null, ct).ConfigureAwait(false);
            return;
        }
        // Real time, whatever the tracking clock says: a hanging webhook is cut off after the attempt timeout and its retries.
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(TimeSpan.FromSeconds(o.AttemptTimeoutSeconds * 3));
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, o.WebhookUrl)
            {
                Content = new StringContent(entry.Payload, Encoding.UTF8, "application/json"),
            };
            request.Headers.Add(WebhookSignature.Header, WebhookSignature.Create(o.SigningSecret!, time.GetUtcNow(), entry.Payload));
            request.Headers.Add("Delivery-Notification-Id", entry.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
            request.Headers.Add("Delivery-Event", entry.Kind);
            using var response = await http.CreateClient(HttpClientName).SendAsync(request, limit.Token).ConfigureAwait(false);
            if (response.IsSuccessStatusCode)
            {
                await outbox.MarkSentAsync(entry.Id, time.GetUtcNow(), ct).ConfigureAwait(false);
                return;
            }
            error = $"the webhook answered {(int)response.StatusCode} {response.ReasonPhrase}";
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            error = $"no answer from the webhook within {o.AttemptTimeoutSeconds * 3:0.#} s";
        }
        catch (Exception ex) when (ex is HttpRequestException or Polly.Timeout.TimeoutRejectedException or Polly.CircuitBreaker.BrokenCircuitException)
        {
            error = ex is Polly.Timeout.TimeoutRejectedException ? $"no answer from the webhook within {o.AttemptTimeoutSeconds:0.#} s" : ex.Message;
        }
        DateTimeOffset? retryAt = entry.Attempts >= o.MaxAttempts
            ? null
            : time.GetUtcNow().AddSeconds(Math.Min(o.RetryMaxSeconds, o.RetryBaseSeconds * Math.Pow(2, entry.Attempts - 1)));
        LogSendFailed(entry.Id, entry.Kind, entry.Attempts, retryAt is null, error);
        await outbox.MarkFailedAsync(entry.Id, error, retryAt, ct).ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Notification {Id} ({Kind}) attempt {Attempt} failed (parked: {Parked}): {Error}")]
    private partial void LogSendFailed(long id, string kind, int attempt, bool parked, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Notification sender loop failed; trying again")]
    private partial void LogLoopFailed(Exception exception);
}
