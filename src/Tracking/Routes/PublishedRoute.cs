using System.Text.Json.Serialization;

namespace Delivery.Tracking.Routes;

/// <summary>
/// A courier's published route for one service date, as the dispatch API stores it. Tracking never edits routes;
/// it reads them through <see cref="IPublishedRouteSource"/>.
/// </summary>
/// <param name="RouteId">Route identifier.</param>
/// <param name="PlanVersion">Version of the plan the route was published from.</param>
/// <param name="CourierId">The courier driving it.</param>
/// <param name="DepotId">The depot the route starts from; dispatchers follow a depot.</param>
/// <param name="Date">Service date (depot calendar).</param>
/// <param name="DepotLatitude">Depot latitude in degrees.</param>
/// <param name="DepotLongitude">Depot longitude in degrees.</param>
/// <param name="PlannedStartUtc">Planned departure from the depot (UTC).</param>
/// <param name="Stops">Stops in driving sequence.</param>
public sealed record PublishedRoute(
    string RouteId,
    int PlanVersion,
    string CourierId,
    string DepotId,
    DateOnly Date,
    double DepotLatitude,
    double DepotLongitude,
    DateTimeOffset PlannedStartUtc,
    IReadOnlyList<PublishedStop> Stops)
{
    /// <summary>The stop with <paramref name="stopId"/>, or null when it is not on this route.</summary>
    public PublishedStop? FindStop(string stopId)
    {
        foreach (var stop in Stops)
        {
            if (stop.StopId == stopId)
            {
                return stop;
            }
        }
        return null;
    }
}

/// <summary>One stop of a <see cref="PublishedRoute"/>.</summary>
/// <param name="StopId">Stop identifier (unique within the route).</param>
/// <param name="OrderId">The order served at this stop.</param>
/// <param name="Sequence">1-based position in the route.</param>
/// <param name="Latitude">Latitude in degrees.</param>
/// <param name="Longitude">Longitude in degrees.</param>
/// <param name="WindowStartUtc">Start of the promised window (UTC), or null when none was promised.</param>
/// <param name="WindowEndUtc">End of the promised window (UTC), or null when none was promised.</param>
/// <param name="ServiceSeconds">Planned service time at the door, seconds (≥ 0).</param>
/// <param name="Status">Status as the dispatch API knows it (cancellations come from there).</param>
/// <param name="Lines">Order lines, used to recalculate the total of a partial delivery.</param>
public sealed record PublishedStop(
    string StopId,
    string OrderId,
    int Sequence,
    double Latitude,
    double Longitude,
    DateTimeOffset? WindowStartUtc,
    DateTimeOffset? WindowEndUtc,
    int ServiceSeconds,
    StopStatus Status,
    IReadOnlyList<OrderLine> Lines)
{
    /// <summary>Order total: sum of quantity × unit price over <see cref="Lines"/>.</summary>
    public decimal Total => Lines.Sum(l => l.Quantity * l.UnitPrice);
}

/// <summary>An order line.</summary>
/// <param name="Sku">Article code.</param>
/// <param name="Quantity">Ordered quantity (≥ 1).</param>
/// <param name="UnitPrice">Price per unit.</param>
public sealed record OrderLine(string Sku, int Quantity, decimal UnitPrice);

/// <summary>What a customer's tracking token points to.</summary>
/// <param name="RouteId">The route serving the order.</param>
/// <param name="StopId">The customer's stop on it.</param>
/// <param name="CourierId">The courier of that route.</param>
/// <param name="Date">Service date of the route.</param>
public sealed record TrackingTarget(string RouteId, string StopId, string CourierId, DateOnly Date);

/// <summary>Where a stop stands; written as its name in JSON everywhere (REST and hubs), not as a number.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<StopStatus>))]
public enum StopStatus
{
    /// <summary>Not yet reached.</summary>
    Open,

    /// <summary>The courier is at the stop (tapped arrived or detected by geofence).</summary>
    Arrived,

    /// <summary>Handed over in full.</summary>
    Delivered,

    /// <summary>Handed over with some items refused.</summary>
    PartlyDelivered,

    /// <summary>Attempted at the door and failed (with a reason).</summary>
    Failed,

    /// <summary>Cancelled by dispatch; not attempted.</summary>
    Cancelled,
}
