namespace Delivery.Planner.Instances;

/// <summary>
/// How a benchmark instance is turned into a planning problem and scored; the three conventions of the published
/// best-known-solution tables (see <c>shared/data/README.md</c>).
/// </summary>
public enum BenchmarkConvention
{
    /// <summary>
    /// 12th DIMACS challenge (also PyVRP, CVRPLIB): every distance and travel time truncated to one decimal, distance
    /// only, fleet not binding. Integerised ×10: an arc costs ⌊10·euclid⌋ in both matrices; windows and service ×10.
    /// </summary>
    Dimacs,

    /// <summary>
    /// Classic literature: fewest vehicles first, then distance, exact Euclidean. Integerised ×1000 with travel times
    /// rounded <em>up</em>, so a schedule feasible here is feasible with exact real distances; report distances
    /// recomputed exactly from the routes.
    /// </summary>
    Hierarchical,

    /// <summary>Distance only with exact Euclidean distances (×1000, rounded up) and the file's fleet.</summary>
    DistanceOnly,
}

/// <summary>Scale factors of the conventions.</summary>
public static class BenchmarkConventions
{
    /// <summary>Matrix units per unit of the file: 10 for <see cref="BenchmarkConvention.Dimacs"/>, 1000 otherwise.</summary>
    public static long Scale(this BenchmarkConvention convention) => convention == BenchmarkConvention.Dimacs ? 10 : 1000;
}
