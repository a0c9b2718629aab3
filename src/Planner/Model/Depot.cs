namespace Delivery.Planner.Model;

/// <summary>A place vehicles start from and return to.</summary>
/// <param name="Id">Stable identifier.</param>
/// <param name="Location">Where the depot is.</param>
public sealed record Depot(string Id, Location Location);
