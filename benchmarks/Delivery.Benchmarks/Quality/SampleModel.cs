using Delivery.Planner.Model;
using Google.OrTools.ConstraintSolver;
using Google.Protobuf.WellKnownTypes;

namespace Delivery.Benchmarks.Quality;

/// <summary>
/// The plain model of the OR-Tools VRPTW sample (developers.google.com/optimization/routing/vrptw), as a reference to
/// measure the planner against: managed per-arc callbacks, a time dimension with the windows and waiting allowed
/// (slack up to the horizon), the CVRP sample's capacity dimension, every customer mandatory, PATH_CHEAPEST_ARC then
/// guided local search, one thread, the given time limit. Single depot (depot 0), single window per order.
/// </summary>
internal static class SampleModel
{
    /// <summary>Total distance (matrix units) of the best solution, or null when the search finds none in time.</summary>
    public static long? Solve(PlanningProblem problem, TimeSpan timeLimit)
    {
        var n = problem.Matrix.Size;
        var vehicles = problem.Vehicles.Count;
        using var manager = new RoutingIndexManager(n, vehicles, problem.DepotNode(0));
        using var routing = new RoutingModel(manager);
        var matrix = problem.Matrix;
        var service = new long[n];
        var demand = new long[n];
        for (var i = 0; i < problem.Orders.Count; i++)
        {
            service[problem.OrderNode(i)] = problem.Orders[i].ServiceSeconds;
            demand[problem.OrderNode(i)] = problem.Orders[i].Demand.Items;
        }

        // Delegates are kept in locals until the solve ends: OR-Tools holds only native pointers to them.
        LongLongToLong distance = (from, to) => matrix.Distance(manager.IndexToNode(from), manager.IndexToNode(to));
        LongLongToLong time = (from, to) =>
        {
            var a = manager.IndexToNode(from);
            return service[a] + matrix.Duration(a, manager.IndexToNode(to));
        };
        LongToLong load = index => demand[manager.IndexToNode(index)];
        var distanceIndex = routing.RegisterTransitCallback(distance);
        var timeIndex = routing.RegisterTransitCallback(time);
        var loadIndex = routing.RegisterUnaryTransitCallback(load);
        routing.SetArcCostEvaluatorOfAllVehicles(distanceIndex);

        var horizon = problem.Vehicles.Max(v => v.Shift.End);
        routing.AddDimension(timeIndex, horizon, horizon, false, "Time");
        var timeDimension = routing.GetMutableDimension("Time");
        for (var i = 0; i < problem.Orders.Count; i++)
        {
            var w = problem.Orders[i].Windows[0];
            timeDimension.CumulVar(manager.NodeToIndex(problem.OrderNode(i))).SetRange(w.Start, w.End);
        }
        for (var v = 0; v < vehicles; v++)
        {
            var shift = problem.Vehicles[v].Shift;
            timeDimension.CumulVar(routing.Start(v)).SetRange(shift.Start, shift.End);
            timeDimension.CumulVar(routing.End(v)).SetRange(shift.Start, shift.End);
            routing.AddVariableMinimizedByFinalizer(timeDimension.CumulVar(routing.Start(v)));
            routing.AddVariableMinimizedByFinalizer(timeDimension.CumulVar(routing.End(v)));
        }
        routing.AddDimensionWithVehicleCapacity(loadIndex, 0, problem.Vehicles.Select(v => v.Capacity.Items).ToArray(), true, "Capacity");

        var parameters = operations_research_constraint_solver.DefaultRoutingSearchParameters();
        parameters.FirstSolutionStrategy = FirstSolutionStrategy.Types.Value.PathCheapestArc;
        parameters.LocalSearchMetaheuristic = LocalSearchMetaheuristic.Types.Value.GuidedLocalSearch;
        parameters.TimeLimit = Duration.FromTimeSpan(timeLimit);
        var solution = routing.SolveWithParameters(parameters);
        GC.KeepAlive(distance);
        GC.KeepAlive(time);
        GC.KeepAlive(load);
        return solution?.ObjectiveValue();
    }
}
