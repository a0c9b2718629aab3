using System.ComponentModel.DataAnnotations;

namespace Delivery.Tracking.Notifications;

/// <summary>
/// Customer notifications (section <c>Notifications</c>): where the outbox's webhook posts, how it signs and how it
/// retries. One section for every kind (planned window, out for delivery, at risk, all clear, delivered, failed).
/// </summary>
public sealed class NotificationOptions : IValidatableObject
{
    /// <summary>Configuration section name.</summary>
    public const string Section = "Notifications";

    /// <summary>Where notifications are POSTed (JSON); when empty they are kept in the outbox, parked with the reason.</summary>
    [Url]
    public string? WebhookUrl { get; set; }

    /// <summary>
    /// Secret of the HMAC-SHA256 signature in the <c>Delivery-Signature</c> header (<c>t=unix seconds,v1=hex of
    /// HMAC(secret, "t.body")</c>); required with a webhook. Keep it out of the repository (environment or secrets store).
    /// </summary>
    public string? SigningSecret { get; set; }

    /// <summary>Public base address of the customer tracking page, for the link in notifications.</summary>
    public string TrackingBaseUrl { get; set; } = "http://127.0.0.1:5080/t/";

    /// <summary>Sends before a notification is parked (kept, not retried) with its last error.</summary>
    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 8;

    /// <summary>Wait after the first failed send, seconds; doubled after each further failure.</summary>
    [Range(0.01, 3600)]
    public double RetryBaseSeconds { get; set; } = 30;

    /// <summary>Longest wait between two sends of one notification, seconds.</summary>
    [Range(1, 86_400)]
    public double RetryMaxSeconds { get; set; } = 3600;

    /// <summary>One HTTP attempt may take this long, seconds; a webhook that hangs costs no more.</summary>
    [Range(0.1, 300)]
    public double AttemptTimeoutSeconds { get; set; } = 10;

    /// <summary>How often the sender looks for due notifications, seconds (it also wakes when this node queues one).</summary>
    [Range(0.05, 600)]
    public double PollSeconds { get; set; } = 2;

    /// <summary>Notifications one sender claims at a time.</summary>
    [Range(1, 1000)]
    public int BatchSize { get; set; } = 50;

    /// <summary>Notifications of one batch sent at once.</summary>
    [Range(1, 64)]
    public int Parallelism { get; set; } = 4;

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.IsNullOrWhiteSpace(WebhookUrl) && string.IsNullOrWhiteSpace(SigningSecret))
        {
            yield return new ValidationResult("Notifications:SigningSecret is required when Notifications:WebhookUrl is set", [nameof(SigningSecret)]);
        }
    }
}
