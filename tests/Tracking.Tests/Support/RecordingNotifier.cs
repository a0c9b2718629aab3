using System.Collections.Concurrent;
using Delivery.Tracking.Notifications;

namespace Delivery.Tracking.Tests.Support;

/// <summary>Captures customer notifications instead of posting them to a webhook.</summary>
public sealed class RecordingNotifier : ICustomerNotifier
{
    public ConcurrentQueue<CustomerNotification> Sent { get; } = new();

    public ValueTask NotifyAsync(CustomerNotification notification, CancellationToken cancellationToken = default)
    {
        Sent.Enqueue(notification);
        return ValueTask.CompletedTask;
    }
}
