namespace Delivery.Planner.Solving;

/// <summary>
/// Settings of the ruin-and-recreate search (SISR, Christiaens and Vanden Berghe 2020); the defaults are the ones
/// measured best on Solomon (README).
/// </summary>
/// <param name="AverageRemoved">Mean orders removed per step (the paper's c̄); ≥ 1.</param>
/// <param name="MaxString">Longest string removed from one route (the paper's L^max); ≥ 1.</param>
/// <param name="SplitRate">Share of removals that keep a run of the string in place (split strings), 0–1.</param>
/// <param name="BlinkRate">Probability of skipping a position while reinserting, 0–1.</param>
/// <param name="StartTemperature">Annealing start temperature, as a multiple of the starting plan's mean arc cost.</param>
/// <param name="FinalTemperature">Annealing final temperature, as a multiple of the starting plan's mean arc cost.</param>
/// <param name="FleetShare">Share of the search time spent taking vehicles out when the objective counts vehicles first, 0–1.</param>
/// <param name="MaxSteps">
/// Stop each search after this many steps even before the time limit. With a step limit that the time limit does not
/// cut short, the plan depends only on the problem and the seed (reproducible tests and benchmarks).
/// </param>
/// <param name="NearRoutesFromOrders">
/// From this many orders an insertion first looks only at the routes serving the order's nearest orders, scanning
/// every route only when none of them can take it (large evenings: a step costs nearby stops, not all stops).
/// </param>
public sealed record RuinRecreateSettings(
    double AverageRemoved = 10,
    int MaxString = 10,
    double SplitRate = 0.5,
    double BlinkRate = 0.01,
    double StartTemperature = 3.0,
    double FinalTemperature = 0.003,
    double FleetShare = 0.4,
    long MaxSteps = long.MaxValue,
    int NearRoutesFromOrders = 2000);
