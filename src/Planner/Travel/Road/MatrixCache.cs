namespace Delivery.Planner.Travel.Road;

/// <summary>
/// Durations (s) and distances (m) between every pair of snapped vertices seen so far, for one speed profile, so a
/// re-plan with a few new locations computes only their rows and columns. Not thread-safe: the owner serialises access.
/// </summary>
internal sealed class MatrixCache(int maxVertices)
{
    private readonly Dictionary<int, int> _slot = [];
    private int[] _vertices = [];
    private int[] _durations = [];
    private int[] _distances = [];
    private int _capacity;

    public int Count { get; private set; }

    /// <summary>Cached vertices in slot order.</summary>
    public ReadOnlySpan<int> Vertices => _vertices.AsSpan(0, Count);

    /// <summary>
    /// Makes room for the distinct vertices of <paramref name="wanted"/> that are not cached yet and returns them
    /// (their slots follow the old ones). Clears the cache first when it would grow past its limit.
    /// </summary>
    public int[] AddMissing(IEnumerable<int> wanted)
    {
        var distinct = wanted.Distinct().ToArray();
        var missing = distinct.Where(v => !_slot.ContainsKey(v)).ToArray();
        if (Count + missing.Length > maxVertices)
        {
            _slot.Clear();
            Count = 0;
            missing = distinct;
        }
        Grow(Count + missing.Length);
        foreach (var v in missing)
        {
            _slot[v] = Count;
            _vertices[Count++] = v;
        }
        return missing;
    }

    public int SlotOf(int vertex) => _slot[vertex];

    public void Set(int fromSlot, int toSlot, long durationSeconds, long distanceMeters)
    {
        var i = fromSlot * _capacity + toSlot;
        _durations[i] = checked((int)durationSeconds);
        _distances[i] = checked((int)distanceMeters);
    }

    public (long Duration, long Distance) Get(int fromVertex, int toVertex)
    {
        var i = _slot[fromVertex] * _capacity + _slot[toVertex];
        return (_durations[i], _distances[i]);
    }

    private void Grow(int needed)
    {
        if (needed <= _capacity)
        {
            return;
        }
        var capacity = Math.Min(Math.Max(needed, _capacity * 2), Math.Max(needed, maxVertices));
        var durations = new int[capacity * capacity];
        var distances = new int[capacity * capacity];
        for (var r = 0; r < Count; r++)
        {
            Array.Copy(_durations, r * _capacity, durations, r * capacity, Count);
            Array.Copy(_distances, r * _capacity, distances, r * capacity, Count);
        }
        Array.Resize(ref _vertices, capacity);
        (_durations, _distances, _capacity) = (durations, distances, capacity);
    }
}
