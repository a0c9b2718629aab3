namespace Delivery.Tracking.Live;

/// <summary>SignalR group names.</summary>
internal static class LiveGroups
{
    public static string Depot(string depotId) => "depot:" + depotId;

    public static string Stop(string routeId, string stopId) => "stop:" + routeId + ":" + stopId;
}
