namespace Delivery.Manifests.Model;

/// <summary>One stop of a route, in driving order, with everything the courier needs at the door.</summary>
/// <remarks>Instants are UTC; they are printed in the route's time zone.</remarks>
public sealed record ManifestStop
{
    /// <summary>1-based position in the driving order; with the route and plan version it names exactly one order.</summary>
    public required int Sequence { get; init => field = Guard.Positive(value, nameof(Sequence)); }

    /// <summary>The order's identifier, printed for reference (1–64 characters).</summary>
    public required string OrderId { get; init => field = Guard.Text(value, nameof(OrderId), 64); }

    /// <summary>Planned arrival (UTC instant).</summary>
    public required DateTimeOffset PlannedArrival { get; init; }

    /// <summary>Start of the promised window (UTC instant); null when the order has no window.</summary>
    public DateTimeOffset? WindowStart { get; init; }

    /// <summary>
    /// End of the promised window (UTC instant); set together with <see cref="WindowStart"/> and not before it
    /// (checked by <see cref="ManifestRoute.Stops"/>).
    /// </summary>
    public DateTimeOffset? WindowEnd { get; init; }

    /// <summary>Customer's name, Latin or Cyrillic (1–120 characters).</summary>
    public required string CustomerName { get; init => field = Guard.Text(value, nameof(CustomerName), 120); }

    /// <summary>Delivery address (1–400 characters); wraps on the page.</summary>
    public required string Address { get; init => field = Guard.Text(value, nameof(Address), 400); }

    /// <summary>Customer's phone, printed as given; optional (at most 40 characters).</summary>
    public string? Phone { get; init => field = Guard.Optional(value, nameof(Phone), 40); }

    /// <summary>Notes for the courier ("child asleep — don't ring, call"); optional, at most 2,000 characters.</summary>
    public string? DeliveryNotes { get; init => field = Guard.Optional(value, nameof(DeliveryNotes), 2000); }

    /// <summary>What is delivered.</summary>
    public IReadOnlyList<ManifestItem> Items { get; init => field = Guard.List(value, nameof(Items)); } = [];

    /// <summary>Cash to collect at the door in the route's currency; 0 when prepaid; not negative.</summary>
    public decimal AmountToCollect { get; init => field = Guard.NotNegative(value, nameof(AmountToCollect)); }

    /// <summary>Latitude in degrees, −90 to 90.</summary>
    public required double Latitude { get; init => field = Guard.InRange(value, -90, 90, nameof(Latitude)); }

    /// <summary>Longitude in degrees, −180 to 180.</summary>
    public required double Longitude { get; init => field = Guard.InRange(value, -180, 180, nameof(Longitude)); }
}
