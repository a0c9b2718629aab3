using System.Globalization;
using Delivery.CourierApi.Features.Fleet;
using Delivery.CourierApi.Features.Manifests;
using Delivery.CourierApi.Features.RoadNetwork;
using Delivery.Manifests.Codes;
using Delivery.CourierApi.Features.Orders;
using Delivery.CourierApi.Features.Plans;
using Delivery.CourierApi.Hosting;
using Delivery.Tracking;
using Delivery.Tracking.Routes;
using Delivery.Tracking.Simulation;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Delivery.CourierApi.Data;

/// <summary>Settings of the simulated demo day (section <c>Demo</c>).</summary>
internal sealed class DemoSimulationOptions
{
    public const string Section = "Demo";

    /// <summary>Simulated seconds per real second: 1 plays the day in real time, 30 thirty times faster (the host's clock runs that fast too).</summary>
    [System.ComponentModel.DataAnnotations.Range(0.1, 100)]
    public double SimulationSpeed { get; set; } = 1;

    /// <summary>Orders of the simulated day.</summary>
    [System.ComponentModel.DataAnnotations.Range(1, 2000)]
    public int SimulationOrders { get; set; } = 80;
}

/// <summary>
/// <c>--demo --simulate</c> (<c>./run.sh --simulate</c>): plays today's delivery day at the demo depot. Once the host is
/// up it gives the couriers shifts from now on, seeds today's orders with windows from now on, plans and publishes
/// them (or reuses today's published plan), issues every courier with a route a tablet token, and drives the routes
/// with the day engine (<see cref="DayFleet"/>: road paths, ground-truth traffic, couriers and tablets as they are) through this host's own courier hub, so positions, ETAs and alerts flow
/// through the real pipeline to the live hub and the customers' tracking view.
/// </summary>
internal sealed partial class DemoSimulation(
    FleetStore fleet, OrderWriter orders, PlanningJobStore jobs, PlanPublisher publisher, IPublishedRouteSource routes, NpgsqlDataSource db,
    TimeProvider time, RoadNetworkState roads, PaperOutcomeService paper, IServer server, IHostApplicationLifetime lifetime, IOptions<TrackingOptions> tracking,
    IOptions<DemoSimulationOptions> options, Features.CustomerPage.TrackingTokens links, ILogger<DemoSimulation> log) : BackgroundService
{
    private static readonly TimeSpan ShiftLength = TimeSpan.FromHours(9);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource();
        using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        {
            await started.Task.WaitAsync(stoppingToken);
        }
        try
        {
            await SimulateAsync(stoppingToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            // The demo day is a show: its failure must not take the host down.
            LogFailed(e);
        }
    }

    private async Task SimulateAsync(CancellationToken ct)
    {
        var depot = (await fleet.ListDepotsAsync(ct)).FirstOrDefault(d => d.Code == DemoSeeder.DepotCode)
            ?? throw new InvalidOperationException("The demo depot is missing; the simulation needs --demo.");
        var zone = Zones.Find(depot.TimeZone);
        var nowLocal = Zones.ToLocal(time.GetUtcNow(), zone);
        var today = Zones.Today(time.GetUtcNow(), zone);
        var versionId = await PublishedVersionAsync(depot.Id, today, ct) ?? await PlanTodayAsync(depot, zone, nowLocal, today, ct);

        var couriers = new List<SimulatedCourier>();
        foreach (var courier in await fleet.ListCouriersAsync(depot.Id, ct))
        {
            var id = courier.Id.ToString(CultureInfo.InvariantCulture);
            if (await routes.GetCourierRouteAsync(id, today, ct) is { Stops.Count: > 0 } route)
            {
                var device = await fleet.IssueDeviceAsync(courier.Id, new IssueDeviceRequest("simulated tablet"), ct);
                couriers.Add(new SimulatedCourier(id, device.DeviceId.ToString(CultureInfo.InvariantCulture), device.Token, route));
            }
        }
        var address = LoopbackAddress();
        var shown = await db.ListAsync("""
            SELECT s.order_id FROM stops s JOIN routes r ON r.id = s.route_id
            WHERE r.plan_version_id = $1 ORDER BY r.id, s.sequence LIMIT 3
            """, r => r.GetInt64(0), ct, versionId);
        // Tokens are stored as hashes only: the links printed here are minted for it.
        var tokens = (await links.MintAsync(shown, ct)).Values;
        Console.WriteLine($"""

            Simulated delivery day {today:yyyy-MM-dd}: {couriers.Count} couriers drive plan version {versionId} through {address}{tracking.Value.CourierHubPath}
              (clock ×{options.Value.SimulationSpeed.ToString(CultureInfo.InvariantCulture)}; road paths, traffic, waits for windows, a fix every 5 s, lost connections, a dead tablet finished on paper)
              Customer views: {string.Join("  ", tokens.Select(t => $"{address}/t/{t}"))}
              Dispatcher live board: hub {address}{tracking.Value.LiveHubPath}, JoinDepot("{depot.Id}")
            """);
        LogSimulating(couriers.Count, today, versionId);
        // The day engine: road paths when the network is loaded, ground-truth traffic, couriers and tablets as they are,
        // all on the host's clock (accelerated by Demo:SimulationSpeed), so the figures of the day mean something.
        var day = new DaySimulationOptions { Seed = today.DayNumber, DeadTablets = couriers.Count > 2 ? 1 : 0 };
        IRoadPaths paths = roads.Road is { } road ? new NetworkRoadPaths(road.Network) : new StraightRoadPaths(1.3, 25);
        var traffic = GroundTruthTraffic.Generate(day.Seed, zone, today,
            couriers.SelectMany(c => c.Route.Stops).Select(s => Planner.Model.Location.FromLatLon(s.Latitude, s.Longitude)).ToList(), day.Incidents);
        var days = new CourierDayGenerator(paths, traffic, day).Generate(couriers);
        var result = await new DayFleet(new Uri(new Uri(address), tracking.Value.CourierHubPath), time, day).RunAsync(days, ct);
        await EnterPaperOutcomesAsync(days, ct);
        LogSimulated(result.PositionsAcked, result.EventsAcked, result.Reconnects);
    }

    /// <summary>The dead tablets' stops, entered from the paper manifests by stop code once the day is over.</summary>
    private async Task EnterPaperOutcomesAsync(IReadOnlyList<CourierDay> days, CancellationToken ct)
    {
        foreach (var d in days.Where(d => d.Stops.Any(s => s.OnPaper)))
        {
            var routeId = long.Parse(d.Courier.Route.RouteId, CultureInfo.InvariantCulture);
            var entries = d.Stops.Where(s => s.OnPaper).Select(s => new PaperOutcomeEntry(
                new StopCode(routeId, d.Courier.Route.PlanVersion, s.Sequence).Compact, s.Outcome, null,
                s.Outcome == "failed" ? "not home" : null, s.HandoverAt)).ToList();
            var recorded = (await paper.RecordAsync(entries, routeId, "demo simulation", null, ct)).Count(r => r.Recorded);
            LogPaper(recorded, routeId);
        }
    }

    private Task<long?> PublishedVersionAsync(long depotId, DateOnly date, CancellationToken ct) => db.ScalarAsync<long?>("""
        SELECT v.id FROM plan_versions v JOIN plans p ON p.id = v.plan_id
        WHERE p.depot_id = $1 AND p.plan_date = $2 AND v.status = 'published' LIMIT 1
        """, ct, depotId, date);

    /// <summary>Shifts from the next quarter hour, orders with windows from then on, a planning job, and its publication.</summary>
    private async Task<long> PlanTodayAsync(DepotResponse depot, TimeZoneInfo zone, DateTimeOffset nowLocal, DateOnly today, CancellationToken ct)
    {
        var startMinutes = Math.Min((int)Math.Ceiling(nowLocal.TimeOfDay.TotalMinutes / 15) * 15, 23 * 60);
        var start = TimeOnly.FromTimeSpan(TimeSpan.FromMinutes(startMinutes));
        var end = TimeSpan.FromMinutes(startMinutes) + ShiftLength >= TimeSpan.FromDays(1) ? new TimeOnly(23, 59) : start.Add(ShiftLength);
        var couriers = await fleet.ListCouriersAsync(depot.Id, ct);
        var vehicles = await fleet.ListVehiclesAsync(depot.Id, ct);
        for (var i = 0; i < couriers.Count; i++)
        {
            await fleet.PutShiftAsync(couriers[i].Id, today, new ShiftRequest(vehicles[i % vehicles.Count].Id, start, end, null, null, null), ct);
        }
        // Windows start on the hour slots the shift leaves room for (two-hour windows, an hour of driving after the last).
        var slots = Math.Clamp((int)(end - start).TotalHours - 2, 1, 7);
        var todays = DemoOrders.Generate(today, zone, options.Value.SimulationOrders, seed: today.DayNumber,
            prefix: $"SIM-{today:yyyyMMdd}-", firstWindowStart: start, windowSlots: slots);
        await orders.WriteAsync(depot.Id, todays, ct);
        var (job, _) = await jobs.EnqueueAsync(depot.Id, today, "plan", DemoSeeder.DemoUser, 10, ct);
        while (job.Status is "queued" or "running")
        {
            await Task.Delay(TimeSpan.FromSeconds(1), time, ct);
            job = await jobs.GetAsync(job.Id, ct);
        }
        var versionId = job.ResultVersionId
            ?? throw new InvalidOperationException($"Today's planning job {job.Id} ended {job.Status}: {job.Error}");
        await publisher.PublishAsync(versionId, ct);
        return versionId;
    }

    /// <summary>The host's own address, with a wildcard host replaced by loopback.</summary>
    private string LoopbackAddress()
    {
        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? "http://127.0.0.1:5080";
        var uri = new UriBuilder(address.Replace("://+", "://127.0.0.1", StringComparison.Ordinal).Replace("://*", "://127.0.0.1", StringComparison.Ordinal));
        if (uri.Host is "0.0.0.0" or "[::]" or "::" or "localhost")
        {
            uri.Host = "127.0.0.1";
        }
        return uri.Uri.GetLeftPart(UriPartial.Authority);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Simulating {Couriers} couriers on {Date}, plan version {VersionId}")]
    private partial void LogSimulating(int couriers, DateOnly date, long versionId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Simulated day over: {Positions} positions and {Events} events acknowledged, {Reconnects} reconnects")]
    private partial void LogSimulated(long positions, long events, int reconnects);

    [LoggerMessage(Level = LogLevel.Information, Message = "Entered {Count} paper outcomes of route {RouteId} (its tablet died)")]
    private partial void LogPaper(int count, long routeId);

    [LoggerMessage(Level = LogLevel.Error, Message = "The simulated demo day stopped")]
    private partial void LogFailed(Exception exception);
}
