using Delivery.Planner.Model;
using Delivery.Planner.Solving;
using Delivery.Planner.Travel;

namespace Delivery.Planner.Tests.Validation;

/// <summary>
/// A tiny problem for validator tests: one depot, orders a, b, c (service 5 s, window [0, 1000], one item each),
/// vehicles v1 and v2 (shift [0, 1000], 10 items, v2 has skill "fridge"); every leg takes 10 s and 100 m.
/// </summary>
internal static class ValidatorFixture
{
    public const long Leg = 10;
    public const long LegMeters = 100;
    public const long Service = 5;

    public static Order Order(string id, params TimeWindow[] windows) => new()
    {
        Id = id,
        Location = new Location(0, 0),
        Windows = windows.Length == 0 ? [new TimeWindow(0, 1000)] : windows,
        ServiceSeconds = Service,
        Demand = new Load(0, 0, 1),
    };

    public static Vehicle Vehicle(string id, params string[] skills) => new()
    {
        Id = id,
        StartDepotId = "D",
        EndDepotId = "D",
        Shift = new TimeWindow(0, 1000),
        Capacity = new Load(0, 0, 10),
        Skills = skills.ToHashSet(),
    };

    public static PlanningProblem Problem(IReadOnlyList<Order>? orders = null, IReadOnlyList<Vehicle>? vehicles = null)
    {
        orders ??= [Order("a"), Order("b"), Order("c")];
        vehicles ??= [Vehicle("v1"), Vehicle("v2", "fridge")];
        var n = 1 + orders.Count;
        var durations = new long[n * n];
        var distances = new long[n * n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                durations[i * n + j] = i == j ? 0 : Leg;
                distances[i * n + j] = i == j ? 0 : LegMeters;
            }
        }
        return new PlanningProblem
        {
            Coordinates = CoordinateSystem.Planar,
            Depots = [new Depot("D", new Location(0, 0))],
            Vehicles = vehicles,
            Orders = orders,
            Matrix = new TravelMatrix(n, durations, distances),
        };
    }

    /// <summary>A stop served on arrival in window 0, with <paramref name="items"/> delivered so far.</summary>
    public static PlannedStop Stop(string id, long arrival, long items, long? serviceStart = null, int window = 0)
    {
        var start = serviceStart ?? arrival;
        return new PlannedStop(id, arrival, start, start + Service, window, new Load(0, 0, items));
    }

    /// <summary>v1 serves a then b leaving at 0 (back at 40); v2 serves c (back at 25).</summary>
    public static PlanResult ValidPlan() => Plan(
        [
            new PlannedRoute("v1", [Stop("a", 10, 1), Stop("b", 25, 2)], 0, 40, 3 * LegMeters, 3 * Leg, null),
            new PlannedRoute("v2", [Stop("c", 10, 1)], 0, 25, 2 * LegMeters, 2 * Leg, null),
        ]);

    public static PlanResult Plan(IReadOnlyList<PlannedRoute> routes, params UnassignedOrder[] unassigned) =>
        new(routes, unassigned, new SolveStatistics(0, routes.Count, TimeSpan.Zero, "test", 1));

    /// <summary>The plan with route <paramref name="index"/> replaced.</summary>
    public static PlanResult WithRoute(this PlanResult plan, int index, PlannedRoute route) =>
        plan with { Routes = plan.Routes.Select((r, i) => i == index ? route : r).ToList() };
}
