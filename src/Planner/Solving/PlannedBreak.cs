namespace Delivery.Planner.Solving;

/// <summary>When a break is taken.</summary>
/// <param name="StartSeconds">Start, seconds from the epoch.</param>
/// <param name="DurationSeconds">Length in seconds.</param>
/// <param name="AfterStop">Number of stops served before the break (0 = before the first stop).</param>
public sealed record PlannedBreak(long StartSeconds, long DurationSeconds, int AfterStop);
