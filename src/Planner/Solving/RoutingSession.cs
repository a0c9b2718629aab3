using Google.OrTools.ConstraintSolver;

namespace Delivery.Planner.Solving;

/// <summary>One built OR-Tools model and how its indices map back to the problem. Lives for one solve.</summary>
internal sealed class RoutingSession : IDisposable
{
    private readonly int _depotCount;
    private VoidToVoid? _atSolution;

    public RoutingSession(ProblemIndex index, SolveScope scope, RoutingIndexManager manager, RoutingModel routing, int depotCount)
    {
        Scope = scope;
        Manager = manager;
        Routing = routing;
        _depotCount = depotCount;
    }

    public SolveScope Scope { get; }

    public RoutingIndexManager Manager { get; }

    public RoutingModel Routing { get; }

    /// <summary>Routing index of the scope's k-th order.</summary>
    public long OrderRoutingIndex(int k) => Manager.NodeToIndex(_depotCount + k);

    /// <summary>
    /// Runs the search. Starts from <paramref name="initial"/> when given and accepted by the model; reports each
    /// solution through <paramref name="onSolution"/>(cost, vehicles, unassigned); stops when <paramref name="ct"/> fires
    /// and returns the best found. Returns the routes of the scope's vehicles (problem order indices), or null.
    /// </summary>
    public Dictionary<int, int[]>? Solve(SearchConfig config, TimeSpan timeLimit, Solution? initial, Action<long, int, int>? onSolution, CancellationToken ct)
    {
        var parameters = config.ToParameters(timeLimit);
        if (ct.IsCancellationRequested)
        {
            // Cancelled before the search began: the best plan so far is the first one found.
            parameters.SolutionLimit = 1;
        }
        Routing.CloseModelWithParameters(parameters);
        // Held in a field: the native model only keeps a pointer to the delegate, which must outlive the search.
        _atSolution = () =>
        {
            // Makes cancellation stick even if it raced with the start of the search.
            if (ct.IsCancellationRequested)
            {
                Routing.CancelSearch();
            }
            onSolution?.Invoke(Routing.CostVar().Value(), CountUsed(), CountInactive());
        };
        Routing.AddAtSolutionCallback(_atSolution);
        Assignment? start = initial is null ? null : ToAssignment(initial);
        if (ct.IsCancellationRequested && start is not null)
        {
            return ReadRoutes(start);
        }
        using var registration = ct.Register(Routing.CancelSearch);
        // The time limit bounds the first solution too; the planner uses OR-Tools only on problems where that takes
        // milliseconds (OrToolsRoutePlanner.OrToolsMaxOrders).
        var result = Routing.SolveFromAssignmentWithParameters(start, parameters);
        result ??= start;
        var routes = result is null ? null : ReadRoutes(result);
        GC.KeepAlive(_atSolution);
        return routes;
    }

    /// <summary>Frees the native model now rather than at finalization (the model of a large problem holds much native memory).</summary>
    public void Dispose()
    {
        Routing.Dispose();
        Manager.Dispose();
    }

    /// <summary>Builds an assignment from a problem-level solution, keeping only this scope's vehicles and orders.</summary>
    public Assignment? ToAssignment(Solution solution)
    {
        var nodeOf = new Dictionary<int, int>();
        for (var k = 0; k < Scope.Orders.Length; k++)
        {
            nodeOf[Scope.Orders[k]] = k;
        }
        var routes = new long[Scope.Vehicles.Length][];
        for (var m = 0; m < Scope.Vehicles.Length; m++)
        {
            routes[m] = solution.Routes[Scope.Vehicles[m]]
                .Where(nodeOf.ContainsKey)
                .Select(o => OrderRoutingIndex(nodeOf[o]))
                .ToArray();
        }
        return Routing.ReadAssignmentFromRoutes(routes, true);
    }

    private Dictionary<int, int[]> ReadRoutes(Assignment a)
    {
        var result = new Dictionary<int, int[]>();
        for (var m = 0; m < Scope.Vehicles.Length; m++)
        {
            var route = new List<int>();
            var i = a.Value(Routing.NextVar(Routing.Start(m)));
            while (!Routing.IsEnd(i))
            {
                route.Add(Scope.Orders[Manager.IndexToNode(i) - _depotCount]);
                i = a.Value(Routing.NextVar(i));
            }
            result[Scope.Vehicles[m]] = route.ToArray();
        }
        return result;
    }

    private int CountUsed()
    {
        var used = 0;
        for (var m = 0; m < Scope.Vehicles.Length; m++)
        {
            if (!Routing.IsEnd(Routing.NextVar(Routing.Start(m)).Value()))
            {
                used++;
            }
        }
        return used;
    }

    private int CountInactive()
    {
        var inactive = 0;
        for (var k = 0; k < Scope.Orders.Length; k++)
        {
            var idx = OrderRoutingIndex(k);
            if (Routing.NextVar(idx).Value() == idx)
            {
                inactive++;
            }
        }
        return inactive;
    }
}
