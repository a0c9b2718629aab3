using System.Globalization;
using Delivery.Planner.Model;
using Delivery.Planner.Solving;
using Delivery.Planner.Travel;

namespace Delivery.Planner.Instances;

/// <summary>A Solomon / Gehring &amp; Homberger VRPTW instance, in the file's own units.</summary>
/// <param name="Name">Instance name from the first line (e.g. C101, c1_2_1).</param>
/// <param name="VehicleCount">NUMBER of vehicles in the file.</param>
/// <param name="Capacity">CAPACITY of every vehicle.</param>
/// <param name="Depot">Customer 0: the depot; its DUE DATE is the route horizon.</param>
/// <param name="Customers">The customers in file order (the depot excluded).</param>
public sealed record SolomonInstance(string Name, int VehicleCount, long Capacity, SolomonCustomer Depot, IReadOnlyList<SolomonCustomer> Customers)
{
    /// <summary>The instance class (C1, C2, R1, R2, RC1, RC2), from the name: "RC105" and "rc1_2_5" are both RC1.</summary>
    public string Class => ClassOf(Name);

    /// <summary>The class of an instance name: leading letters upper-cased followed by the first digit.</summary>
    public static string ClassOf(string name)
    {
        var letters = new string(name.TakeWhile(char.IsLetter).ToArray()).ToUpperInvariant();
        var digit = name.Length > letters.Length && char.IsDigit(name[letters.Length]) ? name[letters.Length].ToString() : "";
        return letters + digit;
    }

    /// <summary>
    /// The planning problem under <paramref name="convention"/>: depot "0", orders named by customer number with one
    /// window [READY TIME, DUE DATE] on the start of service, the file's fleet ("v1"…) with shift
    /// [depot READY TIME, depot DUE DATE], demand and capacity in <see cref="Load.Items"/>, planar coordinates.
    /// Every time value is multiplied by <see cref="BenchmarkConventions.Scale"/>; the matrix holds the scaled
    /// Euclidean distance, truncated (DIMACS) or rounded up (the exact conventions), as both time and distance.
    /// </summary>
    public PlanningProblem ToProblem(BenchmarkConvention convention)
    {
        var scale = convention.Scale();
        var roundUp = convention != BenchmarkConvention.Dimacs;
        var points = new List<SolomonCustomer>(Customers.Count + 1) { Depot };
        points.AddRange(Customers);
        var n = points.Count;
        var matrix = new long[n * n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                matrix[i * n + j] = i == j ? 0 : ScaledDistance(points[i], points[j], scale, roundUp);
            }
        }
        var orders = Customers.Select(c => new Order
        {
            Id = c.Number.ToString(CultureInfo.InvariantCulture),
            Location = new Location(c.X, c.Y),
            Windows = [new TimeWindow(c.ReadyTime * scale, c.DueDate * scale)],
            ServiceSeconds = c.ServiceTime * scale,
            Demand = new Load(0, 0, c.Demand),
        }).ToList();
        var vehicles = Enumerable.Range(1, VehicleCount).Select(k => new Vehicle
        {
            Id = "v" + k.ToString(CultureInfo.InvariantCulture),
            StartDepotId = "0",
            EndDepotId = "0",
            Shift = new TimeWindow(Depot.ReadyTime * scale, Depot.DueDate * scale),
            Capacity = new Load(0, 0, Capacity),
        }).ToList();
        return new PlanningProblem
        {
            Epoch = DateTimeOffset.UnixEpoch,
            Coordinates = CoordinateSystem.Planar,
            Depots = [new Depot("0", new Location(Depot.X, Depot.Y))],
            Vehicles = vehicles,
            Orders = orders,
            Matrix = new TravelMatrix(n, matrix, (long[])matrix.Clone()),
            Objective = convention == BenchmarkConvention.Hierarchical ? PlanObjective.FewestVehiclesThenTravel : PlanObjective.MinDistance,
        };
    }

    /// <summary>Total exact Euclidean length of a plan's routes (depot to depot), in the file's units.</summary>
    /// <exception cref="ArgumentException">A route names an order that is not a customer of this instance.</exception>
    public double ExactDistance(PlanResult plan)
    {
        var byNumber = Customers.ToDictionary(c => c.Number.ToString(CultureInfo.InvariantCulture), StringComparer.Ordinal);
        var total = 0.0;
        foreach (var route in plan.Routes)
        {
            var prev = Depot;
            foreach (var stop in route.Stops)
            {
                var c = byNumber.TryGetValue(stop.OrderId, out var found)
                    ? found
                    : throw new ArgumentException($"Route of {route.VehicleId} names order '{stop.OrderId}', not a customer of {Name}.", nameof(plan));
                total += Euclid(prev, c);
                prev = c;
            }
            total += route.Stops.Count > 0 ? Euclid(prev, Depot) : 0;
        }
        return total;
    }

    private static double Euclid(SolomonCustomer a, SolomonCustomer b) => Math.Sqrt(Square(a.X - b.X) + Square(a.Y - b.Y));

    private static double Square(double v) => v * v;

    /// <summary>
    /// ⌊scale·d⌋ or ⌈scale·d⌉ of the Euclidean distance d, exactly (integer square root) when the coordinates are
    /// integers, as in every published instance; in floating point otherwise.
    /// </summary>
    internal static long ScaledDistance(SolomonCustomer a, SolomonCustomer b, long scale, bool roundUp)
    {
        double dx = a.X - b.X, dy = a.Y - b.Y;
        if (double.IsInteger(dx) && double.IsInteger(dy) && Math.Abs(dx) < 1e6 && Math.Abs(dy) < 1e6)
        {
            var squared = ((long)dx * (long)dx + (long)dy * (long)dy) * scale * scale;
            var root = IntegerSqrt(squared);
            return roundUp && root * root != squared ? root + 1 : root;
        }
        var scaled = Math.Sqrt(dx * dx + dy * dy) * scale;
        return (long)(roundUp ? Math.Ceiling(scaled) : Math.Floor(scaled));
    }

    /// <summary>⌊√n⌋ for n ≥ 0, exact.</summary>
    internal static long IntegerSqrt(long n)
    {
        var r = (long)Math.Sqrt(n);
        while (r * r > n)
        {
            r--;
        }
        while ((r + 1) * (r + 1) <= n)
        {
            r++;
        }
        return r;
    }
}
