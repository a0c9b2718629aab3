using Google.OrTools.ConstraintSolver;
using Google.Protobuf.WellKnownTypes;

namespace Delivery.Planner.Solving;

/// <summary>One way of searching: a first-solution strategy and a metaheuristic. Portfolio members differ by these.</summary>
/// <param name="Name">Shown in statistics.</param>
/// <param name="FirstSolution">OR-Tools first-solution strategy.</param>
/// <param name="Metaheuristic">OR-Tools local-search metaheuristic.</param>
/// <param name="Lambda">Guided local search penalty coefficient.</param>
/// <param name="IteratedLocalSearch">Use OR-Tools' ruin-and-recreate iterated local search instead of the metaheuristic.</param>
internal sealed record SearchConfig(
    string Name,
    FirstSolutionStrategy.Types.Value FirstSolution,
    LocalSearchMetaheuristic.Types.Value Metaheuristic = LocalSearchMetaheuristic.Types.Value.GuidedLocalSearch,
    double Lambda = 0.1,
    bool IteratedLocalSearch = false)
{
    /// <summary>Share of the nearest neighbours local-search operators consider (1 = all).</summary>
    public double NeighborsRatio { get; init; } = 1.0;

    /// <summary>The portfolio, best-first: member i runs config i modulo the list.</summary>
    public static readonly IReadOnlyList<SearchConfig> Portfolio =
    [
        new("pci+gls", FirstSolutionStrategy.Types.Value.ParallelCheapestInsertion),
        new("lci+gls", FirstSolutionStrategy.Types.Value.LocalCheapestInsertion, Lambda: 0.2),
        new("savings+gls", FirstSolutionStrategy.Types.Value.Savings, Lambda: 0.15),
        new("auto+gls", FirstSolutionStrategy.Types.Value.Automatic, Lambda: 0.05),
        new("pci+ils", FirstSolutionStrategy.Types.Value.ParallelCheapestInsertion, IteratedLocalSearch: true),
    ];

    /// <summary>OR-Tools search parameters for this config with a time limit.</summary>
    public RoutingSearchParameters ToParameters(TimeSpan timeLimit)
    {
        var p = operations_research_constraint_solver.DefaultRoutingSearchParameters();
        p.FirstSolutionStrategy = FirstSolution;
        p.LocalSearchMetaheuristic = Metaheuristic;
        p.GuidedLocalSearchLambdaCoefficient = Lambda;
        p.UseIteratedLocalSearch = IteratedLocalSearch;
        if (NeighborsRatio < 1.0)
        {
            p.LsOperatorNeighborsRatio = NeighborsRatio;
            p.LsOperatorMinNeighbors = 10;
        }
        p.TimeLimit = Duration.FromTimeSpan(timeLimit < TimeSpan.FromMilliseconds(10) ? TimeSpan.FromMilliseconds(10) : timeLimit);
        return p;
    }
}
