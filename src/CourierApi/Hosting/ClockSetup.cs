using System.Globalization;
using Delivery.Tracking.Simulation;

namespace Delivery.CourierApi.Hosting;

/// <summary>
/// The host's one clock: the system clock, or a <see cref="SimulatedClock"/> when section <c>SimulatedClock</c> sets a
/// speed (the <c>day</c> benchmark passes the fleet's clock so host and fleet read the same time), or when the demo
/// simulates its day faster than real time (<c>--simulate --Demo:SimulationSpeed=30</c>: starting now, 30× as fast).
/// </summary>
internal static class ClockSetup
{
    public static TimeProvider Create(IConfiguration configuration)
    {
        if (SimulatedClock.FromConfiguration(configuration) is { } configured)
        {
            return configured;
        }
        var speed = double.TryParse(configuration["Demo:SimulationSpeed"], NumberStyles.Float, CultureInfo.InvariantCulture, out var s) ? s : 1;
        return configuration.GetValue("Demo:Simulate", false) && speed != 1
            ? new SimulatedClock(TimeProvider.System.GetUtcNow(), speed)
            : TimeProvider.System;
    }
}
