namespace Delivery.Benchmarks.Quality;

/// <summary>What one instance gave: our DIMACS solve, the hierarchical figures, the sample model.</summary>
internal sealed record InstanceOutcome(
    string Name,
    string Class,
    int Vehicles,
    decimal Distance,
    double? Bks,
    double Seconds,
    int Violations,
    int Unassigned,
    int HierVehicles,
    int? HierBksVehicles,
    double HierDistance,
    double? HierBksDistance,
    bool HierFeasible,
    decimal? SampleCost,
    bool SampleRun)
{
    /// <summary>Gap of the DIMACS distance to the DIMACS best-known, percent.</summary>
    public double? GapPct => Bks is { } b && b > 0 ? ((double)Distance - b) / b * 100 : null;

    /// <summary>Our DIMACS distance over the sample model's, when it found a solution.</summary>
    public double? Ratio => SampleCost is { } s && s > 0 ? (double)(Distance / s) : null;
}
