namespace Delivery.Planner.Solving.RuinRecreate;

/// <summary>
/// Improves the OR-Tools plan with one <see cref="SisrSearch"/> per worker thread, each with its own seed, and keeps
/// the best plan: fewest orders left out, then least cost on the problem's own cost model.
/// </summary>
internal static class SisrImprover
{
    /// <summary>Least time between two progress reports from the searches.</summary>
    private static readonly TimeSpan ReportEvery = TimeSpan.FromMilliseconds(250);

    /// <summary>True when there is something to search: orders and vehicles in scope.</summary>
    public static bool Applies(SolveScope scope) => scope.Orders.Length > 1 && scope.Vehicles.Length > 0;

    /// <summary>
    /// Runs the searches until <paramref name="deadline"/> or cancellation. A plan the deadline finds still under
    /// construction may finish it for up to <paramref name="constructionGrace"/> past the deadline (a machine too slow
    /// to build any plan within a short limit then returns a complete plan a little late rather than an empty one).
    /// </summary>
    public static Portfolio.Outcome Run(SearchModel model, SolveScope scope, Portfolio.Outcome start, RuinRecreateSettings parameters, int workers, int seed, DateTimeOffset deadline, TimeSpan constructionGrace, TimeProvider time, ProgressTracker tracker, CancellationToken ct)
    {
        var left = deadline - time.GetUtcNow();
        if (left + constructionGrace <= TimeSpan.Zero || ct.IsCancellationRequested)
        {
            return start;
        }
        var ix = model.Ix;
        var until = time.GetTimestamp() + (long)(left.TotalSeconds * time.TimestampFrequency);
        var constructUntil = until + (long)(constructionGrace.TotalSeconds * time.TimestampFrequency);
        var reportLock = new Lock();
        var lastReport = 0L;
        var results = WorkerThreads.Run(workers, "sisr", w =>
        {
            var search = new SisrSearch(model, start.Solution, scope.Orders, parameters, unchecked((ulong)seed * 7919 + (ulong)w * 104729 + 1));
            var (solution, _) = search.Run(time, until, ct, constructUntil, (best, _) =>
            {
                lock (reportLock)
                {
                    var now = time.GetTimestamp();
                    if (now - lastReport < ReportEvery.TotalSeconds * time.TimestampFrequency)
                    {
                        return;
                    }
                    lastReport = now;
                }
                var outcome = Portfolio.Evaluate(ix, scope, best(), "");
                tracker.Report(outcome.Cost, outcome.Solution.VehiclesUsed, outcome.Unassigned);
            });
            return Portfolio.Evaluate(ix, scope, solution, start.Strategy.EndsWith("sisr", StringComparison.Ordinal) ? start.Strategy : start.Strategy + "+sisr")
                with { Interrupted = search.Interrupted };
        });
        var best = results.Append(start)
            .OrderBy(o => o.Unassigned).ThenBy(o => o.Cost)
            .First();
        tracker.Report(best.Cost, best.Solution.VehiclesUsed, best.Unassigned);
        return best;
    }
}
