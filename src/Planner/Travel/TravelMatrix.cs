namespace Delivery.Planner.Travel;

/// <summary>
/// Square, possibly asymmetric matrices of travel duration (seconds) and distance (metres) between locations,
/// stored row-major: entry (from, to) is at <c>from * Size + to</c>.
/// </summary>
public sealed class TravelMatrix
{
    private readonly long[] _durations;
    private readonly long[] _distances;

    /// <summary>Wraps row-major arrays of length <paramref name="size"/>²; values must be ≥ 0.</summary>
    public TravelMatrix(int size, long[] durationSeconds, long[] distanceMeters)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(size);
        if (durationSeconds.Length != (long)size * size)
        {
            throw new ArgumentException($"Expected {size}x{size} durations, got {durationSeconds.Length}.", nameof(durationSeconds));
        }
        if (distanceMeters.Length != (long)size * size)
        {
            throw new ArgumentException($"Expected {size}x{size} distances, got {distanceMeters.Length}.", nameof(distanceMeters));
        }
        Size = size;
        _durations = durationSeconds;
        _distances = distanceMeters;
    }

    /// <summary>Number of locations.</summary>
    public int Size { get; }

    /// <summary>Travel time from <paramref name="from"/> to <paramref name="to"/> in seconds.</summary>
    public long Duration(int from, int to) => _durations[from * Size + to];

    /// <summary>Travel distance from <paramref name="from"/> to <paramref name="to"/> in metres.</summary>
    public long Distance(int from, int to) => _distances[from * Size + to];

    /// <summary>The row-major durations (seconds). Do not modify.</summary>
    public ReadOnlySpan<long> Durations => _durations;

    /// <summary>The row-major distances (metres). Do not modify.</summary>
    public ReadOnlySpan<long> Distances => _distances;

    /// <summary>The row-major durations array itself, for the search's inner loops (no copy: 200 MB at 5,000 locations). Do not modify.</summary>
    internal long[] DurationArray => _durations;

    /// <summary>The row-major distances array itself. Do not modify.</summary>
    internal long[] DistanceArray => _distances;

    /// <summary>Durations as a jagged array, the shape OR-Tools' <c>RegisterTransitMatrix</c> takes.</summary>
    public long[][] DurationRows() => ToRows(_durations);

    /// <summary>Distances as a jagged array, the shape OR-Tools' <c>RegisterTransitMatrix</c> takes.</summary>
    public long[][] DistanceRows() => ToRows(_distances);

    private long[][] ToRows(long[] flat)
    {
        var rows = new long[Size][];
        for (var i = 0; i < Size; i++)
        {
            rows[i] = flat.AsSpan(i * Size, Size).ToArray();
        }
        return rows;
    }
}
