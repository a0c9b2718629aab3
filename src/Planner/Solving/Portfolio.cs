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
        workers = Math.Max(1, workers);
        var outcomes = new Outcome?[workers];
        var errors = new Exception?[workers];
        var threads = Enumerable.Range(0, workers).Select(i => new Thread(() =>
        {
            try
            {
                outcomes[i] = RunOne(ix, scope, baseline, warmStart, configs[i % configs.Count], limit, tracker, ct);
            }
            catch (Exception e)
            {
                errors[i] = e;
            }
        }, maxStackSize: 16 << 20) { IsBackground = true, Name = $"portfolio-{i}" }).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());
        if (errors.FirstOrDefault(e => e is not null) is { } error)
        {
            throw new InvalidOperationException("A portfolio search failed.", error);
        }
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
