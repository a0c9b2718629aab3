using Delivery.Tracking.Arrival;
using Delivery.Tracking.Eta;
using Delivery.Tracking.Routes;

namespace Delivery.Tracking.Live;

/// <summary>
/// Everything live about one courier's day, stored in Redis as one JSON value so any node can continue it.
/// Derived from PostgreSQL (positions, events) and the published route; rebuilt from them when missing.
/// </summary>
internal sealed class CourierLiveState
{
    public string CourierId { get; set; } = "";

    public DateOnly Date { get; set; }

    public string? RouteId { get; set; }

    public int PlanVersion { get; set; }

    public string? DepotId { get; set; }

    public CourierPosition? Latest { get; set; }

    public DateTimeOffset? LastReceivedAt { get; set; }

    public Dictionary<string, StopLiveState> Stops { get; set; } = new(StringComparer.Ordinal);

    public ArrivalCandidate? Candidate { get; set; }

    public PaceModel Pace { get; set; } = PaceModel.Neutral;

    public DateTimeOffset? LastEtaAt { get; set; }

    /// <summary>Departure of the leg being driven (last handover, or the first fix of the day).</summary>
    public DateTimeOffset? LegStartAt { get; set; }

    public double LegStartLat { get; set; }

    public double LegStartLon { get; set; }

    public StopLiveState Stop(string stopId)
    {
        if (!Stops.TryGetValue(stopId, out var s))
        {
            s = new StopLiveState();
            Stops[stopId] = s;
        }
        return s;
    }
}

/// <summary>Live state of one stop.</summary>
internal sealed class StopLiveState
{
    public StopStatus Status { get; set; } = StopStatus.Open;

    public DateTimeOffset? ArrivedAt { get; set; }

    public DateTimeOffset? HandoverAt { get; set; }

    public DateTimeOffset? Eta { get; set; }

    public DateTimeOffset? PushedEta { get; set; }

    public bool AtRisk { get; set; }

    /// <summary>How often the stop became at risk: the customer hears of each episode (and its all clear) once.</summary>
    public int RiskEpisodes { get; set; }

    public bool IsClosed => Status is StopStatus.Delivered or StopStatus.PartlyDelivered or StopStatus.Failed or StopStatus.Cancelled;
}
