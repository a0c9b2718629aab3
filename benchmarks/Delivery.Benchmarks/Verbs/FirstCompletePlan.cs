using Delivery.Planner.Solving;

namespace Delivery.Benchmarks.Verbs;

/// <summary>A progress sink that notes when the solve first reported a plan with every order routed.</summary>
internal sealed class FirstCompletePlan : IProgress<PlanProgress>
{
    /// <summary>Seconds into the solve, or null when no report had every order routed.</summary>
    public double? Seconds { get; private set; }

    public void Report(PlanProgress value)
    {
        if (Seconds is null && value.Unassigned == 0)
        {
            Seconds = value.Elapsed.TotalSeconds;
        }
    }
}
