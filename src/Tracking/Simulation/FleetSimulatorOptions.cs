using Delivery.Tracking.Hubs;
using Delivery.Tracking.Routes;

namespace Delivery.Tracking.Simulation;

/// <summary>How simulated couriers drive, report and misbehave.</summary>
public sealed class FleetSimulatorOptions
{
    /// <summary>Mean driving speed, km/h (straight lines between stops).</summary>
    public double SpeedKmh { get; init; } = 30;

    /// <summary>Speed varies per step by ± this fraction.</summary>
    public double SpeedNoise { get; init; } = 0.25;

    /// <summary>GPS error: each fix is off by up to this many metres in a random direction.</summary>
    public double GpsJitterMeters { get; init; } = 6;

    /// <summary>Service time varies by ± this fraction of the planned one.</summary>
    public double ServiceVariation { get; init; } = 0.3;

    /// <summary>Simulated seconds between two fixes.</summary>
    public int FixIntervalSeconds { get; init; } = 5;

    /// <summary>Fixes per batch sent.</summary>
    public int FixesPerBatch { get; init; } = 3;

    /// <summary>Real time between two sends of one courier; zero sends flat out (load test).</summary>
    public TimeSpan SendInterval { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>Probability per send that the connection drops and the tablet goes offline.</summary>
    public double DropProbability { get; init; } = 0.02;

    /// <summary>Sends skipped while offline (their fixes become the backlog).</summary>
    public int OfflineBatches { get; init; } = 4;

    /// <summary>Send arrived/delivered/failed events at stops.</summary>
    public bool SendEvents { get; init; } = true;

    /// <summary>Probability that a handover fails (reason "not home").</summary>
    public double FailureProbability { get; init; } = 0.05;

    /// <summary>Wire format towards the courier hub.</summary>
    public HubWireProtocol Protocol { get; init; } = HubWireProtocol.MessagePack;

    /// <summary>Random seed (same seed, same drive).</summary>
    public int Seed { get; init; } = 1;
}

/// <summary>A courier for the simulator: identity, device token and the published route to drive.</summary>
/// <param name="CourierId">Courier.</param>
/// <param name="DeviceId">Device id used for sequence numbers.</param>
/// <param name="AccessToken">Token the courier hub accepts for this device.</param>
/// <param name="Route">Route to drive.</param>
public sealed record SimulatedCourier(string CourierId, string DeviceId, string AccessToken, PublishedRoute Route);

/// <summary>What a simulation run sent and got acknowledged.</summary>
/// <param name="PositionsSent">Fixes sent (including resends).</param>
/// <param name="PositionsAcked">Fixes acknowledged as durable.</param>
/// <param name="EventsAcked">Events acknowledged.</param>
/// <param name="Rejected">Items refused by the server.</param>
/// <param name="Reconnects">Dropped and re-established connections.</param>
/// <param name="Elapsed">Wall time of the run.</param>
public sealed record FleetSimulationResult(long PositionsSent, long PositionsAcked, long EventsAcked, long Rejected, int Reconnects, TimeSpan Elapsed);
