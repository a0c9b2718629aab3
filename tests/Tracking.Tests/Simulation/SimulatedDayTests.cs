using Delivery.Testing;
using Delivery.Tracking.Ingest;
using Delivery.Tracking.Live;
using Delivery.Tracking.Metrics;
using Delivery.Tracking.Routes;
using Delivery.Tracking.Simulation;
using Delivery.Tracking.Storage;
using Delivery.Tracking.Tests.Support;
using Microsoft.AspNetCore.SignalR.Client;

namespace Delivery.Tracking.Tests.Simulation;

/// <summary>
/// Days on the <see cref="SimulatedClock"/> shared by the tracking host and the fleet: hours of a delivery day pass in
/// seconds, and ETAs, alerts and handovers carry simulated time. Assertions are on simulated instants with a tolerance
/// of a few simulated minutes (one real second is over three simulated minutes, and a loaded machine delays batches),
/// never on wall time.
/// </summary>
public sealed class SimulatedDayTests(TestDatabase db) : IClassFixture<TestDatabase>
{
    private const double Speed = 200;
    private static readonly DateTimeOffset T0 = DayScenario.Start; // 08:00 UTC on the scenario's date

    [Fact]
    public async Task ThreeHourScriptedDay_EtasAtRiskAndSilentTabletFireAtTheirSimulatedTimes()
    {
        // Stops 2, 4 and 6 km east; the third's window is 09:00-11:00. The courier serves 1 and 2, then stands at
        // stop 2 until 10:55 (the tablet offline 09:00-09:40), then drives on and hands over stop 3 late at 11:02.
        await using var day = await DayScenario.CreateAsync(db, (0, 120), (0, 120), (60, 180));
        var clock = new SimulatedClock(T0.AddMinutes(-15), Speed, DateTimeOffset.UtcNow.AddSeconds(2));
        await using var host = await TrackingTestHost.StartAsync(db, day.Redis.Prefix, clock,
            new Dictionary<string, string?> { ["Tracking:SilentCheckSeconds"] = "30" });
        var dispatcher = await host.ConnectAsync("/hubs/live", "dispatcher");
        var etas = new Stamped<StopEtaUpdate>(dispatcher, "Eta", clock);
        var atRisk = new Stamped<WindowAlert>(dispatcher, "WindowAtRisk", clock);
        var silent = new Stamped<SilentTabletAlert>(dispatcher, "TabletSilent", clock);
        await dispatcher.InvokeAsync<DepotSnapshot>("JoinDepot", day.Route.DepotId);
        var route = (await new Delivery.CourierApi.Features.Tracking.PublishedRouteSource(db.DataSource).GetRouteAsync(day.Route.RouteId))!;
        var (s1, s2, s3) = (day.Route.Stops[0].StopId, day.Route.Stops[1].StopId, day.Route.Stops[2].StopId);

        // 2 km at 8 m/s take 250 s; 180 s at each door.
        var script = new Script(T0)
            .Drive(0, 2, 250).Stay(2, 180).Event(s1, "delivered")
            .Drive(2, 4, 250).Stay(4, 180).Event(s2, "delivered")
            .StayUntil(4, T0.AddMinutes(175))
            .Drive(4, 6, 250).Stay(6, 180).Event(s3, "delivered");
        var courierDay = script.Build(new SimulatedCourier(day.Route.CourierId, day.Device, day.CourierToken, route),
            offline: [(T0.AddMinutes(60), T0.AddMinutes(100))]);
        Assert.True(clock.GetUtcNow() < T0, "the host should be up before the simulated day starts");

        var result = await new DayFleet(new Uri(host.Address, "/hubs/courier"), clock,
            new DaySimulationOptions { SendInterval = TimeSpan.FromSeconds(30) }).RunAsync([courierDay]);

        Assert.Equal(0, result.Rejected);
        Assert.Equal(courierDay.Fixes.Count, result.PositionsAcked);
        // ETAs: the first one for stop 1 comes with the first fixes and predicts the arrival of about 08:04 in simulated time
        // (pushed within 20 simulated minutes = 6 s of real time at 200×: a loaded machine delays the first batches by seconds).
        var firstEta = etas.All.First(e => e.Item.StopId == s1);
        Assert.InRange(firstEta.At, T0, T0.AddMinutes(20));
        Assert.InRange(firstEta.Item.Eta, T0.AddMinutes(2), T0.AddMinutes(15));
        // Silent tablet: the last batch before the 09:00 outage was received about 09:00; the alert follows ten minutes later.
        var alert = Assert.Single(silent.All);
        Assert.InRange(alert.Item.LastSeenAt, T0.AddMinutes(55), T0.AddMinutes(70));
        Assert.InRange(alert.At, alert.Item.LastSeenAt.AddMinutes(10), alert.Item.LastSeenAt.AddMinutes(20));
        // At risk: standing 2 km short, stop 3's ETA (now + about 285 s: 312 s of straight-line driving at the day's pace)
        // passes 11:00 − 10 min at about 10:45.
        var risk = Assert.Single(atRisk.All, a => a.Item.StopId == s3);
        Assert.InRange(risk.At, T0.AddMinutes(160), T0.AddMinutes(175));
        Assert.True(risk.At < risk.Item.WindowEndUtc, "the alert comes before the miss");
        Assert.DoesNotContain(atRisk.All, a => a.Item.StopId == s1 || a.Item.StopId == s2);
        // The day's figures are in simulated time: two hits, stop 3 late by about three minutes.
        var report = await host.Get<WindowHitQuery>().RunAsync(DayScenario.Date, DayScenario.Date);
        var mine = Assert.Single(report.ByCourier, g => g.Key == day.Route.CourierId);
        Assert.Equal((3, 2, 1, 0), (mine.Attempted, mine.Hits, mine.Late, mine.Early));
        Assert.InRange(mine.AvgLateMinutes, 2, 3);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task CourierEarlyForWindow_WaitsAndHandsOverInside_OrHandsOverEarlyCountedEarly(bool waits)
    {
        // One stop 2 km out whose window opens an hour after the courier can be there.
        var stops = new[] { new StopSpec(DayScenario.Point(2).Lat, DayScenario.Point(2).Lon, T0.AddMinutes(60), T0.AddMinutes(120), ServiceSeconds: 120) };
        var seeded = await RouteSeeder.SeedAsync(db.DataSource, DayScenario.Date, T0, (DayScenario.DepotLat, DayScenario.DepotLon), stops);
        var route = (await new Delivery.CourierApi.Features.Tracking.PublishedRouteSource(db.DataSource).GetRouteAsync(seeded.RouteId))!;
        var courier = new SimulatedCourier(seeded.CourierId, "tab-" + seeded.CourierId, $"courier:{seeded.CourierId}:tab-{seeded.CourierId}", route);
        var options = new DaySimulationOptions
        {
            Seed = 7, WaitForWindows = waits, LateStartProbability = 0, NotHomeScale = 0, DeadTablets = 0, ConnectionLossesPerHour = 0,
        };
        var traffic = new GroundTruthTraffic(TimeZoneInfo.Utc, []);
        var courierDay = new CourierDayGenerator(new StraightRoadPaths(), traffic, options).Generate(courier, tabletDies: false);
        var truth = Assert.Single(courierDay.Stops);
        Assert.True(truth.ArrivedAt < T0.AddMinutes(60), "the courier is there before the window opens");
        if (waits)
        {
            Assert.True(truth.WaitedSeconds > 0);
            Assert.InRange(truth.HandoverAt, T0.AddMinutes(60), T0.AddMinutes(120));
        }
        else
        {
            Assert.True(truth.HandoverAt < T0.AddMinutes(60));
        }

        using var redis = new TestRedis();
        var clock = new SimulatedClock(T0.AddMinutes(-15), Speed, DateTimeOffset.UtcNow.AddSeconds(2));
        await using var host = await TrackingTestHost.StartAsync(db, redis.Prefix, clock);
        var fleet = await new DayFleet(new Uri(host.Address, "/hubs/courier"), clock, options).RunAsync([courierDay]);

        Assert.Equal(0, fleet.Rejected);
        var events = await host.Get<DeliveryEventStore>().ListByRouteAsync(seeded.RouteId);
        var handover = Assert.Single(events, e => e.IsHandover);
        Assert.InRange((handover.OccurredAt - truth.HandoverAt).Duration(), TimeSpan.Zero, TimeSpan.FromMilliseconds(1));
        var outcome = WindowOutcome.Of(handover);
        Assert.Equal(waits ? WindowResult.Hit : WindowResult.Early, outcome.Result);
        if (!waits)
        {
            Assert.Equal((T0.AddMinutes(60) - truth.HandoverAt).TotalMinutes, outcome.EarlyMinutes, 3);
        }
    }

    [Fact]
    public async Task SimulatedClock_TimersFireInSimulatedTime()
    {
        var clock = new SimulatedClock(T0, 3600);
        var before = clock.GetUtcNow();
        await Task.Delay(TimeSpan.FromHours(1), clock);
        Assert.True(clock.GetUtcNow() - before >= TimeSpan.FromHours(1));
        Assert.Equal(clock.ToReal(T0.AddHours(1)) - clock.Anchor, TimeSpan.FromSeconds(1));
        Assert.Equal(T0.AddMinutes(-1), clock.ToSimulated(clock.Anchor.AddMinutes(-1)));
    }

    /// <summary>A scripted courier: fixes every 5 s along the line east of the depot, and stop events.</summary>
    private sealed class Script(DateTimeOffset start)
    {
        private readonly List<(DateTimeOffset At, double Km)> _track = [(start, 0)];
        private readonly List<(DateTimeOffset At, string StopId, string Kind)> _events = [];

        private DateTimeOffset Now => _track[^1].At;

        public Script Drive(double fromKm, double toKm, int seconds)
        {
            _track.Add((Now.AddSeconds(seconds), toKm));
            return this;
        }

        public Script Stay(double km, int seconds) => Drive(km, km, seconds);

        public Script StayUntil(double km, DateTimeOffset until) => Drive(km, km, (int)(until - Now).TotalSeconds);

        public Script Event(string stopId, string kind)
        {
            _events.Add((Now, stopId, kind));
            return this;
        }

        public CourierDay Build(SimulatedCourier courier, IReadOnlyList<(DateTimeOffset From, DateTimeOffset To)> offline)
        {
            var fixes = new List<PositionReport>();
            var k = 0;
            for (var at = start; at <= Now; at = at.AddSeconds(5))
            {
                while (k + 1 < _track.Count && _track[k + 1].At <= at)
                {
                    k++;
                }
                var (a, b) = (_track[k], _track[Math.Min(k + 1, _track.Count - 1)]);
                var span = (b.At - a.At).TotalSeconds;
                var km = span > 0 ? a.Km + (b.Km - a.Km) * (at - a.At).TotalSeconds / span : a.Km;
                var (lat, lon) = DayScenario.Point(km);
                fixes.Add(new PositionReport(fixes.Count + 1, at, lat, lon, 6, span > 0 ? (b.Km - a.Km) * 1000 / span : 0, 90));
            }
            var events = _events.Select((e, i) => new CourierEventReport($"script-{i}", e.StopId, e.Kind, e.At)).ToList();
            return new CourierDay(courier, fixes, events, offline, null, [], [], start, Now, null);
        }
    }

    /// <summary>Hub messages with the simulated instant they arrived at.</summary>
    private sealed class Stamped<T>
    {
        private readonly List<(DateTimeOffset At, T Item)> _items = [];

        public Stamped(HubConnection connection, string method, TimeProvider clock) =>
            connection.On<T>(method, item =>
            {
                lock (_items)
                {
                    _items.Add((clock.GetUtcNow(), item));
                }
            });

        public IReadOnlyList<(DateTimeOffset At, T Item)> All
        {
            get
            {
                lock (_items)
                {
                    return [.. _items];
                }
            }
        }
    }
}
