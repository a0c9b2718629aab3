namespace Delivery.Manifests.Model;

/// <summary>One line of an order as printed on the manifest.</summary>
public sealed record ManifestItem
{
    /// <summary>What is delivered, as the customer knows it (1–200 characters).</summary>
    public required string Name { get; init => field = Guard.Text(value, nameof(Name), 200); }

    /// <summary>How many units; positive (fractions allowed, e.g. 1.5 kg).</summary>
    public required decimal Quantity
    {
        get;
        init => field = value > 0 ? value : throw new ArgumentOutOfRangeException(nameof(Quantity), value, "Quantity must be positive.");
    }

    /// <summary>Price of one unit in the route's currency; not negative.</summary>
    public required decimal UnitPrice { get; init => field = Guard.NotNegative(value, nameof(UnitPrice)); }

    /// <summary>Quantity × unit price.</summary>
    public decimal LineTotal => Quantity * UnitPrice;
}
