using Delivery.Tracking.Hubs;

namespace Delivery.Tracking.Simulation;

/// <summary>How the couriers and tablets of a simulated day behave (all random choices follow <see cref="Seed"/>).</summary>
public sealed class DaySimulationOptions
{
    /// <summary>Random seed: the same seed, routes and traffic give the same day.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Simulated seconds between two GPS fixes.</summary>
    public int FixIntervalSeconds { get; init; } = 5;

    /// <summary>Simulated time between two sends of a tablet.</summary>
    public TimeSpan SendInterval { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Probability that a courier leaves the depot late.</summary>
    public double LateStartProbability { get; init; } = 0.1;

    /// <summary>Longest late start, minutes (uniform from 5).</summary>
    public double LateStartMaxMinutes { get; init; } = 25;

    /// <summary>Scales the probability that a customer is not at home (house 5%, apartment 4%, business 1% at 1).</summary>
    public double NotHomeScale { get; init; } = 1;

    /// <summary>A courier early for a window waits for its start (true) or hands over at once (false: an early handover).</summary>
    public bool WaitForWindows { get; init; } = true;

    /// <summary>Probability that a courier taps "arrived" (the geofence detects the others).</summary>
    public double ArrivedTapProbability { get; init; } = 0.7;

    /// <summary>A break is due after this many hours on the road.</summary>
    public double BreakAfterHours { get; init; } = 4;

    /// <summary>Length of the break, minutes (taken while waiting for a window when possible).</summary>
    public double BreakMinutes { get; init; } = 20;

    /// <summary>Typical GPS accuracy, metres (each fix: 0.6 to 1.5 × this).</summary>
    public double GpsAccuracyMeters { get; init; } = 8;

    /// <summary>Probability per fix that an urban-canyon burst starts (6 to 24 fixes at 30 to 90 m accuracy).</summary>
    public double CanyonProbability { get; init; } = 0.002;

    /// <summary>Probability per fix that the GPS drops out (2 to 12 fixes missing).</summary>
    public double GpsDropoutProbability { get; init; } = 0.001;

    /// <summary>Lost connections per courier-hour (each 2 to 15 minutes offline; the backlog is sent on reconnect).</summary>
    public double ConnectionLossesPerHour { get; init; } = 0.25;

    /// <summary>Tablets that die mid-route (30% to 65% into the day); those couriers finish on paper.</summary>
    public int DeadTablets { get; init; } = 1;

    /// <summary>Standard deviation of a leg's log travel-time noise.</summary>
    public double LegNoiseSigma { get; init; } = 0.12;

    /// <summary>Incidents of the day (each slows an area for an hour).</summary>
    public int Incidents { get; init; } = 6;

    /// <summary>Scales every service time at the door (1 = the ground truth by kind of address).</summary>
    public double ServiceScale { get; init; } = 1;

    /// <summary>Wire format towards the courier hub.</summary>
    public HubWireProtocol Protocol { get; init; } = HubWireProtocol.MessagePack;
}
