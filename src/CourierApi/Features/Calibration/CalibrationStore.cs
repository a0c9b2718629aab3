using System.Collections.Concurrent;
using System.Text.Json;
using Delivery.CourierApi.Data;
using Delivery.CourierApi.Hosting;
using Npgsql;

namespace Delivery.CourierApi.Features.Calibration;

/// <summary>A calibration version to store.</summary>
internal sealed record NewCalibration(
    long DepotId, string CreatedBy, string Trigger, DateOnly DataFrom, DateOnly DataTo, int Legs, int Stops,
    IReadOnlyList<CalibrationSpeedFactor> SpeedFactors, IReadOnlyList<CalibrationServiceFactor> ServiceFactors, double DepotServiceFactor,
    CalibrationError ErrorBefore, CalibrationError ErrorAfter);

/// <summary>
/// Calibration versions in PostgreSQL (<c>calibration_versions</c>): a new version becomes the depot's active one; an
/// older one can be made active again (rollback). The active version per depot is cached for a minute of the host's
/// clock (planning and every ETA read it), and dropped on this node at once when it changes.
/// </summary>
internal sealed class CalibrationStore(NpgsqlDataSource db, TimeProvider time)
{
    private static readonly TimeSpan CacheFor = TimeSpan.FromMinutes(1);
    private readonly ConcurrentDictionary<long, (DateTimeOffset At, CalibrationVersion? Version)> _active = new();

    private const string Columns = """
        SELECT id, depot_id, version, created_at, created_by, trigger, data_from, data_to, legs, stops,
               speed_factors::text, service_factors::text, depot_service_factor, error_before::text, error_after::text, active, activated_at
        FROM calibration_versions
        """;

    public async Task<IReadOnlyList<CalibrationVersion>> ListAsync(long depotId, CancellationToken ct)
    {
        await EnsureDepotAsync(depotId, ct);
        return await db.ListAsync(Columns + " WHERE depot_id = $1 ORDER BY version DESC", Read, ct, depotId);
    }

    public async Task<CalibrationVersion> GetAsync(long depotId, int version, CancellationToken ct) =>
        await db.FirstAsync(Columns + " WHERE depot_id = $1 AND version = $2", Read, ct, depotId, version)
        ?? throw new NotFoundException("Calibration version", version);

    /// <summary>The depot's active version, or null (free-flow speeds, planned service times).</summary>
    public async Task<CalibrationVersion?> ActiveAsync(long depotId, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        if (_active.TryGetValue(depotId, out var cached) && now - cached.At < CacheFor && now >= cached.At)
        {
            return cached.Version;
        }
        var active = await db.FirstAsync(Columns + " WHERE depot_id = $1 AND active", Read, ct, depotId);
        _active[depotId] = (now, active);
        return active;
    }

    /// <summary>Stores <paramref name="c"/> as the depot's next version and makes it active.</summary>
    public async Task<CalibrationVersion> AddAsync(NewCalibration c, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        // One writer per depot at a time: version numbers stay dense and one version stays active.
        await connection.ExecAsync("SELECT pg_advisory_xact_lock(hashtext('delivery.calibration.write'), $1::int)", ct, (int)(c.DepotId % int.MaxValue));
        var now = time.GetUtcNow();
        await connection.ExecAsync("UPDATE calibration_versions SET active = false WHERE depot_id = $1 AND active", ct, c.DepotId);
        var version = await connection.ScalarAsync<int>("""
            INSERT INTO calibration_versions (depot_id, version, created_at, created_by, trigger, data_from, data_to, legs, stops,
                speed_factors, service_factors, depot_service_factor, error_before, error_after, active, activated_at)
            VALUES ($1, (SELECT coalesce(max(version), 0) + 1 FROM calibration_versions WHERE depot_id = $1), $2, $3, $4, $5, $6, $7, $8,
                $9::jsonb, $10::jsonb, $11, $12::jsonb, $13::jsonb, true, $2)
            RETURNING version
            """, ct, c.DepotId, now, c.CreatedBy, c.Trigger, c.DataFrom, c.DataTo, c.Legs, c.Stops,
            Json(c.SpeedFactors), Json(c.ServiceFactors), c.DepotServiceFactor, Json(c.ErrorBefore), Json(c.ErrorAfter));
        await tx.CommitAsync(ct);
        _active.TryRemove(c.DepotId, out _);
        return await GetAsync(c.DepotId, version, ct);
    }

    /// <summary>Makes <paramref name="version"/> the depot's active one (a rollback when it is older).</summary>
    public async Task<CalibrationVersion> ActivateAsync(long depotId, int version, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        await connection.ExecAsync("SELECT pg_advisory_xact_lock(hashtext('delivery.calibration.write'), $1::int)", ct, (int)(depotId % int.MaxValue));
        if (await connection.ScalarAsync<long>("SELECT count(*) FROM calibration_versions WHERE depot_id = $1 AND version = $2", ct, depotId, version) == 0)
        {
            throw new NotFoundException("Calibration version", version);
        }
        await connection.ExecAsync("UPDATE calibration_versions SET active = false WHERE depot_id = $1 AND active AND version <> $2", ct, depotId, version);
        await connection.ExecAsync("UPDATE calibration_versions SET active = true, activated_at = $3 WHERE depot_id = $1 AND version = $2", ct,
            depotId, version, time.GetUtcNow());
        await tx.CommitAsync(ct);
        _active.TryRemove(depotId, out _);
        return await GetAsync(depotId, version, ct);
    }

    /// <summary>True when a nightly version of the depot already covers <paramref name="to"/> (another node ran it).</summary>
    public async Task<bool> HasNightlyAsync(long depotId, DateOnly to, CancellationToken ct) =>
        await db.ScalarAsync<long>("SELECT count(*) FROM calibration_versions WHERE depot_id = $1 AND trigger = 'nightly' AND data_to = $2", ct, depotId, to) > 0;

    private async Task EnsureDepotAsync(long depotId, CancellationToken ct)
    {
        if (await db.ScalarAsync<long>("SELECT count(*) FROM depots WHERE id = $1", ct, depotId) == 0)
        {
            throw new NotFoundException("Depot", depotId);
        }
    }

    private static string Json<T>(T value) => JsonSerializer.Serialize(value, JsonSerializerOptions.Web);

    private static T FromJson<T>(string json) => JsonSerializer.Deserialize<T>(json, JsonSerializerOptions.Web)!;

    private static CalibrationVersion Read(NpgsqlDataReader r) => new(
        r.GetInt64(0), r.GetInt64(1), r.GetInt32(2), r.Get<DateTimeOffset>(3), r.GetString(4), r.GetString(5), r.Get<DateOnly>(6), r.Get<DateOnly>(7),
        r.GetInt32(8), r.GetInt32(9), FromJson<List<CalibrationSpeedFactor>>(r.GetString(10)), FromJson<List<CalibrationServiceFactor>>(r.GetString(11)),
        r.GetDouble(12), FromJson<CalibrationError>(r.GetString(13)), FromJson<CalibrationError>(r.GetString(14)), r.GetBoolean(15), r.Opt<DateTimeOffset>(16));
}
