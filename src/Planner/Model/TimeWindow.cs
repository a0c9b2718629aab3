namespace Delivery.Planner.Model;

/// <summary>
/// An interval of time in seconds from the problem's <see cref="PlanningProblem.Epoch"/>, both ends inclusive.
/// For an order it bounds the <em>start of service</em>.
/// </summary>
public readonly record struct TimeWindow
{
    /// <summary>Creates a window; throws when <paramref name="end"/> is before <paramref name="start"/>.</summary>
    /// <param name="start">Earliest instant, seconds from the epoch.</param>
    /// <param name="end">Latest instant, seconds from the epoch; must be ≥ <paramref name="start"/>.</param>
    public TimeWindow(long start, long end)
    {
        if (end < start)
        {
            throw new ArgumentOutOfRangeException(nameof(end), end, $"A time window must not end ({end}) before it starts ({start}).");
        }
        Start = start;
        End = end;
    }

    /// <summary>Earliest instant, seconds from the epoch.</summary>
    public long Start { get; }

    /// <summary>Latest instant, seconds from the epoch.</summary>
    public long End { get; }

    /// <summary>Length of the window in seconds.</summary>
    public long LengthSeconds => End - Start;

    /// <summary>True when <paramref name="t"/> lies inside the window.</summary>
    public bool Contains(long t) => t >= Start && t <= End;

    /// <inheritdoc />
    public override string ToString() => $"[{Start}, {End}]";
}
