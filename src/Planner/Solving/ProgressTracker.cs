namespace Delivery.Planner.Solving;

/// <summary>Forwards only improving solutions to the caller's progress sink; safe to call from several solver threads.</summary>
internal sealed class ProgressTracker
{
    private readonly IProgress<PlanProgress>? _progress;
    private readonly TimeProvider _time;
    private readonly long _started;
    private readonly Lock _lock = new();
    private long _best = long.MaxValue;

    public ProgressTracker(IProgress<PlanProgress>? progress, TimeProvider time)
    {
        _progress = progress;
        _time = time;
        _started = time.GetTimestamp();
    }

    /// <summary>Improving solutions seen so far.</summary>
    public int Solutions { get; private set; }

    /// <summary>Time since the solve started.</summary>
    public TimeSpan Elapsed => _time.GetElapsedTime(_started);

    /// <summary>Reports a solution; ignored unless it beats the best so far.</summary>
    public void Report(long cost, int vehicles, int unassigned)
    {
        lock (_lock)
        {
            if (cost >= _best)
            {
                return;
            }
            _best = cost;
            Solutions++;
        }
        _progress?.Report(new PlanProgress(cost, vehicles, unassigned, Elapsed));
    }
}
