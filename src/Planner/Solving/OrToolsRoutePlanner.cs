using Delivery.Planner.Model;
using Delivery.Planner.Solving.RuinRecreate;

namespace Delivery.Planner.Solving;

/// <summary>
/// Plans routes: orders no vehicle could serve alone are explained and left out, locked routes are kept as they are;
/// on small problems a portfolio of OR-Tools searches runs on every core for the first share of the time, on large
/// ones the search builds its own plan by greedy insertion. Ruin and recreate (SISR, one search per core; with the
/// fewest-vehicles objective it first takes vehicles out) then improves the plan until the limit or cancellation, and
/// the best plan found is returned. Every returned route is re-timed with the validator's semantics.
/// </summary>
/// <remarks>
/// Measured on Solomon at 5 s (README): the portfolio alone 3.47% above best-known, with ruin and recreate 0.33%.
/// </remarks>
/// <threadsafety>Stateless: one instance may plan several problems at once.</threadsafety>
public sealed class OrToolsRoutePlanner : IRoutePlanner
{
    private readonly TimeProvider _time;

    /// <summary>Creates a planner that measures elapsed time with the system clock.</summary>
    public OrToolsRoutePlanner()
        : this(TimeProvider.System)
    {
    }

    /// <summary>Creates a planner that measures elapsed time with <paramref name="time"/>.</summary>
    public OrToolsRoutePlanner(TimeProvider time)
    {
        _time = time;
    }

    /// <inheritdoc />
    public PlanResult Plan(PlanningProblem problem, SolverSettings settings, IProgress<PlanProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(settings);
        problem.Validate();
        var deadline = _time.GetUtcNow() + settings.TimeLimit;
        var tracker = new ProgressTracker(progress, _time);
        var ix = new ProblemIndex(problem);
        var unassigned = new List<UnassignedOrder>();
        var routes = new List<PlannedRoute>();

        var locked = LockedRoutes(ix, routes);
        var freeVehicles = Enumerable.Range(0, problem.Vehicles.Count).Where(v => !locked.Vehicles.Contains(v)).ToArray();
        var candidates = new List<int>();
        for (var o = 0; o < problem.Orders.Count; o++)
        {
            if (locked.Orders.Contains(o))
            {
                continue;
            }
            if (UnassignedClassifier.BeforeSolve(ix, o, freeVehicles) is { } reason)
            {
                unassigned.Add(reason);
            }
            else
            {
                candidates.Add(o);
            }
        }

        var scope = new SolveScope(freeVehicles, candidates.ToArray());
        var baseline = Baseline(ix, scope);
        var warm = problem.PreviousRoutes.Count > 0;
        var best = Portfolio.Evaluate(ix, scope, baseline, "none");
        if (SisrImprover.Applies(scope))
        {
            // OR-Tools builds the first plans (and improves them briefly); ruin and recreate then takes over.
            // One search model (arrays, neighbour lists) for every ruin-and-recreate search of this plan.
            var model = new SearchModel(ix, scope);
            best = FirstPlan(ix, scope, baseline, warm, settings, tracker, cancellationToken);
            // A re-plan accepts only improvements, so stops move only when that makes the plan cheaper.
            var sisr = warm ? settings.RuinRecreate with { StartTemperature = 0, FinalTemperature = 0 } : settings.RuinRecreate;
            best = SisrImprover.Run(model, scope, best, sisr, settings.Workers, settings.Seed, deadline, ConstructionGrace(settings.TimeLimit), _time, tracker, cancellationToken);
        }
        else if (scope.Orders.Length > 0 && scope.Vehicles.Length > 0)
        {
            // One order: OR-Tools places it in milliseconds.
            best = Portfolio.Run(ix, scope, baseline, warm, SearchConfig.Portfolio, settings.Workers, settings.TimeLimit, tracker, cancellationToken);
        }

        var solution = best.Solution;
        foreach (var v in freeVehicles)
        {
            var (route, dropped) = Repair(ix, v, solution.Routes[v]);
            if (route is not null)
            {
                routes.Add(route);
            }
            solution.Routes[v] = solution.Routes[v].Except(dropped).ToArray();
        }
        var routed = solution.RoutedOrders();
        unassigned.AddRange(scope.Orders.Where(o => !routed.Contains(o)).Select(o => best.Interrupted
            ? UnassignedClassifier.Stopped(ix, o)
            : UnassignedClassifier.AfterSolve(ix, o, solution, freeVehicles)));
        var ordered = routes.OrderBy(r => ix.VehicleIndex[r.VehicleId]).ToList();
        var cost = ix.Cost.SolutionCost(solution, scope.Vehicles, scope.Orders);
        return new PlanResult(ordered, unassigned, new SolveStatistics(cost, ordered.Count, tracker.Elapsed, best.Strategy, tracker.Solutions));
    }

