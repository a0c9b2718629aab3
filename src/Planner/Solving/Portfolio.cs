namespace Delivery.Planner.Solving;

/// <summary>
/// Runs several independent OR-Tools searches at once (one model per thread, different strategies) and keeps the
/// best: fewest unassigned orders, then least cost.
/// </summary>
internal static class Portfolio
{
    /// <summary>The outcome of a portfolio run.</summary>
    public sealed record Outcome(Solution Solution, long Cost, int Unassigned, string Strategy);

    public static Outcome Run(ProblemIndex ix, SolveScope scope, Solution baseline, bool warmStart, IReadOnlyList<SearchConfig> configs, int workers, TimeSpan limit, ProgressTracker tracker, CancellationToken ct)
    {
        var outcomes = WorkerThreads.Run(workers, "portfolio", i => RunOne(ix, scope, baseline, warmStart, configs[i % configs.Count], limit, tracker, ct));
        return outcomes.Where(o => o is not null).Select(o => o!)
            .OrderBy(o => o.Unassigned).ThenBy(o => o.Cost)
            .FirstOrDefault() ?? Evaluate(ix, scope, baseline, "none");
    }

    private static Outcome? RunOne(ProblemIndex ix, SolveScope scope, Solution baseline, bool warmStart, SearchConfig config, TimeSpan limit, ProgressTracker tracker, CancellationToken ct)
    {
        using var session = RoutingModelBuilder.Build(ix, scope);
        var routes = session.Solve(config, limit, warmStart ? baseline : null, tracker.Report, ct);
        return routes is null ? null : Evaluate(ix, scope, baseline.With(routes), config.Name);
    }

    /// <summary>Cost and unassigned count of a solution over the scope's orders.</summary>
    public static Outcome Evaluate(ProblemIndex ix, SolveScope scope, Solution s, string strategy)
    {
        var routed = s.RoutedOrders();
        return new Outcome(s, ix.Cost.SolutionCost(s, scope.Vehicles, scope.Orders), scope.Orders.Count(o => !routed.Contains(o)), strategy);
    }
}
