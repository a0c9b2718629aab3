using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Delivery.Benchmarks.Quality;
using Delivery.Planner.Instances;
using Delivery.Planner.Solving;
using Delivery.Planner.Validation;

namespace Delivery.Benchmarks.Verbs;

/// <summary>
/// <c>solve FILE [--seconds N]</c>: solves one Solomon / Gehring &amp; Homberger file under the DIMACS convention and
/// writes the VRPLIB solution to standard output (then the RESULT line), so anyone can check it with their own tools.
/// The summary goes to standard error; the solution is also written to <c>benchmarks/results/solve_NAME.sol</c>.
/// </summary>
internal sealed class SolveVerb : IVerb
{
    public string Name => "solve";

    public string Summary => "solve one instance file (DIMACS) and print the VRPLIB solution: solve FILE [--seconds N]";

    public Task<int> RunAsync(string[] args)
    {
        var options = new Options(args);
        if (options.Positional.Count != 1 || !File.Exists(options.Positional[0]))
        {
            Console.Error.WriteLine("usage: solve FILE [--seconds N]   (FILE: a Solomon or Gehring & Homberger .txt; "
                + (options.Positional.Count == 1 ? $"'{options.Positional[0]}' does not exist)" : "exactly one file)"));
            return Task.FromResult(2);
        }
        var seconds = options.GetDouble("seconds", 10);
        var instance = SolomonReader.Read(options.Positional[0]);
        var problem = instance.ToProblem(BenchmarkConvention.Dimacs);
        var watch = Stopwatch.StartNew();
        var plan = new OrToolsRoutePlanner().Plan(problem, new SolverSettings { TimeLimit = TimeSpan.FromSeconds(seconds), Workers = Environment.ProcessorCount });
        var elapsed = watch.Elapsed.TotalSeconds;
        var violations = PlanValidator.Validate(problem, plan);
        var cost = plan.TotalDistanceMeters / (decimal)BenchmarkConvention.Dimacs.Scale();
        var solution = VrplibSolutionWriter.Format(plan, cost);
        File.WriteAllText(Path.Combine(Results.Folder, $"solve_{instance.Name}.sol"), solution);

        var bks = FindBks(options.Positional[0], instance.Name);
        var result = new Dictionary<string, object?>
        {
            ["instance"] = instance.Name,
            ["convention"] = "dimacs",
            ["vehicles"] = plan.Routes.Count(r => r.Stops.Count > 0),
            ["distance"] = cost,
            ["bks"] = bks,
            ["gap_pct"] = bks is { } b ? Math.Round(((double)cost - b) / b * 100, 4) : null,
            ["unassigned"] = plan.Unassigned.Count,
            ["violations"] = violations.Count,
            ["seconds"] = Math.Round(elapsed, 2),
        };
        foreach (var v in violations.Take(10))
        {
            Console.Error.WriteLine($"violation: {v}");
        }
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{instance.Name}: {result["vehicles"]} vehicles, distance {cost}, BKS {bks?.ToString(CultureInfo.InvariantCulture) ?? "-"}, {violations.Count} violations, {plan.Unassigned.Count} unassigned, {elapsed:F1} s"));
        Console.Write(solution);
        Console.WriteLine($"RESULT {JsonSerializer.Serialize(result)}");
        return Task.FromResult(violations.Count == 0 ? 0 : 1);
    }

    /// <summary>The DIMACS best-known distance from the BKS table beside the file (or in the shared data), if any.</summary>
    private static double? FindBks(string file, string name)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(file))!;
        var candidates = new[] { Path.Combine(folder, "BKS_solomon.csv"), Path.Combine(folder, "..", "BKS_homberger.csv") };
        return candidates.Where(File.Exists)
            .Select(c => BestKnownSolutions.Read(c).GetValueOrDefault(name)?.DimacsDistance)
            .FirstOrDefault(d => d is not null);
    }
}
