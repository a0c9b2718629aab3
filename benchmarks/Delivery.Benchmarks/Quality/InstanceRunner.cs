using System.Diagnostics;
using System.Globalization;
using Delivery.Planner.Instances;
using Delivery.Planner.Solving;
using Delivery.Planner.Validation;

namespace Delivery.Benchmarks.Quality;

/// <summary>
/// Solves one instance the way the quality tables report it: the planner under the DIMACS convention (headline),
/// the hierarchical figure (a second solve with <c>--hier</c>, otherwise the DIMACS routes re-timed and measured with
/// exact Euclidean distances), and the OR-Tools sample model under DIMACS with the same time limit.
/// </summary>
internal sealed class InstanceRunner(QualityOptions options)
{
    private readonly OrToolsRoutePlanner _planner = new();

    private SolverSettings Settings => options.Search with { TimeLimit = TimeSpan.FromSeconds(options.Seconds), Workers = Environment.ProcessorCount, Seed = _seed };

    private int _seed = 1;

    /// <summary>Solves <paramref name="file"/> with <paramref name="seed"/>; the sample model runs only with seed 1.</summary>
    public InstanceOutcome Run(string file, BestKnownSolution? bks, int seed = 1)
    {
        _seed = seed;
        var instance = SolomonReader.Read(file);
        var problem = instance.ToProblem(BenchmarkConvention.Dimacs);
        var watch = Stopwatch.StartNew();
        var plan = _planner.Plan(problem, Settings);
        var seconds = watch.Elapsed.TotalSeconds;
        var violations = PlanValidator.Validate(problem, plan);
        foreach (var v in violations.Take(3))
        {
            Console.Error.WriteLine($"  {instance.Name}: {v}");
        }
        var used = plan.Routes.Count(r => r.Stops.Count > 0);
        var distance = plan.TotalDistanceMeters / (decimal)BenchmarkConvention.Dimacs.Scale();

        var hierProblem = instance.ToProblem(BenchmarkConvention.Hierarchical);
        var hierPlan = options.Hierarchical ? _planner.Plan(hierProblem, Settings) : Sequences(plan).ToPlan(hierProblem);
        var hierFeasible = hierPlan.Unassigned.Count == 0 && PlanValidator.Validate(hierProblem, hierPlan).Count == 0;

        decimal? sampleCost = null;
        if (options.Sample && seed == 1)
        {
            sampleCost = SampleModel.Solve(problem, TimeSpan.FromSeconds(options.Seconds)) / (decimal)BenchmarkConvention.Dimacs.Scale();
        }
        return new InstanceOutcome(
            instance.Name, instance.Class, used, distance, bks?.DimacsDistance, seconds, violations.Count, plan.Unassigned.Count,
            hierPlan.Routes.Count(r => r.Stops.Count > 0), bks?.HierVehicles, instance.ExactDistance(hierPlan), bks?.HierDistance, hierFeasible,
            sampleCost, options.Sample && seed == 1);
    }

    private static VrplibSolution Sequences(PlanResult plan) => new(
        plan.Routes.Where(r => r.Stops.Count > 0)
            .Select(r => (IReadOnlyList<int>)r.Stops.Select(s => int.Parse(s.OrderId, CultureInfo.InvariantCulture)).ToList())
            .ToList(),
        null);
}
