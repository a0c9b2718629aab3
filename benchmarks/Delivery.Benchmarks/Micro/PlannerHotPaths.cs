using BenchmarkDotNet.Attributes;
using Delivery.Planner.Instances;
using Delivery.Planner.Model;
using Delivery.Planner.Solving;
using Delivery.Planner.Solving.RuinRecreate;
using Delivery.Planner.Validation;

namespace Delivery.Benchmarks.Micro;

/// <summary>
/// Hot paths around the planner that the quality harness and every test run: the validator on a 1,000-stop plan,
/// ruin-and-recreate steps, the Solomon reader, and the DIMACS conversion (a 1,001² exact integer-square-root matrix).
/// </summary>
/// <remarks>Public and unsealed because BenchmarkDotNet instantiates and inspects the class by reflection.</remarks>
[MemoryDiagnoser]
public class PlannerHotPaths
{
    private SolomonInstance _instance = null!;
    private string _text = "";
    private PlanningProblem _problem = null!;
    private PlanResult _plan = null!;
    private SearchModel _sisrModel = null!;
    private Solution _sisrStart = null!;
    private int[] _sisrOrders = [];

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

        // Ruin and recreate from a plan of 20 routes of 10 consecutive customers each.
        var small = SyntheticInstance.Create(200, 40).ToProblem(BenchmarkConvention.Dimacs);
        var ix = new ProblemIndex(small);
        _sisrOrders = Enumerable.Range(0, small.Orders.Count).ToArray();
        var scope = new SolveScope(Enumerable.Range(0, small.Vehicles.Count).ToArray(), _sisrOrders);
        _sisrModel = new SearchModel(ix, scope);
        _sisrStart = Solution.Empty(small.Vehicles.Count);
        foreach (var (chunk, v) in _sisrOrders.Chunk(10).Select((c, v) => (c, v)))
        {
            _sisrStart.Routes[v] = chunk;
        }
    }

    [Benchmark(Description = "validate 1000-stop plan")]
    public int Validate() => PlanValidator.Validate(_problem, _plan).Count;

    [Benchmark(Description = "SISR 1,000 steps, 200 orders")]
    public long SisrSteps() =>
        new SisrSearch(_sisrModel, _sisrStart, _sisrOrders, new RuinRecreateSettings(MaxSteps: 1_000), seed: 1).Run(TimeProvider.System, long.MaxValue, default).Cost;

    [Benchmark(Description = "parse 1000-customer file")]
    public int Parse() => SolomonReader.Parse(new StringReader(_text), "synthetic").Customers.Count;

    [Benchmark(Description = "DIMACS problem, 1001 locations")]
    public int ToProblem() => _instance.ToProblem(BenchmarkConvention.Dimacs).Matrix.Size;
}
