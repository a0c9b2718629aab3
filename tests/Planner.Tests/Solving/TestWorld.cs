using Delivery.Planner.Model;
using Delivery.Planner.Solving;
using Delivery.Planner.Travel;
using Delivery.Planner.Validation;

namespace Delivery.Planner.Tests.Solving;

/// <summary>
/// Builds small planar problems whose travel time (s) and distance (m) are the rounded Euclidean distance, and
/// solves them with every plan checked by the independent validator.
/// </summary>
internal sealed class TestWorld
{
    private readonly List<Depot> _depots = [];
    private readonly List<Vehicle> _vehicles = [];
    private readonly List<Order> _orders = [];

    public TestWorld Depot(string id, double x, double y)
    {
        _depots.Add(new Depot(id, new Location(x, y)));
        return this;
    }

    public TestWorld Vehicle(string id, long capacity = 100, long shiftEnd = 10_000, string? start = null, string? end = null,
        Func<Vehicle, Vehicle>? tweak = null)
    {
        var v = new Vehicle
        {
            Id = id,
            StartDepotId = start ?? _depots[0].Id,
            EndDepotId = end ?? start ?? _depots[0].Id,
            Shift = new TimeWindow(0, shiftEnd),
            Capacity = new Load(capacity, capacity, capacity),
        };
        _vehicles.Add(tweak is null ? v : tweak(v));
        return this;
    }

    public TestWorld Order(string id, double x, double y, long demand = 1, long service = 0, TimeWindow[]? windows = null,
        Func<Order, Order>? tweak = null)
    {
        var o = new Order
        {
            Id = id,
            Location = new Location(x, y),
            Demand = new Load(demand, demand, demand),
            ServiceSeconds = service,
            Windows = windows ?? [],
        };
        _orders.Add(tweak is null ? o : tweak(o));
        return this;
    }

    public PlanningProblem Build(PlanObjective objective = PlanObjective.MinDistance)
    {
        var locations = _depots.Select(d => d.Location).Concat(_orders.Select(o => o.Location)).ToList();
        var n = locations.Count;
        var m = new long[n * n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                m[i * n + j] = (long)Math.Round(Math.Sqrt(Math.Pow(locations[i].X - locations[j].X, 2) + Math.Pow(locations[i].Y - locations[j].Y, 2)));
            }
        }
        return new PlanningProblem
        {
            Coordinates = CoordinateSystem.Planar,
            Depots = _depots.ToList(),
            Vehicles = _vehicles.ToList(),
            Orders = _orders.ToList(),
            Matrix = new TravelMatrix(n, m, (long[])m.Clone()),
            Objective = objective,
        };
    }

    public static SolverSettings Settings(double seconds = 1, int workers = 1) =>
        new() { TimeLimit = TimeSpan.FromSeconds(seconds), Workers = workers, Seed = 7 };

    /// <summary>Plans and asserts the independent validator finds nothing wrong.</summary>
    public static PlanResult Solve(PlanningProblem problem, SolverSettings? settings = null, IProgress<PlanProgress>? progress = null, CancellationToken ct = default)
    {
        var result = new OrToolsRoutePlanner().Plan(problem, settings ?? Settings(), progress, ct);
        AssertValid(problem, result);
        return result;
    }

    public static void AssertValid(PlanningProblem problem, PlanResult result)
    {
        var violations = PlanValidator.Validate(problem, result);
        Assert.True(violations.Count == 0, "Validator: " + string.Join("\n", violations));
    }

    /// <summary>A random instance: <paramref name="n"/> orders in a 100×100 square around one depot, windows of 200 s.</summary>
    public static TestWorld Random(int n, int vehicles, int seed, long capacity = 10)
    {
        var rng = new Random(seed);
        var w = new TestWorld().Depot("D", 50, 50);
        for (var v = 0; v < vehicles; v++)
        {
            w.Vehicle($"v{v}", capacity, 2_000);
        }
        for (var i = 0; i < n; i++)
        {
            var start = rng.Next(0, 1_200);
            w.Order($"o{i}", rng.Next(0, 100), rng.Next(0, 100), 1 + rng.Next(3), 10, [new TimeWindow(start, start + 300)]);
        }
        return w;
    }
}

/// <summary>Collects progress reports synchronously (Progress&lt;T&gt; would post them to the thread pool).</summary>
internal sealed class ProgressLog : IProgress<PlanProgress>
{
    private readonly Action<PlanProgress>? _onReport;
    private readonly List<PlanProgress> _reports = [];

    public ProgressLog(Action<PlanProgress>? onReport = null) => _onReport = onReport;

    public IReadOnlyList<PlanProgress> Reports
    {
        get
        {
            lock (_reports)
            {
                return _reports.ToList();
            }
        }
    }

    public void Report(PlanProgress value)
    {
        lock (_reports)
        {
            _reports.Add(value);
        }
        _onReport?.Invoke(value);
    }
}
