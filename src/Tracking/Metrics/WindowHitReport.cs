namespace Delivery.Tracking.Metrics;

/// <summary>Window-hit figures of one group.</summary>
/// <param name="Key">Group key (date, depot, courier, window slot or hour); "all" for the total.</param>
/// <param name="Attempted">Stops handed over (or failed at the door) that had a window.</param>
/// <param name="Hits">Of those, handed over inside the window.</param>
/// <param name="Early">Handed over before the window.</param>
/// <param name="Late">Handed over after the window.</param>
/// <param name="HitRate">Hits ÷ attempted (0 when none attempted).</param>
/// <param name="AvgEarlyMinutes">Mean minutes early over early stops.</param>
/// <param name="AvgLateMinutes">Mean minutes late over late stops.</param>
/// <param name="Cancelled">Cancelled stops, apart from the rate.</param>
/// <param name="NoWindow">Handovers of stops without a window, apart from the rate.</param>
public sealed record WindowHitGroup(
    string Key, int Attempted, int Hits, int Early, int Late, double HitRate, double AvgEarlyMinutes, double AvgLateMinutes, int Cancelled, int NoWindow);

/// <summary>The window-hit rate with its breakdowns.</summary>
/// <param name="From">First service date covered.</param>
/// <param name="To">Last service date covered.</param>
/// <param name="TimeZone">Time zone of dates, slots and hours.</param>
/// <param name="Total">All stops.</param>
/// <param name="ByDate">Per service date.</param>
/// <param name="ByDepot">Per depot.</param>
/// <param name="ByCourier">Per courier.</param>
/// <param name="BySlot">Per window slot ("HH:mm–HH:mm").</param>
/// <param name="ByHour">Per hour of the handover ("HH").</param>
public sealed record WindowHitReport(
    DateOnly From, DateOnly To, string TimeZone, WindowHitGroup Total,
    IReadOnlyList<WindowHitGroup> ByDate, IReadOnlyList<WindowHitGroup> ByDepot, IReadOnlyList<WindowHitGroup> ByCourier,
    IReadOnlyList<WindowHitGroup> BySlot, IReadOnlyList<WindowHitGroup> ByHour);
