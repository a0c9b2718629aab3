using Delivery.Manifests.Model;
using Delivery.Manifests.Samples;

namespace Delivery.Manifests.Tests.Model;

public sealed class ManifestRouteTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 30, 7, 0, 0, TimeSpan.Zero);

    [Fact]
    public void TimeZoneId_Unknown_ThrowsNamingTheField()
    {
        var e = Assert.Throws<ArgumentException>(() => SampleRoutes.Route(1) with { TimeZoneId = "Mars/Olympus_Mons" });
        Assert.Equal("TimeZoneId", e.ParamName);
        Assert.Contains("Mars/Olympus_Mons", e.Message);
    }

    [Fact]
    public void Stops_SequenceNotIncreasing_ThrowsNamingTheStop()
    {
        ManifestStop[] stops = [SampleRoutes.Stop(2, Start, null, 1), SampleRoutes.Stop(1, Start, null, 1)];

        var e = Assert.Throws<ArgumentException>(() => SampleRoutes.Route(1) with { Stops = stops });

        Assert.Contains("Stops[1].Sequence", e.Message);
    }

    [Fact]
    public void Stops_WindowEndBeforeStart_ThrowsNamingTheStop()
    {
        var bad = SampleRoutes.Stop(1, Start, null, 1) with { WindowStart = Start.AddHours(2), WindowEnd = Start };

        var e = Assert.Throws<ArgumentException>(() => SampleRoutes.Route(1) with { Stops = [bad] });

        Assert.Contains("Stops[0].WindowEnd", e.Message);
    }

    [Fact]
    public void Stops_WindowWithOneEnd_Throws()
    {
        var bad = SampleRoutes.Stop(1, Start, null, 1) with { WindowEnd = null };
        var e = Assert.Throws<ArgumentException>(() => SampleRoutes.Route(1) with { Stops = [bad] });
        Assert.Contains("both be set", e.Message);
    }

    [Fact]
    public void Item_NegativeQuantity_ThrowsNamingTheField()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new ManifestItem { Name = "Milk", Quantity = -1, UnitPrice = 1 });
        Assert.Equal("Quantity", e.ParamName);
    }

    [Fact]
    public void Stop_NotesTooLong_ThrowsNamingTheField()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => SampleRoutes.Stop(1, Start, new string('x', 2001), 1));
        Assert.Equal("DeliveryNotes", e.ParamName);
    }

    [Fact]
    public void Stop_EmptyCustomerName_ThrowsNamingTheField()
    {
        var e = Assert.Throws<ArgumentException>(() => SampleRoutes.Stop(1, Start, null, 1) with { CustomerName = " " });
        Assert.Equal("CustomerName", e.ParamName);
    }

    [Fact]
    public void Stop_LatitudeOutOfRange_ThrowsNamingTheField()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => SampleRoutes.Stop(1, Start, null, 1) with { Latitude = 91 });
        Assert.Equal("Latitude", e.ParamName);
    }

    [Fact]
    public void ToLocal_UtcInstant_ConvertsToDepotZone()
    {
        var route = SampleRoutes.Route(1) with { TimeZoneId = "Europe/Moscow" };
        Assert.Equal(new DateTime(2026, 11, 30, 10, 0, 0), route.ToLocal(Start));
    }
}
