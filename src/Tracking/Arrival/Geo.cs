using Delivery.Planner.Model;
using Delivery.Planner.Travel;

namespace Delivery.Tracking.Arrival;

/// <summary>Great-circle helpers on a spherical Earth (distance from the planner's straight-line source).</summary>
public static class Geo
{
    private const double EarthRadiusMeters = 6_371_008.8;

    /// <summary>Haversine distance in metres between two points given in degrees.</summary>
    public static double DistanceMeters(double lat1, double lon1, double lat2, double lon2) =>
        StraightLineTravelTimeSource.HaversineMeters(new Location(lon1, lat1), new Location(lon2, lat2));

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
