using Delivery.Tracking.Arrival;
using Delivery.Tracking.Eta;

namespace Delivery.Tracking.Tests.Eta;

public sealed class EtaEngineTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    // 36 km/h, circuity 1: one metre per 0.1 s; 1 km takes 100 s.
    private readonly EtaEngine _engine = new(new StraightLineTravelTimeSource(36, 1.0));

    private static EtaStop StopAt(string id, double km, DateTimeOffset? windowStart = null, int service = 60, DateTimeOffset? arrived = null)
    {
        var (lat, lon) = Geo.Offset(52.0, 13.0, km * 1000, 90);
        return new EtaStop(id, lat, lon, windowStart, service, arrived);
    }

    [Fact]
    public async Task ComputeAsync_ScriptedDrive_AddsTravelServiceAndWindowWaits()
    {
        var stops = new[]
        {
            StopAt("a", 1),                                   // 100 s away
            StopAt("b", 2, windowStart: Now.AddMinutes(30)),  // arrives early, waits for the window
            StopAt("c", 3),
        };
        var etas = await _engine.ComputeAsync(Now, 52.0, 13.0, 1.0, stops);

        Assert.Equal(Now.AddSeconds(100), etas[0].Eta);
        Assert.Equal(Now.AddSeconds(100 + 60 + 100), etas[1].Eta);
        Assert.Equal(Now.AddMinutes(30), etas[1].ServiceStart);
        Assert.Equal(Now.AddMinutes(30).AddSeconds(60 + 100), etas[2].Eta);
    }

    [Fact]
    public async Task ComputeAsync_SlowPace_StretchesTravelOnly()
    {
        var etas = await _engine.ComputeAsync(Now, 52.0, 13.0, 1.5, [StopAt("a", 1), StopAt("b", 2)]);
        Assert.Equal(Now.AddSeconds(150), etas[0].Eta);
        Assert.Equal(Now.AddSeconds(150 + 60 + 150), etas[1].Eta);
    }

    [Fact]
    public async Task ComputeAsync_AlreadyAtFirstStop_LeavesAfterServiceThenDrives()
    {
        var etas = await _engine.ComputeAsync(Now, 52.0, 13.0, 1.0,
            [StopAt("a", 0, service: 300, arrived: Now.AddSeconds(-100)), StopAt("b", 1)]);
        Assert.Equal(Now.AddSeconds(-100), etas[0].Eta);
        Assert.Equal(Now.AddSeconds(200), etas[0].Departure);
        Assert.Equal(Now.AddSeconds(300), etas[1].Eta);
    }

    [Fact]
    public async Task ComputeAsync_AsTheCourierDrives_EtaOfNextStopStaysPutAtPlannedSpeed()
    {
        // Scripted drive towards the 3 km stop at exactly the assumed speed: the ETA must not drift.
        var stop = StopAt("a", 3);
        var first = (await _engine.ComputeAsync(Now, 52.0, 13.0, 1.0, [stop]))[0].Eta;
        for (var km = 0.5; km < 3; km += 0.5)
        {
            var (lat, lon) = Geo.Offset(52.0, 13.0, km * 1000, 90);
            var eta = (await _engine.ComputeAsync(Now.AddSeconds(km * 100), lat, lon, 1.0, [stop]))[0].Eta;
            Assert.InRange((eta - first).TotalSeconds, -2, 2);
        }
    }

    [Fact]
    public void PaceModel_SlowLegs_RaisesFactorWithinBounds()
    {
        var pace = PaceModel.Neutral.Observe(1200, 600).Observe(1200, 600);
        Assert.True(pace.Factor > 1.2 && pace.Factor < 2.0, $"factor {pace.Factor}");
        Assert.Equal(pace, pace.Observe(60_000, 600)); // absurd leg ignored
    }
}
