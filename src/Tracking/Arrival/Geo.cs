namespace Delivery.Tracking.Arrival;

/// <summary>Great-circle distance on a spherical Earth.</summary>
public static class Geo
{
    private const double EarthRadiusMeters = 6_371_008.8;

    /// <summary>Haversine distance in metres between two points given in degrees.</summary>
    public static double DistanceMeters(double lat1, double lon1, double lat2, double lon2)
    {
        var dLat = ToRad(lat2 - lat1);
        var dLon = ToRad(lon2 - lon1);
        var a = Math.Sin(dLat / 2) * Math.Sin(dLat / 2)
            + Math.Cos(ToRad(lat1)) * Math.Cos(ToRad(lat2)) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2);
        return 2 * EarthRadiusMeters * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }

    /// <summary>The point <paramref name="meters"/> from the start towards <paramref name="bearingDeg"/> (small distances).</summary>
    public static (double Lat, double Lon) Offset(double lat, double lon, double meters, double bearingDeg)
    {
        var b = ToRad(bearingDeg);
        var dLat = meters * Math.Cos(b) / EarthRadiusMeters;
        var dLon = meters * Math.Sin(b) / (EarthRadiusMeters * Math.Cos(ToRad(lat)));
        return (lat + dLat * 180 / Math.PI, lon + dLon * 180 / Math.PI);
    }

    private static double ToRad(double deg) => deg * Math.PI / 180;
}
