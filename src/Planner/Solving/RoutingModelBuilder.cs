using Delivery.Planner.Model;
using Google.OrTools.ConstraintSolver;

namespace Delivery.Planner.Solving;

/// <summary>
/// Builds the OR-Tools routing model for a <see cref="SolveScope"/>: matrices registered natively, a time dimension
/// with waiting, windows (several per order), shifts, route duration, breaks, capacities, skills/pins and disjunctions.
/// All conversions to OR-Tools integers happen here.
/// </summary>
internal static class RoutingModelBuilder
{
    public const string TimeDimension = "time";

    public static RoutingSession Build(ProblemIndex index, SolveScope scope)
    {
        var p = index.Problem;
        var depotNodes = scope.Vehicles.SelectMany(v => new[] { index.StartNode[v], index.EndNode[v] }).Distinct().ToArray();
        var nodeToMatrix = depotNodes.Concat(scope.Orders.Select(p.OrderNode)).ToArray();
        var matrixToNode = depotNodes.Select((m, i) => (m, i)).ToDictionary(x => x.m, x => x.i);
        var starts = scope.Vehicles.Select(v => matrixToNode[index.StartNode[v]]).ToArray();
        var ends = scope.Vehicles.Select(v => matrixToNode[index.EndNode[v]]).ToArray();
        var manager = new RoutingIndexManager(nodeToMatrix.Length, scope.Vehicles.Length, starts, ends);
        var routing = new RoutingModel(manager);
        var session = new RoutingSession(index, scope, manager, routing, depotNodes.Length);
        var n = nodeToMatrix.Length;
        var service = new long[n];
        for (var k = 0; k < scope.Orders.Length; k++)
        {
            service[depotNodes.Length + k] = p.Orders[scope.Orders[k]].ServiceSeconds;
        }

        checked
        {
            var cost = new long[n][];
            var time = new long[n][];
            for (var i = 0; i < n; i++)
            {
                cost[i] = new long[n];
                time[i] = new long[n];
                for (var j = 0; j < n; j++)
                {
                    cost[i][j] = index.Cost.Arc(nodeToMatrix[i], nodeToMatrix[j]);
                    time[i][j] = p.Matrix.Duration(nodeToMatrix[i], nodeToMatrix[j]) + service[i];
                }
            }
            routing.SetArcCostEvaluatorOfAllVehicles(routing.RegisterTransitMatrix(cost));
            for (var k = 0; k < scope.Vehicles.Length; k++)
            {
                routing.SetFixedCostOfVehicle(index.Cost.Fixed(scope.Vehicles[k]), k);
            }

            var horizon = scope.Vehicles.Select(v => p.Vehicles[v].Shift.End).DefaultIfEmpty(0).Max();
            routing.AddDimension(routing.RegisterTransitMatrix(time), horizon, horizon, false, TimeDimension);
            var timeDim = routing.GetMutableDimension(TimeDimension);
            AddWindows(index, scope, session, timeDim, horizon);
            AddShifts(p, scope, routing, manager, timeDim, service);
            AddCapacities(p, scope, routing, depotNodes.Length);
        }

        for (var k = 0; k < scope.Orders.Length; k++)
        {
            var o = scope.Orders[k];
            var idx = session.OrderRoutingIndex(k);
            routing.AddDisjunction([idx], index.Cost.Penalty(o));
            var allowed = index.Allowed[o];
            if (scope.Vehicles.Any(v => !allowed[v]))
            {
                var values = Enumerable.Range(0, scope.Vehicles.Length).Where(m => allowed[scope.Vehicles[m]]).Select(m => (long)m).Append(-1).ToArray();
                routing.VehicleVar(idx).SetValues(values);
            }
        }
        return session;
    }

    private static void AddWindows(ProblemIndex index, SolveScope scope, RoutingSession session, RoutingDimension timeDim, long horizon)
    {
        for (var k = 0; k < scope.Orders.Length; k++)
        {
            var windows = index.Windows[scope.Orders[k]];
            if (windows.Length == 0)
            {
                continue;
            }
            var cumul = timeDim.CumulVar(session.OrderRoutingIndex(k));
            var lo = Math.Max(0, windows[0].Start);
            var hi = Math.Min(horizon, windows[^1].End);
            if (lo > hi)
            {
                // Unreachable within every shift of this scope: force the order out.
                session.Routing.ActiveVar(session.OrderRoutingIndex(k)).SetValue(0);
                continue;
            }
            cumul.SetRange(lo, hi);
            for (var w = 1; w < windows.Length; w++)
            {
                var gapStart = windows[w - 1].End + 1;
                var gapEnd = windows[w].Start - 1;
                if (gapStart <= gapEnd && gapStart <= hi && gapEnd >= lo)
                {
                    cumul.RemoveInterval(gapStart, gapEnd);
                }
            }
        }
    }

    private static void AddShifts(PlanningProblem p, SolveScope scope, RoutingModel routing, RoutingIndexManager manager, RoutingDimension timeDim, long[] service)
    {
        long[]? visitTransits = null;
        for (var k = 0; k < scope.Vehicles.Length; k++)
        {
            var v = p.Vehicles[scope.Vehicles[k]];
            var start = timeDim.CumulVar(routing.Start(k));
            var end = timeDim.CumulVar(routing.End(k));
            start.SetRange(v.Shift.Start, v.Shift.End);
            end.SetRange(v.Shift.Start, v.Shift.End);
            if (v.MaxRouteSeconds is { } max)
            {
                timeDim.SetSpanUpperBoundForVehicle(max, k);
            }
            // Start as late and end as early as the route allows: times the courier would actually drive.
            routing.AddVariableMaximizedByFinalizer(start);
            routing.AddVariableMinimizedByFinalizer(end);
            if (v.Break is { } b)
            {
                if (visitTransits is null)
                {
                    visitTransits = new long[routing.Size()];
                    for (var i = 0; i < visitTransits.Length; i++)
                    {
                        visitTransits[i] = routing.IsStart(i) ? 0 : service[manager.IndexToNode(i)];
                    }
                }
                var interval = routing.solver().MakeFixedDurationIntervalVar(b.Window.Start, b.Window.End, b.DurationSeconds, false, $"break {v.Id}");
                timeDim.SetBreakIntervalsOfVehicle(new IntervalVarVector { interval }, k, visitTransits);
            }
        }
    }

    private static void AddCapacities(PlanningProblem p, SolveScope scope, RoutingModel routing, int depotCount)
    {
        for (var d = 0; d < Load.Dimensions; d++)
        {
            var demands = new long[depotCount + scope.Orders.Length];
            for (var k = 0; k < scope.Orders.Length; k++)
            {
                demands[depotCount + k] = p.Orders[scope.Orders[k]].Demand.Get(d);
            }
            if (demands.All(x => x == 0))
            {
                continue;
            }
            var caps = scope.Vehicles.Select(v => p.Vehicles[v].Capacity.Get(d)).ToArray();
            routing.AddDimensionWithVehicleCapacity(routing.RegisterUnaryTransitVector(demands), 0, caps, true, Load.DimensionNames[d]);
        }
    }
}
