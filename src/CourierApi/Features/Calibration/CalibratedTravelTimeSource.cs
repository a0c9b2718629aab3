using System.Collections.Concurrent;
using System.Globalization;
using Delivery.CourierApi.Data;
using Delivery.CourierApi.Features.RoadNetwork;
using Delivery.CourierApi.Hosting;
using Delivery.Planner.Model;
using Delivery.Planner.Travel;
using Delivery.Planner.Travel.Road;
using Delivery.Tracking.Simulation;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Delivery.CourierApi.Features.Calibration;

/// <summary>
/// The host's travel times with a depot's active calibration: without a scope, or for a depot without a calibrated
/// band (or without the road network), the host's one matrix; otherwise one matrix per time slice (midnight and every
/// band edge), each on the road network with the calibration's speed factors of its band (<see cref="Planner.Travel.Road.RoadNetwork.WithSpeedFactors"/>).
/// The planner times each leg by its departure (<see cref="PlanningProblem.TimeDependent"/>) and the ETA engine does the same.
/// </summary>
internal sealed class CalibratedTravelTimeSource(
    ITravelTimeSource host, RoadNetworkState roads, CalibrationStore calibrations, NpgsqlDataSource db, IOptions<RoadTravelTimeOptions> matrixOptions)
    : ITimeDependentTravelTimeSource
{
    private readonly ConcurrentDictionary<(long Version, RoadTravelTimeSource Base), Lazy<Task<RoadTravelTimeSource>>> _sources = new();
    private readonly ConcurrentDictionary<long, TimeZoneInfo> _zones = new();

    public Task<TravelMatrix> GetMatrixAsync(IReadOnlyList<Location> locations, CancellationToken cancellationToken = default) =>
        host.GetMatrixAsync(locations, cancellationToken);

    public async Task<TimeSlicedMatrices> GetSlicedMatricesAsync(string scope, IReadOnlyList<Location> locations, CancellationToken cancellationToken = default)
    {
        var depotId = long.Parse(scope, NumberStyles.None, CultureInfo.InvariantCulture);
        var zone = await ZoneAsync(depotId, cancellationToken);
        var calibration = await calibrations.ActiveAsync(depotId, cancellationToken);
        var road = roads.Road;
        if (calibration is null || !calibration.HasTimeOfDayFactors || road is null)
        {
            return new TimeSlicedMatrices(zone, [new TimeSlice(TimeOnly.MinValue, await host.GetMatrixAsync(locations, cancellationToken))]);
        }
        var source = await _sources.GetOrAdd((calibration.Id, road), key => new Lazy<Task<RoadTravelTimeSource>>(() => CreateAsync(key.Base, calibration))).Value;
        var slices = new List<TimeSlice>();
        foreach (var from in SliceStarts(calibration))
        {
            slices.Add(new TimeSlice(from, (await source.GetRoadMatrixAsync(locations, from, cancellationToken)).Matrix));
        }
        return new TimeSlicedMatrices(zone, slices);
    }

    /// <summary>
    /// The calibration's view of the network with every slice's contraction hierarchy ready: read from the network's
    /// schema when another host stored it, else built and stored there (<see cref="Planner.Travel.Road.RoadNetwork.PrepareAsync"/>).
    /// </summary>
    private async Task<RoadTravelTimeSource> CreateAsync(RoadTravelTimeSource road, CalibrationVersion calibration)
    {
        var view = road.Network.WithSpeedFactors(SpeedFactors(calibration, road.Network));
        if (matrixOptions.Value.UseContractionHierarchy)
        {
            foreach (var from in SliceStarts(calibration))
            {
                await view.PrepareAsync(db, from, CancellationToken.None);
            }
        }
        return new RoadTravelTimeSource(view, matrixOptions.Value);
    }

    /// <summary>Makes the slices of every depot's active time-of-day calibration ready (at start, once the roads are loaded).</summary>
    public async Task WarmUpAsync(CancellationToken ct)
    {
        foreach (var depot in await db.ListAsync("SELECT depot_id::text FROM calibration_versions WHERE active", r => r.GetString(0), ct))
        {
            await GetSlicedMatricesAsync(depot, [], ct);
        }
    }

    /// <summary>Midnight and every edge of a calibrated band, in order.</summary>
    internal static IReadOnlyList<TimeOnly> SliceStarts(CalibrationVersion c) =>
        c.SpeedFactors.Where(f => f.Calibrated).SelectMany(f => new[] { f.From, f.To }).Append(TimeOnly.MinValue).Distinct().Order().ToList();

    /// <summary>The calibrated bands' factors for every road class of the network, by its group.</summary>
    internal static IReadOnlyList<SpeedFactor> SpeedFactors(CalibrationVersion c, Planner.Travel.Road.RoadNetwork network) =>
        c.SpeedFactors.Where(f => f.Calibrated && Math.Abs(f.Factor - 1) > 1e-9)
            .SelectMany(f => network.RoadClasses.Where(rc => GroundTruthTraffic.Group(rc) == f.Group).Select(rc => new SpeedFactor(rc, f.Factor, f.From, f.To)))
            .ToList();

    private async Task<TimeZoneInfo> ZoneAsync(long depotId, CancellationToken ct)
    {
        if (_zones.TryGetValue(depotId, out var zone))
        {
            return zone;
        }
        var id = await db.FirstAsync("SELECT time_zone FROM depots WHERE id = $1", r => r.GetString(0), ct, depotId) ?? "UTC";
        return _zones[depotId] = Zones.Find(id);
    }
}

/// <summary>At start, once the road network is loaded, prepares the active calibrations' time slices, so the first plan or ETA does not wait for them.</summary>
internal sealed partial class CalibrationWarmUp(CalibratedTravelTimeSource travel, RoadNetworkState roads, ILogger<CalibrationWarmUp> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await roads.Settled.WaitAsync(stoppingToken);
            if (roads.Road is not null)
            {
                await travel.WarmUpAsync(stoppingToken);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            // Only a head start: the first plan or ETA prepares the slices itself. Failing here must not stop the host.
            LogWarmUpFailed(e);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Preparing the calibrated time slices at start failed; the first plan will prepare them")]
    private partial void LogWarmUpFailed(Exception exception);
}
