namespace Delivery.Planner.Model;

/// <summary>
/// A point where a stop or depot is. For <see cref="CoordinateSystem.Geographic"/> problems X is longitude and
/// Y latitude in degrees (WGS 84); for <see cref="CoordinateSystem.Planar"/> problems (benchmark instances) they are
/// plain Cartesian coordinates.
/// </summary>
/// <param name="X">Longitude in degrees, or planar X.</param>
/// <param name="Y">Latitude in degrees, or planar Y.</param>
public readonly record struct Location(double X, double Y)
{
    /// <summary>Creates a geographic location; throws when latitude or longitude is out of range.</summary>
    public static Location FromLatLon(double latitude, double longitude)
    {
        if (!double.IsFinite(latitude) || latitude is < -90 or > 90)
        {
            throw new ArgumentOutOfRangeException(nameof(latitude), latitude, "Latitude must be between -90 and 90 degrees.");
        }
        if (!double.IsFinite(longitude) || longitude is < -180 or > 180)
        {
            throw new ArgumentOutOfRangeException(nameof(longitude), longitude, "Longitude must be between -180 and 180 degrees.");
        }
        return new Location(longitude, latitude);
    }

    /// <summary>Latitude in degrees (same as <see cref="Y"/>).</summary>
    public double Latitude => Y;

    /// <summary>Longitude in degrees (same as <see cref="X"/>).</summary>
    public double Longitude => X;
}

/// <summary>How the coordinates of a problem are to be read.</summary>
public enum CoordinateSystem
{
    /// <summary>WGS 84 longitude/latitude; validated to lie within range.</summary>
    Geographic,

    /// <summary>Cartesian coordinates of a benchmark instance.</summary>
    Planar,
}
