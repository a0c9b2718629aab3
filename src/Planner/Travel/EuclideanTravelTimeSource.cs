using Delivery.Planner.Model;

namespace Delivery.Planner.Travel;

/// <summary>
/// Exact planar Euclidean travel for benchmark instances: distance and time are both the Euclidean distance times
/// <see cref="Scale"/>, rounded to the nearest integer; with <see cref="TruncateToOneDecimal"/> the distance is first
/// truncated to one decimal (the DIMACS convention; with scale 10 an arc is exactly ⌊10·d⌋).
/// </summary>
public sealed class EuclideanTravelTimeSource : ITravelTimeSource
{
    /// <summary>Creates the source.</summary>
    /// <param name="scale">Matrix units per coordinate unit; positive (default 1).</param>
    /// <param name="truncateToOneDecimal">Truncate each distance to one decimal before scaling.</param>
    public EuclideanTravelTimeSource(double scale = 1, bool truncateToOneDecimal = false)
    {
        if (!double.IsFinite(scale) || scale <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(scale), scale, "The scale must be positive.");
        }
        Scale = scale;
        TruncateToOneDecimal = truncateToOneDecimal;
    }

    /// <summary>Matrix units per coordinate unit.</summary>
    public double Scale { get; }

    /// <summary>Whether distances are truncated to one decimal before scaling.</summary>
    public bool TruncateToOneDecimal { get; }

    /// <summary>The matrix value between two planar locations.</summary>
    public long Value(Location a, Location b)
    {
        var d = Math.Sqrt(((a.X - b.X) * (a.X - b.X)) + ((a.Y - b.Y) * (a.Y - b.Y)));
        var scaled = TruncateToOneDecimal ? Math.Floor(d * 10 + 1e-9) * Scale / 10 : d * Scale;
        return (long)Math.Round(scaled);
    }

    /// <inheritdoc />
    public Task<TravelMatrix> GetMatrixAsync(IReadOnlyList<Location> locations, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(locations);
        return Task.FromResult(MatrixBuilder.Build(locations, (a, b) =>
        {
            var v = Value(a, b);
            return (v, v);
        }, cancellationToken));
    }
}
