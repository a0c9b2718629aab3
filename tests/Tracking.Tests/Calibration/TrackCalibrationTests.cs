using Delivery.Tracking.Calibration;
using Delivery.Tracking.Simulation;

namespace Delivery.Tracking.Tests.Calibration;

public sealed class TrackCalibrationTests
{
    private static readonly DateTimeOffset Day = new(2026, 12, 2, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Known speed factors per group and band, and service factors per kind, that a synthetic day is generated with.</summary>
    private static double TrueFactor(string group, int hour) => (group, hour < 10 ? 0 : hour < 16 ? 1 : 2) switch
    {
        ("fast", 0) => 0.6,
        ("fast", _) => 0.9,
        ("arterial", 0) => 0.55,
        ("arterial", 1) => 0.8,
        ("arterial", _) => 0.5,
        (_, 1) => 0.75,
        _ => 0.65,
    };

    private static (List<LegObservation> Legs, List<ServiceObservation> Services) Synthetic(int legs, int seed)
    {
        var random = new Random(seed);
        var list = new List<LegObservation>();
        var services = new List<ServiceObservation>();
        for (var i = 0; i < legs; i++)
        {
            var departure = Day.AddHours(7 + 12.5 * random.NextDouble());
            var ff = new Dictionary<string, double>
            {
                ["fast"] = random.NextDouble() < 0.3 ? 60 + 240 * random.NextDouble() : 0,
                ["arterial"] = 60 + 300 * random.NextDouble(),
                ["local"] = 30 + 200 * random.NextDouble(),
            };
            var noise = Math.Exp(0.1 * (random.NextDouble() * 2 - 1) * 1.7);
            var observed = ff.Sum(kv => kv.Value / TrueFactor(kv.Key, departure.Hour)) * noise;
            list.Add(new LegObservation(departure, observed, ff));
            var kind = (AddressKind)(i % 3);
            var planned = 180.0;
            services.Add(new ServiceObservation(kind.ToString(), planned, planned * kind switch { AddressKind.House => 0.8, AddressKind.Apartment => 1.4, _ => 1.0 } * noise));
        }
        return (list, services);
    }

    [Fact]
    public void Learn_SyntheticDayWithKnownFactors_RecoversThemWithinFivePercent()
    {
        var (legs, services) = Synthetic(1200, seed: 3);

        var c = TrackCalibration.Learn(legs, services, TimeZoneInfo.Utc);

        foreach (var f in c.Speeds.Where(f => f.From.Hour < 20))
        {
            Assert.True(f.Calibrated, $"{f.Group} {f.From}-{f.To} should be calibrated");
            var truth = TrueFactor(f.Group, f.From.Hour);
            Assert.InRange(f.Factor, truth * 0.95, truth * 1.05);
        }
        // Service: plenty of stops per kind, so shrinkage barely moves them (within 5% of the truth).
        Assert.InRange(c.Services.Single(s => s.Class == nameof(AddressKind.House)).Factor, 0.8 * 0.95, 0.8 * 1.05);
        Assert.InRange(c.Services.Single(s => s.Class == nameof(AddressKind.Apartment)).Factor, 1.4 * 0.95, 1.4 * 1.05);
        Assert.InRange(c.Services.Single(s => s.Class == nameof(AddressKind.Business)).Factor, 1.0 * 0.95, 1.0 * 1.05);
    }

    [Fact]
    public void Learn_TooLittleData_FactorsDoNotMoveAndServiceStaysNearDepotAverage()
    {
        var (legs, services) = Synthetic(12, seed: 5);
        var apartments = services.Where(s => s.Class == nameof(AddressKind.Apartment)).Take(2).ToList();

        var c = TrackCalibration.Learn(legs, [.. services.Where(s => s.Class != nameof(AddressKind.Apartment)), .. apartments], TimeZoneInfo.Utc);

        Assert.All(c.Speeds, f => Assert.False(f.Calibrated));
        Assert.All(c.Speeds, f => Assert.Equal(1, f.Factor));
        // Two apartment stops (truth 1.4) are shrunk most of the way towards the depot's average.
        var apartment = c.Services.Single(s => s.Class == nameof(AddressKind.Apartment)).Factor;
        Assert.InRange(apartment, c.DepotServiceFactor, c.DepotServiceFactor + 0.2 * (1.4 - c.DepotServiceFactor));
    }
}
