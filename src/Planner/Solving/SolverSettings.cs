namespace Delivery.Planner.Solving;

/// <summary>How to search. A value, not configuration: the host maps its options onto it.</summary>
public sealed record SolverSettings
{
    /// <summary>Wall-clock limit for the whole solve.</summary>
    public TimeSpan TimeLimit { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Seed for the randomised parts of the search.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>How many portfolio members run at once; defaults to the number of cores.</summary>
    public int Workers { get; init; } = Environment.ProcessorCount;
}
