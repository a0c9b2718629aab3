using System.Text;
using Delivery.Planner.Instances;

namespace Delivery.Benchmarks.Quality;

/// <summary>Runs a set of instances and publishes the quality table with per-class and overall averages.</summary>
internal static class QualityReport
{
    private static readonly string[] Header =
        ["instance", "vehicles", "distance", "BKS", "gap %", "mean gap %", "spread %", "hier veh ours/BKS", "hier dist ours/BKS", "time s", "sample cost", "ratio", "violations", "unassigned"];

    private static readonly string[] Classes = ["C1", "C2", "R1", "R2", "RC1", "RC2"];

    /// <summary>Solves every file that passes the filter, prints and writes the table; returns the exit code.</summary>
    public static int Run(string title, string resultName, IReadOnlyList<string> files, IReadOnlyDictionary<string, BestKnownSolution> bks, QualityOptions options)
    {
        var selected = files
            .Select(f => (File: f, Name: Path.GetFileNameWithoutExtension(f)))
            .Where(f => options.Keeps(f.Name, SolomonInstance.ClassOf(f.Name)))
            .OrderBy(f => Array.IndexOf(Classes, SolomonInstance.ClassOf(f.Name)))
            .ThenBy(f => NaturalKey(f.Name), StringComparer.Ordinal)
            .ToList();
        if (selected.Count == 0)
        {
            Console.Error.WriteLine($"no instance matches --filter {string.Join(",", options.Filter)}");
            return 2;
        }
        var runner = new InstanceRunner(options);
        var outcomes = new List<InstanceOutcome>();
        var seeded = new Dictionary<string, List<InstanceOutcome>>();
        foreach (var (file, name) in selected)
        {
            var runs = new List<InstanceOutcome>();
            for (var seed = 1; seed <= options.Seeds; seed++)
            {
                runs.Add(runner.Run(file, bks.GetValueOrDefault(name), seed));
            }
            var o = runs[0];
            seeded[o.Name] = runs;
            outcomes.Add(o);
            Console.Error.WriteLine($"[{outcomes.Count}/{selected.Count}] {string.Join("  ", Row(o))}  (load {Results.LoadAverage()})");
        }
        IReadOnlyList<string> Row(InstanceOutcome o) => RowOf(o, seeded[o.Name]);
        IReadOnlyList<string> Average(string label, List<InstanceOutcome> set) => AverageOf(label, set, seeded);

        var rows = outcomes.Select(Row).ToList();
        foreach (var cls in Classes.Where(c => outcomes.Any(o => o.Class == c)))
        {
            rows.Add(Average("avg " + cls, outcomes.Where(o => o.Class == cls).ToList()));
        }
        rows.Add(Average("avg all", outcomes));

        var report = new StringBuilder()
            .AppendLine($"{title}: DIMACS convention (distances and times truncated to 0.1, distance only), {options.SecondsLabel} s per instance, "
                + $"{Environment.ProcessorCount} workers; hier = fewest vehicles then exact Euclidean distance "
                + (options.Hierarchical ? "(a second solve under that convention)" : "(the DIMACS routes re-timed with exact distances; * = not feasible so)")
                + (options.Seeds > 1 ? $"; {options.Seeds} solves per instance (seeds 1..{options.Seeds}): gap % = seed 1, mean gap % over the seeds, spread % = worst minus best gap" : "")
                + (options.Sample ? "; sample = OR-Tools VRPTW sample model, one thread, same limit; ratio = ours / sample (averages over the instances the sample solved)" : ""))
            .AppendLine()
            .Append(Results.Table(Header, rows));
        var result = Summary(outcomes, options, seeded);
        Results.Publish(resultName, report.ToString(), result);
        return 0;
    }

    /// <summary>Mean gap over the seeds, percent.</summary>
    private static double? MeanGap(List<InstanceOutcome> runs) => runs[0].GapPct is null ? null : runs.Average(r => r.GapPct!.Value);

    /// <summary>Best minus worst distance over the seeds, as a percentage of best-known.</summary>
    private static double? Spread(List<InstanceOutcome> runs) => runs[0].GapPct is null ? null : runs.Max(r => r.GapPct!.Value) - runs.Min(r => r.GapPct!.Value);

    private static IReadOnlyList<string> RowOf(InstanceOutcome o, List<InstanceOutcome> runs) =>
    [
        o.Name,
        o.Vehicles.ToString(),
        Results.F((double)o.Distance, 1),
        o.Bks is { } b ? Results.F(b, 1) : "-",
        o.GapPct is { } g ? Results.F(g) : "-",
        MeanGap(runs) is { } mg ? Results.F(mg) : "-",
        Spread(runs) is { } sp ? Results.F(sp) : "-",
        $"{o.HierVehicles}/{(o.HierBksVehicles?.ToString() ?? "-")}",
        $"{Results.F(o.HierDistance, 1)}{(o.HierFeasible ? "" : "*")}/{(o.HierBksDistance is { } h ? Results.F(h, 1) : "-")}",
        Results.F(o.Seconds, 1),
        !o.SampleRun ? "skipped" : o.SampleCost is { } s ? Results.F((double)s, 1) : "no solution",
        o.Ratio is { } r ? Results.F(r, 3) : "-",
        o.Violations.ToString(),
        o.Unassigned.ToString(),
    ];

