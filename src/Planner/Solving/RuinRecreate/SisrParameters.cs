namespace Delivery.Planner.Solving.RuinRecreate;

/// <summary>Settings of <see cref="SisrSearch"/>; the defaults are the ones measured best on Solomon (see README).</summary>
/// <param name="AverageRemoved">Mean orders removed per step (the paper's c̄).</param>
/// <param name="MaxString">Longest string removed from one route (the paper's L^max).</param>
/// <param name="SplitRate">Share of removals that keep a run of the string in place (split strings).</param>
/// <param name="BlinkRate">Probability of skipping a position while reinserting.</param>
/// <param name="StartTemperature">Annealing start temperature, as a multiple of the starting plan's mean arc cost.</param>
/// <param name="FinalTemperature">Annealing final temperature, as a multiple of the starting plan's mean arc cost.</param>
/// <param name="FleetShare">Share of the search time spent taking vehicles out when the objective counts vehicles first.</param>
/// <param name="MaxSteps">Stop after this many steps even before the deadline (benchmarks and reproducible tests).</param>
internal sealed record SisrParameters(
    double AverageRemoved = 10,
    int MaxString = 10,
    double SplitRate = 0.5,
    double BlinkRate = 0.01,
    double StartTemperature = 3.0,
    double FinalTemperature = 0.003,
    double FleetShare = 0.4,
    long MaxSteps = long.MaxValue);
