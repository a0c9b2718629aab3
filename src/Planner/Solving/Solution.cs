namespace Delivery.Planner.Solving;

/// <summary>A solution independent of any OR-Tools model: for each vehicle of the problem, its order indices in driving order.</summary>
/// <param name="Routes">Indexed by vehicle index of the problem; each entry lists order indices of the problem.</param>
internal sealed record Solution(int[][] Routes)
{
    /// <summary>An empty solution for <paramref name="vehicles"/> vehicles.</summary>
    public static Solution Empty(int vehicles) => new(Enumerable.Range(0, vehicles).Select(_ => Array.Empty<int>()).ToArray());

    /// <summary>Every routed order index.</summary>
    public HashSet<int> RoutedOrders() => Routes.SelectMany(r => r).ToHashSet();

    /// <summary>Number of vehicles with at least one stop.</summary>
    public int VehiclesUsed => Routes.Count(r => r.Length > 0);

    /// <summary>A copy with the routes of some vehicles replaced.</summary>
    public Solution With(IReadOnlyDictionary<int, int[]> replaced)
    {
        var routes = (int[][])Routes.Clone();
        foreach (var (v, r) in replaced)
        {
            routes[v] = r;
        }
        return new Solution(routes);
    }
}
