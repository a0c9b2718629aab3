using System.Diagnostics;
using Delivery.Planner.Model;
using Delivery.Planner.Solving;
using Delivery.Planner.Travel;
using Delivery.Planner.Validation;

namespace Delivery.Benchmarks.Verbs;

/// <summary>
/// <c>plan</c>: the planner alone on the plan job's evening (the <c>import</c> verb's 1,000 orders in a 5 km disc
/// around the Porto depot, two-hour windows 09:00–17:00, 40 couriers with 600 kg and 60 items, shifts 08:00–18:00,
/// straight-line travel ×1.3 at 25 km/h, 180 s service): wall time against the limit (how far past it the plan
/// comes back), distance, time to the first plan with every order routed, peak memory; over several seeds, or stopped
/// by a cancellation after <c>--cancel-ms</c>.
/// </summary>
internal sealed class PlanVerb : IVerb
{
    public string Name => "plan";

    public string Summary => "the planner alone on the plan job's evening: wall time vs limit, km, first complete plan [--orders 1000 --couriers 40 --seconds 10 --seeds 1 --cancel-ms N --near-from N]";

    public async Task<int> RunAsync(string[] args)
    {
        var o = new Options(args);
        var (orders, couriers, seeds) = (o.GetInt("orders", 1000), o.GetInt("couriers", 40), Math.Max(1, o.GetInt("seeds", 1)));
        var seconds = o.GetDouble("seconds", 10);
        var cancelMs = o.GetInt("cancel-ms", 0);
        var problem = await Evening(orders, couriers, seed: 2);
        var rows = new List<IReadOnlyList<string>>();
        var runs = new List<(double Wall, double Km, int Unassigned, int Violations, double? First)>();
        for (var seed = 1; seed <= seeds; seed++)
        {
            var first = new FirstCompletePlan();
            using var cts = cancelMs > 0 ? new CancellationTokenSource(cancelMs) : new CancellationTokenSource();
            var watch = Stopwatch.StartNew();
            var result = new OrToolsRoutePlanner().Plan(problem, new SolverSettings { TimeLimit = TimeSpan.FromSeconds(seconds), Seed = seed, RuinRecreate = new RuinRecreateSettings(NearRoutesFromOrders: o.GetInt("near-from", new RuinRecreateSettings().NearRoutesFromOrders)) }, first, cts.Token);
            var wall = watch.Elapsed.TotalSeconds;
            var violations = PlanValidator.Validate(problem, result).Count;
            runs.Add((wall, result.TotalDistanceMeters / 1000.0, result.Unassigned.Count, violations, first.Seconds));
            rows.Add([seed.ToString(), Results.F(wall, 2), Results.F(result.TotalDistanceMeters / 1000.0, 1), result.Routes.Count.ToString(),
                result.Unassigned.Count.ToString(), first.Seconds is { } f ? Results.F(f, 2) : "-", violations.ToString(), Results.LoadAverage()]);
            Console.Error.WriteLine(string.Join("  ", rows[^1]));
        }
        var peakMb = Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024);
        var stop = cancelMs > 0 ? $"cancelled after {cancelMs} ms (limit {seconds:0.##} s)" : $"limit {seconds:0.##} s";
        var report = $"Plan job's evening, planner alone: {orders} orders, {couriers} couriers, {stop}, {Environment.ProcessorCount} workers\n\n"
            + Results.Table(["seed", "wall s", "km", "routes", "unassigned", "first complete s", "violations", "load average"], rows)
            + $"\nkm: mean {Results.F(runs.Average(r => r.Km), 1)}, spread (max − min) / min {(Spread(runs.Select(r => r.Km)) is { } sp ? Results.F(sp) + "%" : "-")}; "
            + $"wall: max {Results.F(runs.Max(r => r.Wall), 2)} s; peak working set {peakMb:F0} MB";
        var name = $"plan_{orders}_{(cancelMs > 0 ? $"cancel{cancelMs}ms" : $"{seconds:0.##}s")}";
        Results.Publish(name, report, new Dictionary<string, object?>
        {
            ["orders"] = orders,
            ["couriers"] = couriers,
            ["limit_s"] = seconds,
            ["cancel_ms"] = cancelMs > 0 ? cancelMs : null,
            ["seeds"] = seeds,
            ["wall_max_s"] = Math.Round(runs.Max(r => r.Wall), 3),
            ["km_mean"] = Math.Round(runs.Average(r => r.Km), 1),
            ["km_spread_pct"] = Spread(runs.Select(r => r.Km)) is { } spread ? Math.Round(spread, 2) : null,
            ["unassigned_max"] = runs.Max(r => r.Unassigned),
            ["violations"] = runs.Sum(r => r.Violations),
            ["first_complete_s_max"] = runs.All(r => r.First is not null) ? Math.Round(runs.Max(r => r.First!.Value), 2) : null,
            ["peak_working_set_mb"] = Math.Round(peakMb),
            ["load_average"] = Results.LoadAverage(),
        });
        return runs.Sum(r => r.Violations) == 0 ? 0 : 1;
    }

    /// <summary>(max − min) / min in percent; null when a run routed nothing.</summary>
    private static double? Spread(IEnumerable<double> values)
    {
        var list = values.ToList();
        return list.Min() > 0 ? (list.Max() - list.Min()) / list.Min() * 100 : null;
    }

    /// <summary>The import verb's plan-job evening as a planning problem (same generator shape, straight-line travel).</summary>
    private static async Task<PlanningProblem> Evening(int orders, int couriers, int seed)
    {
        var random = new Random(seed);
        var depot = new Depot("porto", Location.FromLatLon(41.1579, -8.6291));
        var list = new List<Order>(orders);
        for (var i = 0; i < orders; i++)
        {
            var r = 5.0 * Math.Sqrt(random.NextDouble());
            var a = random.NextDouble() * 2 * Math.PI;
            var h = 9 + random.Next(0, 7);
            list.Add(new Order
            {
                Id = $"B{seed}-{i:000000}",
                Location = Location.FromLatLon(41.1579 + r * Math.Cos(a) / 111.0, -8.6291 + r * Math.Sin(a) / 83.6),
                Windows = [new TimeWindow(h * 3600L, (h + 2) * 3600L)],
                ServiceSeconds = 180,
                Demand = new Load(random.Next(1, 90) * 100, 0, 1),
            });
        }
        // Vans scale with orders a courier, as the evening verb's do (1,000 / 40 is the base).
        var scale = Math.Max(1.0, orders / (25.0 * couriers));
        var vehicles = Enumerable.Range(0, couriers).Select(v => new Vehicle
        {
            Id = $"van-{v}",
            StartDepotId = depot.Id,
            EndDepotId = depot.Id,
            Shift = new TimeWindow(8 * 3600, 18 * 3600),
            Capacity = new Load((long)(600_000 * scale), 4_000_000, (long)Math.Ceiling(60 * scale)),
        }).ToList();
        var matrix = await new StraightLineTravelTimeSource(1.3, 25).GetMatrixAsync([depot.Location, .. list.Select(x => x.Location)]);
        return new PlanningProblem { Depots = [depot], Vehicles = vehicles, Orders = list, Matrix = matrix };
    }
}
