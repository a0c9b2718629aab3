using System.Globalization;
using Delivery.Planner.Solving;

namespace Delivery.Planner.Instances;

/// <summary>
/// Writes a solution in the VRPLIB / CVRPLIB format: one line <c>Route #k: 12 5 33</c> per non-empty route, customers
/// named as in the instance file (the planner's order ids), then <c>Cost 827.3</c>.
/// </summary>
public static class VrplibSolutionWriter
{
    /// <summary>Writes the routes of <paramref name="plan"/> and <paramref name="cost"/> (formatted with at least one decimal).</summary>
    public static void Write(TextWriter writer, PlanResult plan, decimal cost)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(plan);
        var k = 0;
        foreach (var route in plan.Routes.Where(r => r.Stops.Count > 0))
        {
            writer.Write(FormattableString.Invariant($"Route #{++k}:"));
            foreach (var stop in route.Stops)
            {
                writer.Write(' ');
                writer.Write(stop.OrderId);
            }
            writer.WriteLine();
        }
        writer.WriteLine("Cost " + cost.ToString("0.0###", CultureInfo.InvariantCulture));
    }

    /// <summary>The solution as text.</summary>
    public static string Format(PlanResult plan, decimal cost)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        Write(writer, plan, cost);
        return writer.ToString();
    }
}
