namespace Delivery.Planner.Validation;

/// <summary>One thing wrong with a plan, found by <see cref="PlanValidator"/>.</summary>
/// <param name="Kind">What kind of problem it is.</param>
/// <param name="VehicleId">The vehicle concerned, or null when none is.</param>
/// <param name="OrderId">The order concerned, or null when none is.</param>
/// <param name="Message">The problem in words, with the numbers that show it.</param>
public sealed record PlanViolation(PlanViolationKind Kind, string? VehicleId, string? OrderId, string Message)
{
    /// <inheritdoc />
    public override string ToString() =>
        $"{Kind}" + (VehicleId is null ? "" : $" vehicle '{VehicleId}'") + (OrderId is null ? "" : $" order '{OrderId}'") + $": {Message}";
}
