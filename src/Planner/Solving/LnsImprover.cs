namespace Delivery.Planner.Solving;

/// <summary>
/// Large-neighbourhood search over route groups: repeatedly picks a few routes near a random stop (plus an empty
/// vehicle and nearby unassigned orders), re-solves them as a small OR-Tools problem starting from their current
/// routes, and keeps the result when the whole plan improves. Workers run at once on disjoint groups.
/// </summary>
internal sealed class LnsImprover
{
    private readonly ProblemIndex _ix;
    private readonly SolveScope _scope;
    private readonly ProgressTracker _tracker;
    private readonly Lock _lock = new();
    private readonly HashSet<int> _busyVehicles = [];
    private readonly HashSet<int> _busyOrders = [];
    private Portfolio.Outcome _best;

    public LnsImprover(ProblemIndex ix, SolveScope scope, Portfolio.Outcome start, ProgressTracker tracker)
    {
        _ix = ix;
        _scope = scope;
        _best = start;
        _tracker = tracker;
    }

    /// <summary>Orders per sub-problem the group selection aims at.</summary>
    public int TargetOrders { get; init; } = 40;

    /// <summary>Search configs sub-problems pick from.</summary>
    public IReadOnlyList<SearchConfig> Configs { get; init; } = SearchConfig.Portfolio.Take(2).ToList();

    /// <summary>Improvements accepted.</summary>
    public int Accepted { get; private set; }

    /// <summary>Sub-problems solved.</summary>
    public int Attempts { get; private set; }

    public Portfolio.Outcome Run(int workers, int seed, DateTimeOffset deadline, TimeProvider time, CancellationToken ct)
    {
        WorkerThreads.Run(workers, "lns", w =>
        {
            var rng = new Random(seed * 7919 + w);
            while (!ct.IsCancellationRequested)
            {
                var left = deadline - time.GetUtcNow();
                if (left < TimeSpan.FromMilliseconds(150))
                {
                    break;
                }
                Step(rng, left, ct);
            }
            return 0;
        });
        return _best;
    }

    private void Step(Random rng, TimeSpan left, CancellationToken ct)
    {
        SolveScope? sub;
        int? cleared = null;
        Portfolio.Outcome current;
        lock (_lock)
        {
            current = _best;
            // With a cost per vehicle, every third step tries to empty a small route into its neighbours.
            var reduce = _ix.Cost.VehicleCost > 0 && rng.Next(3) == 0;
            (sub, cleared) = PickGroup(current.Solution, rng, reduce);
            if (sub is null)
            {
                return;
            }
            _busyVehicles.UnionWith(sub.Vehicles);
            if (cleared is { } c)
            {
                _busyVehicles.Add(c);
            }
            _busyOrders.UnionWith(sub.Orders);
        }
        try
        {
            var limit = TimeSpan.FromMilliseconds(Math.Clamp(sub.Orders.Length * 25, 300, 2000));
            limit = limit < left ? limit : left;
            using var session = RoutingModelBuilder.Build(_ix, sub);
            var config = Configs[rng.Next(Configs.Count)];
            var routes = session.Solve(config, limit, current.Solution, null, ct);
            if (routes is null)
            {
                return;
            }
            if (cleared is { } emptied)
            {
                routes[emptied] = [];
            }
            lock (_lock)
            {
                Attempts++;
                // Other workers only touched other vehicles and orders: apply the change to the latest best.
                var candidate = Portfolio.Evaluate(_ix, _scope, _best.Solution.With(routes), _best.Strategy);
                if (candidate.Unassigned < _best.Unassigned || (candidate.Unassigned == _best.Unassigned && candidate.Cost < _best.Cost))
                {
                    _best = candidate with { Strategy = current.Strategy.EndsWith("+lns", StringComparison.Ordinal) ? current.Strategy : current.Strategy + "+lns" };
                    Accepted++;
                    _tracker.Report(candidate.Cost, candidate.Solution.VehiclesUsed, candidate.Unassigned);
                }
            }
        }
        finally
        {
            lock (_lock)
            {
                _busyVehicles.ExceptWith(sub.Vehicles);
                if (cleared is { } c)
                {
                    _busyVehicles.Remove(c);
                }
                _busyOrders.ExceptWith(sub.Orders);
            }
        }
    }

    /// <summary>
    /// Routes near a random routed stop, one free empty vehicle, and unassigned orders near that stop. To reduce the
    /// fleet, the stop is taken from one of the smallest routes, whose vehicle is then left out.
    /// </summary>
    private (SolveScope? Scope, int? Cleared) PickGroup(Solution s, Random rng, bool reduceFleet)
    {
        var vehicleOf = new Dictionary<int, int>();
        foreach (var v in _scope.Vehicles)
        {
            foreach (var o in s.Routes[v])
            {
                vehicleOf[o] = v;
            }
        }
        var routedFree = vehicleOf.Where(kv => !_busyVehicles.Contains(kv.Value)).Select(kv => kv.Key).ToList();
        if (routedFree.Count == 0)
        {
            return (null, null);
        }
        var seed = routedFree[rng.Next(routedFree.Count)];
        if (reduceFleet)
        {
            var small = routedFree.Select(o => vehicleOf[o]).Distinct().OrderBy(v => s.Routes[v].Length).Take(3).ToList();
            var route = s.Routes[small[rng.Next(small.Count)]];
            seed = route[rng.Next(route.Length)];
        }
        var seedNode = _ix.Problem.OrderNode(seed);
        var near = _scope.Orders
            .Where(o => !_busyOrders.Contains(o) && (!vehicleOf.TryGetValue(o, out var v) || !_busyVehicles.Contains(v)))
            .OrderBy(o => _ix.Cost.Arc(seedNode, _ix.Problem.OrderNode(o)) + _ix.Cost.Arc(_ix.Problem.OrderNode(o), seedNode));
        var vehicles = new List<int>();
        var orders = new List<int>();
        foreach (var o in near)
        {
            if (vehicleOf.TryGetValue(o, out var v))
            {
                if (!vehicles.Contains(v))
                {
                    if (orders.Count + s.Routes[v].Length > TargetOrders && vehicles.Count >= 2)
                    {
                        break;
                    }
                    vehicles.Add(v);
                    orders.AddRange(s.Routes[v]);
                }
            }
            else if (orders.Count < TargetOrders)
            {
                orders.Add(o);
            }
        }
        if (reduceFleet)
        {
            vehicles.Remove(vehicleOf[seed]);
            return vehicles.Count < 1 ? (null, null) : (new SolveScope(vehicles.ToArray(), orders.Distinct().ToArray()), vehicleOf[seed]);
        }
        var empty = _scope.Vehicles.Where(v => s.Routes[v].Length == 0 && !_busyVehicles.Contains(v)).ToList();
        if (empty.Count > 0)
        {
            vehicles.Add(empty[rng.Next(empty.Count)]);
        }
        return vehicles.Count < 2 ? (null, null) : (new SolveScope(vehicles.ToArray(), orders.Distinct().ToArray()), null);
    }
}
