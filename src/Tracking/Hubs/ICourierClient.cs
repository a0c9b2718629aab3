namespace Delivery.Tracking.Hubs;

/// <summary>Messages the courier hub pushes to courier tablets.</summary>
public interface ICourierClient
{
    /// <summary>The courier's route was re-published; the tablet should reload it.</summary>
    Task RouteChanged(string routeId, int planVersion);

    /// <summary>A device of the courier was revoked; each tablet re-checks its own token (a revoked one signs out).</summary>
    Task DeviceRevoked(string deviceId);
}
