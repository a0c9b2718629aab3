using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Delivery.CourierApi.Auth;
using Delivery.CourierApi.Data;
using Delivery.CourierApi.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Delivery.CourierApi.Features.Calibration;

/// <summary>The nightly calibration duty (<c>Calibration</c> section).</summary>
internal sealed class CalibrationOptions
{
    public const string Section = "Calibration";

    /// <summary>Learn a new version for every depot each night (after <see cref="NightlyAt"/>, depot-local).</summary>
    public bool Nightly { get; set; }

    /// <summary>Depot-local time of day after which the night's calibration runs.</summary>
    public TimeOnly NightlyAt { get; set; } = new(2, 30);

    /// <summary>Plan dates of data a calibration learns from, ending yesterday (nightly) or on the requested date.</summary>
    [Range(1, 92)]
    public int Days { get; set; } = 14;

    /// <summary>How often the nightly duty looks whether a depot's night has come (host clock).</summary>
    [Range(1, 3600)]
    public int CheckSeconds { get; set; } = 300;
}

/// <summary>
/// What the analyst inspects and the dispatcher uses: a depot's calibration versions (factors, the data behind them,
/// error before and after), a new one learned on demand, and activation of an older one (rollback).
/// </summary>
internal static class CalibrationEndpoints
{
    public static WebApplicationBuilder AddCalibration(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<CalibrationStore>();
        builder.Services.AddSingleton<CalibrationJob>();
        builder.Services.AddOptions<CalibrationOptions>().BindConfiguration(CalibrationOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        if (builder.Configuration.GetValue("Calibration:Nightly", false))
        {
            builder.Services.AddHostedService<NightlyCalibration>();
        }
        return builder;
    }

    public static RouteGroupBuilder MapCalibration(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/depots/{depotId:long}/calibrations").WithTags("Calibration").RequireAuthorization(Policies.Staff);
        group.MapGet("/", ListAsync).WithName("ListCalibrations").ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("The depot's calibration versions, newest first: factors, the data behind them, error before and after, which is active.");
        group.MapGet("/{version:int}", GetAsync).WithName("GetCalibration").ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("One calibration version.");
        group.MapPost("/", RunAsync).WithName("RunCalibration").ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Learns a new version from the tracks of the published routes of plan dates from–to (default: the last Calibration:Days days to yesterday) and makes it active.");
        group.MapPost("/{version:int}/activate", ActivateAsync).WithName("ActivateCalibration").ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Makes the version active: the next plans and the ETAs use it (a rollback when it is older).");
        return group;
    }

    internal static async Task<Ok<IReadOnlyList<CalibrationVersion>>> ListAsync(long depotId, CalibrationStore store, CancellationToken ct) =>
        TypedResults.Ok(await store.ListAsync(depotId, ct));

    internal static async Task<Ok<CalibrationVersion>> GetAsync(long depotId, int version, CalibrationStore store, CancellationToken ct) =>
        TypedResults.Ok(await store.GetAsync(depotId, version, ct));

    internal static async Task<Created<CalibrationVersion>> RunAsync(long depotId, DateOnly? from, DateOnly? to, ClaimsPrincipal user, CalibrationJob job,
        NpgsqlDataSource db, TimeProvider time, IOptions<CalibrationOptions> options, CancellationToken ct)
    {
        var zone = await db.FirstAsync("SELECT time_zone FROM depots WHERE id = $1", r => r.GetString(0), ct, depotId)
            ?? throw new NotFoundException("Depot", depotId);
        var last = to ?? Zones.Today(time.GetUtcNow(), Zones.Find(zone)).AddDays(-1);
        var first = from ?? last.AddDays(1 - options.Value.Days);
        var created = await job.RunAsync(depotId, first, last, "on_demand", user.Identity?.Name ?? "?", ct);
        return TypedResults.Created($"/api/v1/depots/{depotId}/calibrations/{created.Version}", created);
    }

    internal static async Task<Ok<CalibrationVersion>> ActivateAsync(long depotId, int version, CalibrationStore store, CancellationToken ct) =>
        TypedResults.Ok(await store.ActivateAsync(depotId, version, ct));
}

/// <summary>
/// The nightly duty: after <see cref="CalibrationOptions.NightlyAt"/> (depot-local) each depot gets a version learned
/// from the last days up to yesterday. With several nodes it runs once per depot and night: a node takes a transaction
/// advisory lock for the depot and date, and skips a depot whose night's version exists.
/// </summary>
internal sealed partial class NightlyCalibration(
    NpgsqlDataSource db, CalibrationJob job, CalibrationStore store, TimeProvider time, IOptions<CalibrationOptions> options, ILogger<NightlyCalibration> log)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunDueAsync(stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                LogFailed(e);
            }
            await Task.Delay(TimeSpan.FromSeconds(options.Value.CheckSeconds), time, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    /// <summary>Runs the night's calibration of every depot whose night has come and that has none yet.</summary>
    internal async Task RunDueAsync(CancellationToken ct)
    {
        var o = options.Value;
        var depots = await db.ListAsync("SELECT id, time_zone FROM depots ORDER BY id", r => (Id: r.GetInt64(0), Zone: r.GetString(1)), ct);
        foreach (var (id, zoneId) in depots)
        {
            var zone = Zones.Find(zoneId);
            var local = Zones.ToLocal(time.GetUtcNow(), zone);
            if (TimeOnly.FromDateTime(local.DateTime) < o.NightlyAt)
            {
                continue;
            }
            var yesterday = DateOnly.FromDateTime(local.DateTime).AddDays(-1);
            await using var connection = await db.OpenConnectionAsync(ct);
            await using var tx = await connection.BeginTransactionAsync(ct);
            var locked = await connection.ScalarAsync<bool>("SELECT pg_try_advisory_xact_lock(hashtext('delivery.calibration.nightly'), $1::int)", ct,
                (int)((id * 40_000 + yesterday.DayNumber) % int.MaxValue));
            if (!locked || await store.HasNightlyAsync(id, yesterday, ct))
            {
                continue; // another node runs or ran it
            }
            try
            {
                var created = await job.RunAsync(id, yesterday.AddDays(1 - o.Days), yesterday, "nightly", "nightly", ct);
                LogCalibrated(id, created.Version, created.Legs, created.Stops);
            }
            catch (ConflictException)
            {
                // no road network yet: the next check tries again
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Nightly calibration of depot {DepotId}: version {Version} from {Legs} legs and {Stops} stops")]
    private partial void LogCalibrated(long depotId, int version, int legs, int stops);

    [LoggerMessage(Level = LogLevel.Error, Message = "Nightly calibration failed")]
    private partial void LogFailed(Exception e);
}