    private static IReadOnlyList<string> AverageOf(string label, List<InstanceOutcome> set, Dictionary<string, List<InstanceOutcome>> seeded) =>
    [
        label,
        Results.F(set.Average(o => o.Vehicles), 1),
        Results.F(set.Average(o => (double)o.Distance), 1),
        Mean(set.Select(o => o.Bks), 1),
        Mean(set.Select(o => o.GapPct), 2),
        Mean(set.Select(o => MeanGap(seeded[o.Name])), 2),
        set.Select(o => Spread(seeded[o.Name])).Max() is { } worst ? "max " + Results.F(worst) : "-",
        $"{Results.F(set.Average(o => o.HierVehicles), 1)}/{Mean(set.Select(o => (double?)o.HierBksVehicles), 1)}",
        $"{Results.F(set.Average(o => o.HierDistance), 1)}/{Mean(set.Select(o => o.HierBksDistance), 1)}",
        Results.F(set.Average(o => o.Seconds), 1),
        Mean(set.Select(o => (double?)o.SampleCost), 1),
        Mean(set.Select(o => o.Ratio), 3),
        set.Sum(o => o.Violations).ToString(),
        set.Sum(o => o.Unassigned).ToString(),
    ];

    private static string Mean(IEnumerable<double?> values, int decimals)
    {
        var present = values.Where(v => v.HasValue).Select(v => v!.Value).ToList();
        return present.Count == 0 ? "-" : Results.F(present.Average(), decimals);
    }

    private static Dictionary<string, object?> Summary(List<InstanceOutcome> outcomes, QualityOptions options, Dictionary<string, List<InstanceOutcome>> seeded)
    {
        double? Avg(IEnumerable<double?> v) => v.Where(x => x.HasValue).Select(x => x!.Value).DefaultIfEmpty(double.NaN).Average() is var a && double.IsNaN(a) ? null : Math.Round(a, 4);
        var result = new Dictionary<string, object?>
        {
            ["convention"] = "dimacs",
            ["avg_gap_pct"] = Avg(outcomes.Select(o => o.GapPct)),
            ["seeds"] = options.Seeds,
            ["avg_gap_pct_over_seeds"] = Avg(outcomes.Select(o => MeanGap(seeded[o.Name]))),
            ["worst_instance"] = outcomes.Where(o => o.GapPct is not null).OrderByDescending(o => MeanGap(seeded[o.Name])).Select(o => o.Name).FirstOrDefault(),
            ["worst_mean_gap_pct"] = outcomes.Select(o => MeanGap(seeded[o.Name])).Max() is { } wg ? Math.Round(wg, 4) : null,
            ["worst_single_gap_pct"] = seeded.Values.SelectMany(r => r).Select(r => r.GapPct).Max() is { } ws ? Math.Round(ws, 4) : null,
            ["max_spread_pct"] = outcomes.Select(o => Spread(seeded[o.Name])).Max() is { } ms ? Math.Round(ms, 4) : null,
            ["max_spread_instance"] = outcomes.Where(o => o.GapPct is not null).OrderByDescending(o => Spread(seeded[o.Name])).Select(o => o.Name).FirstOrDefault(),
            ["load_average"] = Results.LoadAverage(),
            ["instances"] = outcomes.Count,
            ["seconds_per_instance"] = options.Seconds,
            ["workers"] = Environment.ProcessorCount,
            ["infeasible"] = outcomes.Count(o => o.Violations > 0),
            ["unassigned"] = outcomes.Sum(o => o.Unassigned),
            ["violations"] = outcomes.Sum(o => o.Violations),
            ["avg_vehicles"] = Math.Round(outcomes.Average(o => o.Vehicles), 3),
            ["avg_ratio_vs_sample_model"] = options.Sample ? Avg(outcomes.Select(o => o.Ratio)) : null,
            ["sample_no_solution"] = options.Sample ? outcomes.Count(o => o.SampleCost is null) : null,
            ["hier_mode"] = options.Hierarchical ? "second_solve" : "dimacs_routes",
            ["hier_vehicles_ours"] = outcomes.Sum(o => o.HierVehicles),
            ["hier_vehicles_bks"] = outcomes.Sum(o => o.HierBksVehicles ?? 0),
            // Distances are comparable only where the vehicle counts agree (the hierarchical objective minimises vehicles first).
            ["hier_same_vehicles"] = outcomes.Count(o => o.HierVehicles == o.HierBksVehicles),
            ["hier_distance_gap_pct_same_vehicles"] = Avg(outcomes.Select(o => o.HierBksDistance is { } h && h > 0 && o.HierVehicles == o.HierBksVehicles ? (o.HierDistance - h) / h * 100 : (double?)null)),
            ["hier_exact_feasible"] = outcomes.Count(o => o.HierFeasible),
        };
        foreach (var cls in Classes.Where(c => outcomes.Any(o => o.Class == c)))
        {
            result["avg_gap_pct_" + cls] = Avg(outcomes.Where(o => o.Class == cls).Select(o => o.GapPct));
            result["avg_gap_pct_over_seeds_" + cls] = Avg(outcomes.Where(o => o.Class == cls).Select(o => MeanGap(seeded[o.Name])));
        }
        return result;
    }

    /// <summary>Sorts c1_2_2 before c1_2_10: digits padded.</summary>
    private static string NaturalKey(string name) =>
        string.Concat(System.Text.RegularExpressions.Regex.Split(name.ToLowerInvariant(), "([0-9]+)").Select(p => p.Length > 0 && char.IsDigit(p[0]) ? p.PadLeft(6, '0') : p));
}
