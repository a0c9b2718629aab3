namespace Delivery.Planner.Model;

/// <summary>
/// A quantity in the three capacity dimensions the planner models. Used both for an order's demand and a vehicle's capacity.
/// </summary>
/// <param name="WeightGrams">Weight in grams.</param>
/// <param name="VolumeCm3">Volume in cubic centimetres.</param>
/// <param name="Items">Number of items (parcels, crates). Benchmark instances put their single demand here.</param>
public readonly record struct Load(long WeightGrams, long VolumeCm3, long Items)
{
    /// <summary>No load.</summary>
    public static readonly Load Zero = new(0, 0, 0);

    /// <summary>Names of the dimensions, in the order of <see cref="Get"/>.</summary>
    public static readonly IReadOnlyList<string> DimensionNames = ["weight", "volume", "items"];

    /// <summary>Number of dimensions.</summary>
    public const int Dimensions = 3;

    /// <summary>The value of dimension <paramref name="d"/> (0 weight, 1 volume, 2 items).</summary>
    public long Get(int d) => d switch
    {
        0 => WeightGrams,
        1 => VolumeCm3,
        2 => Items,
        _ => throw new ArgumentOutOfRangeException(nameof(d)),
    };

    /// <summary>True when every dimension of this load fits within <paramref name="capacity"/>.</summary>
    public bool FitsIn(Load capacity) =>
        WeightGrams <= capacity.WeightGrams && VolumeCm3 <= capacity.VolumeCm3 && Items <= capacity.Items;

    /// <summary>Sum of two loads.</summary>
    public static Load operator +(Load a, Load b) =>
        new(a.WeightGrams + b.WeightGrams, a.VolumeCm3 + b.VolumeCm3, a.Items + b.Items);
}
