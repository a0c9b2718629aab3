namespace Delivery.Planner.Solving;

/// <summary>
/// Runs several independent OR-Tools searches at once (one model per thread, different strategies) and keeps the
/// best: fewest unassigned orders, then least cost.
/// </summary>
internal static class Portfolio
{
    /// <summary>The outcome of a portfolio run.</summary>
    /// <param name="Solution">The plan.</param>
    /// <param name="Cost">Its cost over the scope, drop penalties included.</param>
    /// <param name="Unassigned">Orders of the scope it leaves out.</param>
    /// <param name="Strategy">Which search produced it.</param>
    /// <param name="Interrupted">The plan was stopped before every order had been tried (orders left out for time, not for room).</param>
    public sealed record Outcome(Solution Solution, long Cost, int Unassigned, string Strategy, bool Interrupted = false);

    public static Outcome Run(ProblemIndex ix, SolveScope scope, Solution baseline, bool warmStart, IReadOnlyList<SearchConfig> configs, int workers, TimeSpan limit, ProgressTracker tracker, CancellationToken ct)
    {
        var outcomes = WorkerThreads.Run(workers, "portfolio", i => RunOne(ix, scope, baseline, warmStart, configs[i % configs.Count], limit, tracker, ct));
        return outcomes.Where(o => o is not null).Select(o => o!)
            .OrderBy(o => o.Unassigned).ThenBy(o => o.Cost)
            .FirstOrDefault() ?? Untried(ix, scope, baseline, "none");
    }

    private static Outcome? RunOne(ProblemIndex ix, SolveScope scope, Solution baseline, bool warmStart, SearchConfig config, TimeSpan limit, ProgressTracker tracker, CancellationToken ct)
    {
        using var session = RoutingModelBuilder.Build(ix, scope);
        var routes = session.Solve(config, limit, warmStart ? baseline : null, tracker.Report, ct);
        return routes is null ? null : Evaluate(ix, scope, baseline.With(routes), config.Name);
    }

    /// <summary>A plan no search has worked on yet (the previous plan, or nothing): its orders left out were not tried.</summary>
    public static Outcome Untried(ProblemIndex ix, SolveScope scope, Solution s, string strategy) =>
        Evaluate(ix, scope, s, strategy) is var o && o.Unassigned > 0 ? o with { Interrupted = true } : o;

    /// <summary>Cost and unassigned count of a solution over the scope's orders.</summary>
    public static Outcome Evaluate(ProblemIndex ix, SolveScope scope, Solution s, string strategy)
    {
        var routed = s.RoutedOrders();
        return new Outcome(s, ix.Cost.SolutionCost(s, scope.Vehicles, scope.Orders), scope.Orders.Count(o => !routed.Contains(o)), strategy);
    }
}
