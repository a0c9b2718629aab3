using BenchmarkDotNet.Attributes;
using Delivery.Planner.Instances;
using Delivery.Planner.Model;
using Delivery.Planner.Solving;
using Delivery.Planner.Validation;

namespace Delivery.Benchmarks.Micro;

/// <summary>
/// Hot paths around the planner that the quality harness and every test run: the validator on a 1,000-stop plan,
/// the Solomon reader, and the DIMACS conversion (a 1,001² exact integer-square-root matrix).
/// </summary>
/// <remarks>Public and unsealed because BenchmarkDotNet instantiates and inspects the class by reflection.</remarks>
[MemoryDiagnoser]
public class PlannerHotPaths
{
    private SolomonInstance _instance = null!;
    private string _text = "";
    private PlanningProblem _problem = null!;
    private PlanResult _plan = null!;

    [GlobalSetup]
    public void Setup()
    {
        _instance = SyntheticInstance.Create(1000, 20);
        _text = SyntheticInstance.Text(_instance);
        _problem = _instance.ToProblem(BenchmarkConvention.Dimacs);
        var routes = _instance.Customers.Select(c => c.Number).Chunk(50).Select(r => (IReadOnlyList<int>)r).ToList();
        _plan = new VrplibSolution(routes, null).ToPlan(_problem);
        var violations = PlanValidator.Validate(_problem, _plan);
        if (violations.Count > 0)
        {
            throw new InvalidOperationException("The benchmark plan must be valid: " + violations[0]);
        }
    }

    [Benchmark(Description = "validate 1000-stop plan")]
    public int Validate() => PlanValidator.Validate(_problem, _plan).Count;

    [Benchmark(Description = "parse 1000-customer file")]
    public int Parse() => SolomonReader.Parse(new StringReader(_text), "synthetic").Customers.Count;

    [Benchmark(Description = "DIMACS problem, 1001 locations")]
    public int ToProblem() => _instance.ToProblem(BenchmarkConvention.Dimacs).Matrix.Size;
}
