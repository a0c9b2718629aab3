using Delivery.Planner.Model;

namespace Delivery.Planner.Solving;

/// <summary>Builds routes for a planning problem.</summary>
public interface IRoutePlanner
{
    /// <summary>
    /// Solves <paramref name="problem"/>. Reports each improving solution through <paramref name="progress"/>;
    /// when <paramref name="cancellationToken"/> fires, stops and returns the best plan found so far.
    /// </summary>
    /// <exception cref="PlanningInputException">The problem is invalid.</exception>
    PlanResult Plan(PlanningProblem problem, SolverSettings settings, IProgress<PlanProgress>? progress = null, CancellationToken cancellationToken = default);
}
