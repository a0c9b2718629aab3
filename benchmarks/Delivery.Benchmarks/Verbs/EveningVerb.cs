using System.Diagnostics;
using Delivery.Planner.Model;
using Delivery.Planner.Solving;
using Delivery.Planner.Travel.Road;
using Delivery.Planner.Validation;
using Npgsql;

namespace Delivery.Benchmarks.Verbs;

/// <summary>
/// <c>evening</c>: a realistic evening on Porto's roads — 1,000 generated orders with two-hour windows, 40 couriers from
/// one depot — imported, snapped, matrixed and planned within a total budget (60 s), then every route validated.
/// </summary>
internal sealed class EveningVerb : IVerb
{
    private static readonly DateTimeOffset PlanDate = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero); // Porto is on UTC in December.

    public string Name => "evening";

    public string Summary => "1,000 orders, 40 couriers on Porto's roads: import, snap, matrix, plan, validate in ≤ 60 s [--orders N --couriers N --budget 60 --osm-speeds]; 5,000 / 150 with --budget 300";

    public async Task<int> RunAsync(string[] args)
    {
        var options = new Options(args);
        var schema = options.Get("schema") ?? "bench_porto";
        var orderCount = options.GetInt("orders", 1000);
        var couriers = options.GetInt("couriers", 40);
        var budget = options.GetDouble("budget", 60);
        var seed = options.GetInt("seed", 2026);
        var cs = RoadBench.ConnectionString();
        await using var db = NpgsqlDataSource.Create(cs);
        var osm = await RoadBench.EnsureNetworkAsync(db, cs, schema, RoadBench.Extract(options.Get("pbf") ?? "porto_portugal.osm.pbf"));
        var rows = await EveningOrders.GenerateAsync(db, schema, orderCount, seed);

        var phases = new List<(string Name, double Seconds)>();
        var total = Stopwatch.StartNew();
        var clock = Stopwatch.StartNew();
        double Lap(string name)
        {
            var s = clock.Elapsed.TotalSeconds;
            phases.Add((name, s));
            clock.Restart();
            return s;
        }

        var orders = EveningOrders.Import(rows);
        Lap("import orders");
        var speeds = new RoadNetworkOptions
        {
            Schema = schema,
            // --osm-speeds: osm2pgrouting's free-flow speeds as imported (the limit, or 90 km/h on secondary roads), for comparison.
            FreeFlowKmh = options.Has("osm-speeds") ? [] : new(RoadNetworkOptions.UrbanFreeFlowKmh),
            SpeedFactors =
            [
                new SpeedFactor("*", 0.9),
                new SpeedFactor("residential", 0.8, new TimeOnly(7, 0), new TimeOnly(10, 0)),
                new SpeedFactor("residential", 0.8, new TimeOnly(16, 0), new TimeOnly(19, 0)),
            ],
        };
        var network = await RoadNetwork.LoadAsync(db, speeds);
        Lap("load network");
        var departure = new TimeOnly(12, 0);
        network.Prepare(departure);
        Lap("contraction hierarchy");
        var depot = new Depot("porto", Location.FromLatLon(41.1579, -8.6291));
        var snaps = orders.Select(o => network.Snap(o.Location)).ToArray();
        var bad = orders.Where((_, i) => snaps[i].ProbableBadAddress).ToList();
        var planned = orders.Except(bad).ToList();
        Lap("snap");
        using var source = new RoadTravelTimeSource(network, new RoadTravelTimeOptions { DefaultDeparture = departure });
        var matrix = await source.GetMatrixAsync([depot.Location, .. planned.Select(o => o.Location)]);
        Lap("matrix");

        // 250 kg, 1.5 m³, 80 items carry 25 orders a courier (the 1,000 / 40 evening) with room; more orders a courier
        // (5,000 / 150 is 33) get a van that much larger, so the fleet can carry the evening.
        var scale = Math.Max(1.0, orderCount / (25.0 * couriers));
        var capacity = new Load((long)(250_000 * scale), (long)(1_500_000 * scale), (long)Math.Ceiling(80 * scale));
        var problem = new PlanningProblem
        {
            Epoch = PlanDate,
            Depots = [depot],
            Vehicles = Enumerable.Range(1, couriers).Select(v => new Vehicle
            {
                Id = $"courier{v:D2}",
                StartDepotId = depot.Id,
                EndDepotId = depot.Id,
                Shift = new TimeWindow(7 * 3600 + 1800, 20 * 3600 + 1800),
                Capacity = capacity,
            }).ToList(),
            Orders = planned,
            Matrix = matrix,
        };
        var reserve = 2.0;
        var limit = TimeSpan.FromSeconds(Math.Max(5, budget - total.Elapsed.TotalSeconds - reserve));
        var firstComplete = new FirstCompletePlan();
        var result = new OrToolsRoutePlanner().Plan(problem, new SolverSettings { TimeLimit = limit, Seed = 1 }, firstComplete);
        Lap("plan");
        var violations = PlanValidator.Validate(problem, result);
        Lap("validate");
        var totalSeconds = total.Elapsed.TotalSeconds;
        var peakMb = Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024);
        phases.Add(("(first plan with every order routed, s into the solve)", firstComplete.Seconds ?? double.NaN));

        var report = Report(orders.Count, couriers, capacity, limit, osm, snaps, bad, result, violations, phases, totalSeconds, budget)
            + $"\npeak working set of the process: {peakMb:F0} MB (matrix {2.0 * 8 * matrix.Size * matrix.Size / (1024 * 1024):F0} MB of it)";
        Results.Publish(orderCount == 1000 && couriers == 40 ? "evening" : $"evening_{orderCount}", report, new Dictionary<string, object?>
        {
            ["orders"] = orders.Count,
            ["couriers"] = couriers,
            ["total_s"] = Math.Round(totalSeconds, 2),
            ["routes"] = result.Routes.Count,
            ["km"] = Math.Round(result.TotalDistanceMeters / 1000.0, 1),
            ["driving_h"] = Math.Round(result.TotalTravelSeconds / 3600.0, 2),
            ["unassigned"] = result.Unassigned.Count + bad.Count,
            ["bad_addresses"] = bad.Count,
            ["violations"] = violations.Count,
            ["matrix_s"] = Math.Round(phases.Single(p => p.Name == "matrix").Seconds, 2),
            ["plan_s"] = Math.Round(phases.Single(p => p.Name == "plan").Seconds, 2),
            ["solver_limit_s"] = Math.Round(limit.TotalSeconds, 1),
            ["first_complete_plan_s"] = firstComplete.Seconds is { } f ? Math.Round(f, 2) : null,
            ["peak_working_set_mb"] = Math.Round(peakMb),
            ["load_average"] = Results.LoadAverage(),
        });
        return violations.Count == 0 && totalSeconds <= budget ? 0 : 1;
    }


    private static string Report(
        int orders, int couriers, Load capacity, TimeSpan limit, ImportReport? osm, SnapResult[] snaps, List<Order> bad, PlanResult result,
        IReadOnlyList<PlanViolation> violations, List<(string Name, double Seconds)> phases, double total, double budget)
    {
        static string Clock(long s) => $"{s / 3600:D2}:{s % 3600 / 60:D2}";
        var routes = result.Routes.Select(r => (IReadOnlyList<string>)
        [
            r.VehicleId, r.Stops.Count.ToString(), Results.F(r.DistanceMeters / 1000.0, 1),
            Results.F(r.TravelSeconds / 3600.0, 2), Results.F((r.EndSeconds - r.StartSeconds) / 3600.0, 2),
            $"{Clock(r.StartSeconds)}-{Clock(r.EndSeconds)}",
        ]).ToList();
        routes.Add(["total", result.Routes.Sum(r => r.Stops.Count).ToString(), Results.F(result.TotalDistanceMeters / 1000.0, 1),
            Results.F(result.TotalTravelSeconds / 3600.0, 2), Results.F(result.Routes.Sum(r => r.EndSeconds - r.StartSeconds) / 3600.0, 2), ""]);
        var unassigned = result.Unassigned.GroupBy(u => u.Reason)
            .Select(g => $"  {g.Key}: {g.Count()} (e.g. {g.First().OrderId}: {g.First().Detail})")
            .Concat(bad.Count > 0 ? [$"  ProbableBadAddress: {bad.Count} (not planned; no road within 250 m)"] : []);
        var snapMeters = snaps.Select(s => s.SnapMeters).Order().ToArray();
        return $"""
            Evening on Porto: {orders} orders (two-hour windows 08:00-20:00, residential streets), {couriers} couriers from one depot, vans of {capacity}
            network: {(osm is null ? "already imported" : $"imported now in {osm.Elapsed.TotalSeconds:F1} s (one-off, not in the total)")}; speed factors: all ×0.9, residential ×0.8 in 07-10 and 16-19 (matrix at 12:00)
            snap distance: median {snapMeters[snapMeters.Length / 2]:F0} m, max {snapMeters[^1]:F0} m; probable bad addresses: {bad.Count}
            solver: OrToolsRoutePlanner, time limit {limit.TotalSeconds:F1} s (what the {budget:F0} s budget left)

            """ + Results.Table(["phase", "seconds"], [.. phases.Select(p => (IReadOnlyList<string>)[p.Name, Results.F(p.Seconds, 2)]), ["total", Results.F(total, 2)]])
            + "\n" + Results.Table(["route", "stops", "km", "driving h", "route h", "depot-depot"], routes)
            + $"\nunassigned: {result.Unassigned.Count + bad.Count}\n" + string.Join('\n', unassigned)
            + $"\nviolations (PlanValidator): {violations.Count}\n" + string.Join('\n', violations.Take(10).Select(v => "  " + v))
            + $"\nWall times are under CPU contention from other work on this shared 2-core machine (load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}).";
    }
}
