namespace Delivery.Manifests.Model;

/// <summary>The depot a route starts from and returns to.</summary>
public sealed record ManifestDepot
{
    /// <summary>Depot name (1–120 characters).</summary>
    public required string Name { get; init => field = Guard.Text(value, nameof(Name), 120); }

    /// <summary>Street address (1–300 characters).</summary>
    public required string Address { get; init => field = Guard.Text(value, nameof(Address), 300); }

    /// <summary>Depot phone, printed as given; optional (at most 40 characters).</summary>
    public string? Phone { get; init => field = Guard.Optional(value, nameof(Phone), 40); }

    /// <summary>Latitude in degrees, −90 to 90.</summary>
    public required double Latitude { get; init => field = Guard.InRange(value, -90, 90, nameof(Latitude)); }

    /// <summary>Longitude in degrees, −180 to 180.</summary>
    public required double Longitude { get; init => field = Guard.InRange(value, -180, 180, nameof(Longitude)); }
}
