namespace Delivery.Planner.Instances;

/// <summary>
/// Best-known solutions of one instance in the three conventions of the published tables; a value is null when the
/// table has none for that convention.
/// </summary>
/// <param name="Instance">Instance name as in the file name (C101, c1_2_1).</param>
/// <param name="Set">The benchmark set (Solomon, GH200, GH400).</param>
/// <param name="Customers">Number of customers.</param>
/// <param name="HierVehicles">Hierarchical convention: vehicles (minimised first).</param>
/// <param name="HierDistance">Hierarchical convention: exact Euclidean distance.</param>
/// <param name="DistanceOnlyVehicles">Distance-only convention (exact Euclidean, file fleet): vehicles.</param>
/// <param name="DistanceOnlyDistance">Distance-only convention: distance.</param>
/// <param name="DimacsVehicles">DIMACS convention: vehicles of the best-known solution.</param>
/// <param name="DimacsDistance">DIMACS convention: distance with every arc truncated to one decimal.</param>
public sealed record BestKnownSolution(
    string Instance,
    string Set,
    int Customers,
    int? HierVehicles,
    double? HierDistance,
    int? DistanceOnlyVehicles,
    double? DistanceOnlyDistance,
    int? DimacsVehicles,
    double? DimacsDistance);
