using System.Globalization;
using Delivery.Planner.Model;
using Delivery.Planner.Solving;

namespace Delivery.Planner.Instances;

/// <summary>A solution in the VRPLIB format: routes of customer numbers, and the cost line when present.</summary>
/// <param name="Routes">Customer numbers per route, in driving order.</param>
/// <param name="Cost">The value of the <c>Cost</c> line, or null.</param>
public sealed record VrplibSolution(IReadOnlyList<IReadOnlyList<int>> Routes, decimal? Cost)
{
    /// <summary>Parses <c>Route #k: 1 2 3</c> lines and an optional <c>Cost 827.3</c> line; other lines are ignored.</summary>
    /// <exception cref="FormatException">A route or cost line is malformed; the message names the line.</exception>
    public static VrplibSolution Parse(TextReader reader, string source)
    {
        var routes = new List<IReadOnlyList<int>>();
        decimal? cost = null;
        var line = 0;
        while (reader.ReadLine() is { } text)
        {
            line++;
            text = text.Trim();
            if (text.StartsWith("Route", StringComparison.OrdinalIgnoreCase))
            {
                var colon = text.IndexOf(':', StringComparison.Ordinal);
                if (colon < 0)
                {
                    throw new FormatException($"{source}, line {line}: expected 'Route #k: customers', found '{text}'");
                }
                routes.Add(text[(colon + 1)..].Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
                    .Select(t => int.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
                        ? n
                        : throw new FormatException($"{source}, line {line}: '{t}' is not a customer number"))
                    .ToList());
            }
            else if (text.StartsWith("Cost", StringComparison.OrdinalIgnoreCase))
            {
                var value = text[4..].Trim();
                cost = decimal.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var c)
                    ? c
                    : throw new FormatException($"{source}, line {line}: cost '{value}' is not a number");
            }
        }
        return new VrplibSolution(routes, cost);
    }

    /// <summary>
    /// The routes as a plan of <paramref name="problem"/> (built by <see cref="SolomonInstance.ToProblem"/>): route k on
    /// vehicle k, leaving at the shift start, each service started as early as its window allows. Orders of the problem
    /// not visited are reported unassigned. Whether the plan is feasible is for the validator to say.
    /// </summary>
    /// <exception cref="ArgumentException">There are more routes than vehicles, or a route names an unknown customer.</exception>
    public PlanResult ToPlan(PlanningProblem problem)
    {
        if (Routes.Count > problem.Vehicles.Count)
        {
            throw new ArgumentException($"{Routes.Count} routes but the problem has {problem.Vehicles.Count} vehicles.", nameof(problem));
        }
        var index = problem.Orders.Select((o, i) => (o.Id, i)).ToDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);
        var m = problem.Matrix;
        var routes = new List<PlannedRoute>();
        var visited = new HashSet<string>(StringComparer.Ordinal);
        for (var k = 0; k < Routes.Count; k++)
        {
            var vehicle = problem.Vehicles[k];
            var start = vehicle.Shift.Start;
            long t = start, distance = 0, travel = 0;
            var node = problem.DepotNode(0);
            var load = Load.Zero;
            var stops = new List<PlannedStop>();
            foreach (var number in Routes[k])
            {
                var id = number.ToString(CultureInfo.InvariantCulture);
                var i = index.TryGetValue(id, out var found) ? found : throw new ArgumentException($"Route #{k + 1} names customer {id}, not in the problem.", nameof(problem));
                var order = problem.Orders[i];
                var next = problem.OrderNode(i);
                (distance, travel, t) = (distance + m.Distance(node, next), travel + m.Duration(node, next), t + m.Duration(node, next));
                var window = order.Windows.Count == 0 ? -1 : 0;
                var serviceStart = window < 0 ? t : Math.Max(t, order.Windows[0].Start);
                load += order.Demand;
                stops.Add(new PlannedStop(id, t, serviceStart, serviceStart + order.ServiceSeconds, window, load));
                visited.Add(id);
                t = serviceStart + order.ServiceSeconds;
                node = next;
            }
            var home = problem.DepotNode(0);
            routes.Add(new PlannedRoute(vehicle.Id, stops, start, t + m.Duration(node, home), distance + m.Distance(node, home), travel + m.Duration(node, home), null));
        }
        var unassigned = problem.Orders.Where(o => !visited.Contains(o.Id))
            .Select(o => new UnassignedOrder(o.Id, UnassignedReason.FleetFull, "not in the solution file")).ToList();
        return new PlanResult(routes, unassigned, new SolveStatistics(0, routes.Count, TimeSpan.Zero, "file", 0));
    }
}