    /// <summary>
    /// Problems from this many orders skip OR-Tools: its first solution alone took about 10 s on 1,000 orders and does
    /// not stop when cancelled (a 10 s plan job took 14 s), its model copies the matrices (gigabytes at 5,000 orders),
    /// and ruin and recreate from nothing reached a better plan in the same time (README, "How the planner solves").
    /// </summary>
    internal const int OrToolsMaxOrders = 200;

    /// <summary>
    /// The plan ruin and recreate starts from: on small problems (<see cref="OrToolsMaxOrders"/>) the OR-Tools
    /// portfolio's best plan after <see cref="SolverSettings.OrToolsShare"/> of the time, its first solution taking
    /// milliseconds there; otherwise the previous plan (a re-plan) or nothing, which the search fills by greedy
    /// insertion that stops on time.
    /// </summary>
    private static Portfolio.Outcome FirstPlan(ProblemIndex ix, SolveScope scope, Solution baseline, bool warm, SolverSettings settings, ProgressTracker tracker, CancellationToken ct)
    {
        if (settings.OrToolsShare <= 0 || scope.Orders.Length >= OrToolsMaxOrders)
        {
            return Portfolio.Untried(ix, scope, baseline, warm ? "previous" : "construction");
        }
        return Portfolio.Run(ix, scope, baseline, warm, SearchConfig.Portfolio, settings.Workers, settings.TimeLimit * settings.OrToolsShare, tracker, ct);
    }

    /// <summary>
    /// How long past the limit a first plan still under construction may take to finish: 1 s (a 10 s job returns
    /// within 11 s even on a machine too loaded to build its first plan in time; on an idle one 1,000 orders take
    /// milliseconds). Cancellation stops the construction at once.
    /// </summary>
    internal static TimeSpan ConstructionGrace(TimeSpan limit) => limit < TimeSpan.Zero ? TimeSpan.Zero : TimeSpan.FromSeconds(1);

    /// <summary>Times each locked route as given; a locked sequence that cannot be driven is an input error.</summary>
    private static (HashSet<int> Vehicles, HashSet<int> Orders) LockedRoutes(ProblemIndex ix, List<PlannedRoute> routes)
    {
        var vehicles = new HashSet<int>();
        var orders = new HashSet<int>();
        foreach (var l in ix.Problem.LockedRoutes)
        {
            var v = ix.VehicleIndex[l.VehicleId];
            var sequence = l.OrderIds.Select(id => ix.OrderIndex[id]).ToArray();
            vehicles.Add(v);
            orders.UnionWith(sequence);
            if (sequence.Length == 0)
            {
                continue;
            }
            var timing = RouteScheduler.Schedule(ix, v, sequence);
            if (timing.Route is null)
            {
                var at = timing.FailedStop >= 0 && timing.FailedStop < sequence.Length ? $" at order '{l.OrderIds[timing.FailedStop]}'" : "";
                throw new PlanningInputException([new InputError("lock", l.VehicleId, "orderIds",
                    $"the locked sequence cannot be driven within the windows, capacity and shift{at}")]);
            }
            routes.Add(timing.Route);
        }
        return (vehicles, orders);
    }

    /// <summary>The previous plan restricted to the scope: the search's starting point for a re-plan.</summary>
    private static Solution Baseline(ProblemIndex ix, SolveScope scope)
    {
        var solution = Solution.Empty(ix.Problem.Vehicles.Count);
        var inScope = scope.Orders.ToHashSet();
        var freeVehicles = scope.Vehicles.ToHashSet();
        var seen = new HashSet<int>();
        foreach (var r in ix.Problem.PreviousRoutes)
        {
            if (!ix.VehicleIndex.TryGetValue(r.VehicleId, out var v) || !freeVehicles.Contains(v))
            {
                continue;
            }
            solution.Routes[v] = r.OrderIds
                .Where(ix.OrderIndex.ContainsKey)
                .Select(id => ix.OrderIndex[id])
                .Where(o => inScope.Contains(o) && ix.Allowed[o][v] && seen.Add(o))
                .ToArray();
        }
        return solution;
    }

    /// <summary>
    /// Re-times a route; if the managed timing disagrees with OR-Tools (e.g. a break inside a drive), drops the first
    /// failing stop until the route can be driven, so every returned route passes the validator.
    /// </summary>
    private static (PlannedRoute? Route, List<int> Dropped) Repair(ProblemIndex ix, int v, int[] orders)
    {
        var current = orders.ToList();
        var dropped = new List<int>();
        while (current.Count > 0)
        {
            var timing = RouteScheduler.Schedule(ix, v, current);
            if (timing.Route is not null)
            {
                return (timing.Route, dropped);
            }
            var at = Math.Clamp(timing.FailedStop, 0, current.Count - 1);
            dropped.Add(current[at]);
            current.RemoveAt(at);
        }
        return (null, dropped);
    }
}
