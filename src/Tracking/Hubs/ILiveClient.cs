using Delivery.Tracking.Live;

namespace Delivery.Tracking.Hubs;

/// <summary>Messages the live hub pushes to dispatchers and customers.</summary>
public interface ILiveClient
{
    /// <summary>A courier's new position (dispatchers; the customer being driven to).</summary>
    Task Position(CourierPosition position);

    /// <summary>A stop's ETA moved by at least the push threshold.</summary>
    Task Eta(StopEtaUpdate update);

    /// <summary>A stop's status changed.</summary>
    Task StopStatus(StopStatusUpdate update);

    /// <summary>A stop's window is at risk.</summary>
    Task WindowAtRisk(WindowAlert alert);

    /// <summary>A stop's window is no longer at risk.</summary>
    Task WindowRecovered(WindowAlert alert);

    /// <summary>A courier's tablet has gone silent (dispatchers only).</summary>
    Task TabletSilent(SilentTabletAlert alert);
}
