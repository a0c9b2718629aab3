using System.Globalization;
using Delivery.CourierApi.Features.Fleet;
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

    /// <summary>Simulated seconds per real second: 1 drives in real time, 10 ten times faster (ETAs see the pace).</summary>
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
/// with the <see cref="FleetSimulator"/> through this host's own courier hub, so positions, ETAs and alerts flow
/// through the real pipeline to the live hub and the customers' tracking view.
/// </summary>
internal sealed partial class DemoSimulation(
    FleetStore fleet, OrderWriter orders, PlanningJobStore jobs, PlanPublisher publisher, IPublishedRouteSource routes, NpgsqlDataSource db,
    TimeProvider time, IServer server, IHostApplicationLifetime lifetime, IOptions<TrackingOptions> tracking,
    IOptions<DemoSimulationOptions> options, ILogger<DemoSimulation> log) : BackgroundService
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
        var depot = (await fleet.ListDepotsAsync()).FirstOrDefault(d => d.Code == DemoSeeder.DepotCode)
            ?? throw new InvalidOperationException("The demo depot is missing; the simulation needs --demo.");
        var zone = Zones.Find(depot.TimeZone);
        var nowLocal = Zones.ToLocal(time.GetUtcNow(), zone);
        var today = DateOnly.FromDateTime(nowLocal.DateTime);
        var versionId = await PublishedVersionAsync(depot.Id, today) ?? await PlanTodayAsync(depot, zone, nowLocal, today, ct);

        var couriers = new List<SimulatedCourier>();
        foreach (var courier in await fleet.ListCouriersAsync(depot.Id))
        {
            var id = courier.Id.ToString(CultureInfo.InvariantCulture);
            if (await routes.GetCourierRouteAsync(id, today, ct) is { Stops.Count: > 0 } route)
            {
                var device = await fleet.IssueDeviceAsync(courier.Id, new IssueDeviceRequest("simulated tablet"));
                couriers.Add(new SimulatedCourier(id, device.DeviceId.ToString(CultureInfo.InvariantCulture), device.Token, route));
            }
        }
        var address = LoopbackAddress();
        var tokens = await db.ListAsync("""
            SELECT o.tracking_token FROM stops s JOIN routes r ON r.id = s.route_id JOIN orders o ON o.id = s.order_id
            WHERE r.plan_version_id = $1 ORDER BY r.id, s.sequence LIMIT 3
            """, r => r.GetString(0), versionId);
        Console.WriteLine($"""

            Simulated delivery day {today:yyyy-MM-dd}: {couriers.Count} couriers drive plan version {versionId} through {address}{tracking.Value.CourierHubPath}
              (speed ×{options.Value.SimulationSpeed.ToString(CultureInfo.InvariantCulture)}; a fix every 5 s; dropped connections and offline backlogs included)
              Customer views: {string.Join("  ", tokens.Select(t => $"{address}/t/{t}"))}
              Dispatcher live board: hub {address}{tracking.Value.LiveHubPath}, JoinDepot("{depot.Id}")
            """);
        LogSimulating(couriers.Count, today, versionId);
        var simulator = new FleetSimulator(new Uri(new Uri(address), tracking.Value.CourierHubPath), new FleetSimulatorOptions
        {
            SpeedKmh = 25,
            FixIntervalSeconds = Math.Max(1, (int)Math.Round(5 * options.Value.SimulationSpeed)),
            FixesPerBatch = 1,
            SendInterval = TimeSpan.FromSeconds(5),
            DropProbability = 0.005,
            OfflineBatches = 6,
            Seed = today.DayNumber,
        }, time);
        var result = await simulator.RunAsync(couriers, TimeSpan.FromHours(24), ct);
        LogSimulated(result.PositionsAcked, result.EventsAcked, result.Reconnects);
    }

    private Task<long?> PublishedVersionAsync(long depotId, DateOnly date) => db.ScalarAsync<long?>("""
        SELECT v.id FROM plan_versions v JOIN plans p ON p.id = v.plan_id
        WHERE p.depot_id = $1 AND p.plan_date = $2 AND v.status = 'published' LIMIT 1
        """, depotId, date);

    /// <summary>Shifts from the next quarter hour, orders with windows from then on, a planning job, and its publication.</summary>
    private async Task<long> PlanTodayAsync(DepotResponse depot, TimeZoneInfo zone, DateTimeOffset nowLocal, DateOnly today, CancellationToken ct)
    {
        var startMinutes = Math.Min((int)Math.Ceiling(nowLocal.TimeOfDay.TotalMinutes / 15) * 15, 23 * 60);
        var start = TimeOnly.FromTimeSpan(TimeSpan.FromMinutes(startMinutes));
        var end = TimeSpan.FromMinutes(startMinutes) + ShiftLength >= TimeSpan.FromDays(1) ? new TimeOnly(23, 59) : start.Add(ShiftLength);
        var couriers = await fleet.ListCouriersAsync(depot.Id);
        var vehicles = await fleet.ListVehiclesAsync(depot.Id);
        for (var i = 0; i < couriers.Count; i++)
        {
            await fleet.PutShiftAsync(couriers[i].Id, today, new ShiftRequest(vehicles[i % vehicles.Count].Id, start, end, null, null, null));
        }
        // Windows start on the hour slots the shift leaves room for (two-hour windows, an hour of driving after the last).
        var slots = Math.Clamp((int)(end - start).TotalHours - 2, 1, 7);
        var todays = DemoOrders.Generate(today, zone, options.Value.SimulationOrders, seed: today.DayNumber,
            prefix: $"SIM-{today:yyyyMMdd}-", firstWindowStart: start, windowSlots: slots);
        await orders.WriteAsync(depot.Id, todays, ct);
        var (job, _) = await jobs.EnqueueAsync(depot.Id, today, "plan", DemoSeeder.DemoUser, 10);
        while (job.Status is "queued" or "running")
        {
            await Task.Delay(TimeSpan.FromSeconds(1), time, ct);
            job = await jobs.GetAsync(job.Id);
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

    [LoggerMessage(Level = LogLevel.Error, Message = "The simulated demo day stopped")]
    private partial void LogFailed(Exception exception);
}
