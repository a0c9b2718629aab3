namespace Delivery.Planner.Travel.Road;

/// <summary>A road travel matrix with how each location snapped and how much work it took.</summary>
/// <param name="Matrix">Durations (s) and distances (m, along the fastest path) in the order of the locations.</param>
/// <param name="Snaps">How each location joined the network, in the same order; check <see cref="SnapResult.ProbableBadAddress"/>.</param>
/// <param name="RowsComputed">Sources whose rows were computed (locations new to the cache); the rest came from the cache.</param>
/// <param name="ColumnsComputed">New locations whose columns were computed against the sources already cached.</param>
public sealed record RoadMatrix(TravelMatrix Matrix, IReadOnlyList<SnapResult> Snaps, int RowsComputed, int ColumnsComputed)
{
    /// <summary>Indexes of locations farther than the bad-address radius from any road.</summary>
    public IReadOnlyList<int> ProbableBadAddresses =>
        Enumerable.Range(0, Snaps.Count).Where(i => Snaps[i].ProbableBadAddress).ToArray();
}
