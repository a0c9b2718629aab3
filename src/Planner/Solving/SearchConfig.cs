using Google.OrTools.ConstraintSolver;
using Google.Protobuf.WellKnownTypes;

namespace Delivery.Planner.Solving;

/// <summary>One way of searching: a first-solution strategy and a metaheuristic. Portfolio members differ by these.</summary>
/// <param name="Name">Shown in statistics.</param>
/// <param name="FirstSolution">OR-Tools first-solution strategy.</param>
/// <param name="Metaheuristic">OR-Tools local-search metaheuristic.</param>
/// <param name="Lambda">Guided local search penalty coefficient.</param>
internal sealed record SearchConfig(
    string Name,
    FirstSolutionStrategy.Types.Value FirstSolution,
    LocalSearchMetaheuristic.Types.Value Metaheuristic = LocalSearchMetaheuristic.Types.Value.GuidedLocalSearch,
    double Lambda = 0.1)
{
    /// <summary>
    /// The portfolio, best-first: member i runs config i modulo the list. Measured on Solomon at 5 s: parallel cheapest
    /// insertion wins on C, R2 and RC2, local cheapest insertion on R1 and RC1. Tried and dropped: OR-Tools' iterated
    /// local search with SISR ruin (stopped at its first local optimum) and limiting operators to near neighbours
    /// (gaps of 30–70%).
    /// </summary>
    public static readonly IReadOnlyList<SearchConfig> Portfolio =
    [
        new("pci+gls", FirstSolutionStrategy.Types.Value.ParallelCheapestInsertion),
        new("lci+gls", FirstSolutionStrategy.Types.Value.LocalCheapestInsertion, Lambda: 0.2),
        new("savings+gls", FirstSolutionStrategy.Types.Value.Savings, Lambda: 0.15),
        new("auto+gls", FirstSolutionStrategy.Types.Value.Automatic, Lambda: 0.05),
        new("pci+gls.3", FirstSolutionStrategy.Types.Value.ParallelCheapestInsertion, Lambda: 0.3),
    ];

    /// <summary>OR-Tools search parameters for this config with a time limit.</summary>
    public RoutingSearchParameters ToParameters(TimeSpan timeLimit)
    {
        var p = operations_research_constraint_solver.DefaultRoutingSearchParameters();
        p.FirstSolutionStrategy = FirstSolution;
        p.LocalSearchMetaheuristic = Metaheuristic;
        p.GuidedLocalSearchLambdaCoefficient = Lambda;
        p.TimeLimit = Duration.FromTimeSpan(timeLimit < TimeSpan.FromMilliseconds(10) ? TimeSpan.FromMilliseconds(10) : timeLimit);
        return p;
    }
}
