using Delivery.CourierApi.Auth;
using Delivery.CourierApi.Data;
using Delivery.CourierApi.Features.Pairing;
using Delivery.CourierApi.Hosting;
using Npgsql;

namespace Delivery.CourierApi.Features.Fleet;

/// <summary>Depots, vehicles, couriers, shifts and device tokens.</summary>
internal sealed class FleetStore(NpgsqlDataSource db, TimeProvider time, Microsoft.Extensions.Options.IOptions<AuthOptions> auth)
{
    private const string DepotColumns = "id, code, name, address, ST_Y(location), ST_X(location), time_zone";

    public async Task<DepotResponse> CreateDepotAsync(CreateDepotRequest r, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        try
        {
            return (await connection.FirstAsync($"""
                INSERT INTO depots (code, name, address, location, time_zone, created_at)
                VALUES ($1, $2, $3, ST_SetSRID(ST_MakePoint($4, $5), 4326), $6, $7) RETURNING {DepotColumns}
                """, ReadDepot, ct, r.Code, r.Name, r.Address ?? "", r.Longitude, r.Latitude, r.TimeZone, time.GetUtcNow()))!;
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            throw new FieldException("code", $"a depot with code '{r.Code}' already exists");
        }
    }

    public Task<List<DepotResponse>> ListDepotsAsync(CancellationToken ct) => db.ListAsync($"SELECT {DepotColumns} FROM depots ORDER BY id", ReadDepot, ct);

    public async Task<DepotResponse> GetDepotAsync(long id, CancellationToken ct) =>
        await db.FirstAsync($"SELECT {DepotColumns} FROM depots WHERE id = $1", ReadDepot, ct, id) ?? throw new NotFoundException("Depot", id);

    /// <summary>The depot's language (manifests print in it).</summary>
    public async Task<string> DepotLanguageAsync(long depotId, CancellationToken ct) =>
        await db.ScalarAsync<string?>("SELECT language FROM depots WHERE id = $1", ct, depotId) ?? throw new NotFoundException("Depot", depotId);

    public async Task SetDepotLanguageAsync(long depotId, string language, CancellationToken ct)
    {
        if (await db.ExecAsync("UPDATE depots SET language = $2 WHERE id = $1", ct, depotId, language) == 0)
        {
            throw new NotFoundException("Depot", depotId);
        }
    }

    public async Task<VehicleResponse> CreateVehicleAsync(long depotId, CreateVehicleRequest r, CancellationToken ct)
    {
        await GetDepotAsync(depotId, ct);
        try
        {
            return (await db.FirstAsync("""
                INSERT INTO vehicles (depot_id, code, capacity_weight_g, capacity_volume_cm3, capacity_items, skills)
                VALUES ($1, $2, $3, $4, $5, $6)
                RETURNING id, depot_id, code, capacity_weight_g, capacity_volume_cm3, capacity_items, skills
                """, ReadVehicle, ct, depotId, r.Code, r.Capacity.WeightGrams, r.Capacity.VolumeCm3, r.Capacity.Items, (r.Skills ?? []).ToArray()))!;
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            throw new FieldException("code", $"vehicle '{r.Code}' already exists at this depot");
        }
    }

    public Task<List<VehicleResponse>> ListVehiclesAsync(long depotId, CancellationToken ct) => db.ListAsync("""
        SELECT id, depot_id, code, capacity_weight_g, capacity_volume_cm3, capacity_items, skills FROM vehicles WHERE depot_id = $1 ORDER BY id
        """, ReadVehicle, ct, depotId);

    public async Task<CourierResponse> CreateCourierAsync(long depotId, CreateCourierRequest r, CancellationToken ct)
    {
        await GetDepotAsync(depotId, ct);
        return (await db.FirstAsync("""
            INSERT INTO couriers (depot_id, name, phone, skills, created_at) VALUES ($1, $2, $3, $4, $5)
            RETURNING id, depot_id, name, phone, skills, active
            """, ReadCourier, ct, depotId, r.Name, r.Phone, (r.Skills ?? []).ToArray(), time.GetUtcNow()))!;
    }

    public Task<List<CourierResponse>> ListCouriersAsync(long depotId, CancellationToken ct) =>
        db.ListAsync("SELECT id, depot_id, name, phone, skills, active FROM couriers WHERE depot_id = $1 ORDER BY id", ReadCourier, ct, depotId);

    public async Task<CourierResponse> GetCourierAsync(long id, CancellationToken ct) =>
        await db.FirstAsync("SELECT id, depot_id, name, phone, skills, active FROM couriers WHERE id = $1", ReadCourier, ct, id)
        ?? throw new NotFoundException("Courier", id);

    /// <summary>The IANA time zone of the courier's depot.</summary>
    public async Task<string> CourierTimeZoneAsync(long courierId, CancellationToken ct) =>
        await db.ScalarAsync<string?>("SELECT d.time_zone FROM couriers c JOIN depots d ON d.id = c.depot_id WHERE c.id = $1", ct, courierId)
        ?? throw new NotFoundException("Courier", courierId);

    public async Task<ShiftResponse> PutShiftAsync(long courierId, DateOnly date, ShiftRequest r, CancellationToken ct)
    {
        var courier = await GetCourierAsync(courierId, ct);
        var startDepot = await GetDepotAsync(r.StartDepotId ?? courier.DepotId, ct);
        var endDepot = r.EndDepotId is { } e ? await GetDepotAsync(e, ct) : startDepot;
        var vehicleDepot = await db.ScalarAsync<long?>("SELECT depot_id FROM vehicles WHERE id = $1", ct, r.VehicleId);
        if (vehicleDepot is null)
        {
            throw new FieldException("vehicleId", $"vehicle {r.VehicleId} does not exist");
        }
        var zone = Zones.Find(startDepot.TimeZone);
        DateTimeOffset? breakEarliest = r.Break is { } b ? Zones.ToUtc(date, b.Earliest, zone) : null;
        DateTimeOffset? breakLatest = r.Break is { } b2 ? Zones.ToUtc(date, b2.Latest, zone) : null;
        return (await db.FirstAsync($"""
            INSERT INTO courier_shifts (courier_id, vehicle_id, shift_date, starts_at, ends_at, start_depot_id, end_depot_id,
                break_earliest, break_latest, break_duration_s)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
            ON CONFLICT (courier_id, shift_date) DO UPDATE SET vehicle_id = EXCLUDED.vehicle_id, starts_at = EXCLUDED.starts_at,
                ends_at = EXCLUDED.ends_at, start_depot_id = EXCLUDED.start_depot_id, end_depot_id = EXCLUDED.end_depot_id,
                break_earliest = EXCLUDED.break_earliest, break_latest = EXCLUDED.break_latest, break_duration_s = EXCLUDED.break_duration_s
            RETURNING {ShiftColumns}
            """, ReadShift, ct, courierId, r.VehicleId, date, Zones.ToUtc(date, r.Start, zone), Zones.ToUtc(date, r.End, zone),
            startDepot.Id, endDepot.Id, breakEarliest, breakLatest, r.Break is { } b3 ? b3.DurationMinutes * 60 : (int?)null))!;
    }

    public const string ShiftColumns = """
        id, courier_id, vehicle_id, shift_date, starts_at, ends_at, start_depot_id, end_depot_id, break_earliest, break_latest, break_duration_s
        """;

    public Task<List<ShiftResponse>> ListShiftsAsync(long depotId, DateOnly date, CancellationToken ct) => db.ListAsync($"""
        SELECT {ShiftColumns} FROM courier_shifts WHERE start_depot_id = $1 AND shift_date = $2 ORDER BY courier_id
        """, ReadShift, ct, depotId, date);

    public async Task<DeviceTokenResponse> IssueDeviceAsync(long courierId, IssueDeviceRequest r, CancellationToken ct)
    {
        await GetCourierAsync(courierId, ct);
        var token = CourierDeviceHandler.NewToken();
        var now = time.GetUtcNow();
        DateTimeOffset? expires = auth.Value.DeviceTokenDays > 0 ? now.AddDays(auth.Value.DeviceTokenDays) : null;
        var id = await db.ScalarAsync<long>("""
            INSERT INTO courier_devices (courier_id, name, token_hash, issued_at, expires_at) VALUES ($1, $2, $3, $4, $5) RETURNING id
            """, ct, courierId, r.Name, CourierDeviceHandler.Hash(token), now,
            new NpgsqlParameter { Value = (object?)expires ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.TimestampTz });
        return new DeviceTokenResponse(id, courierId, token, expires);
    }

    /// <summary>A courier's devices, revoked ones included.</summary>
    public async Task<List<DeviceView>> ListDevicesAsync(long courierId, CancellationToken ct)
    {
        await GetCourierAsync(courierId, ct);
        return await db.ListAsync("""
            SELECT id, courier_id, name, issued_at, revoked_at, last_seen_at, expires_at FROM courier_devices WHERE courier_id = $1 ORDER BY id
            """, r => new DeviceView(r.GetInt64(0), r.GetInt64(1), r.GetString(2), r.Get<DateTimeOffset>(3), r.Opt<DateTimeOffset>(4), r.Opt<DateTimeOffset>(5),
                r.Opt<DateTimeOffset>(6)),
            ct, courierId);
    }

    /// <summary>Revokes a device token; returns the device's courier.</summary>
    public async Task<long> RevokeDeviceAsync(long deviceId, CancellationToken ct) =>
        await db.ScalarAsync<long?>("UPDATE courier_devices SET revoked_at = coalesce(revoked_at, $2) WHERE id = $1 RETURNING courier_id", ct, deviceId, time.GetUtcNow())
        ?? throw new NotFoundException("Device", deviceId);

    internal static DepotResponse ReadDepot(NpgsqlDataReader r) =>
        new(r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetDouble(4), r.GetDouble(5), r.GetString(6));

    private static VehicleResponse ReadVehicle(NpgsqlDataReader r) =>
        new(r.GetInt64(0), r.GetInt64(1), r.GetString(2), new LoadDto(r.GetInt64(3), r.GetInt64(4), r.GetInt64(5)), r.Get<string[]>(6));

    private static CourierResponse ReadCourier(NpgsqlDataReader r) =>
        new(r.GetInt64(0), r.GetInt64(1), r.GetString(2), r.OptString(3), r.Get<string[]>(4), r.GetBoolean(5));

    internal static ShiftResponse ReadShift(NpgsqlDataReader r) => new(
        r.GetInt64(0), r.GetInt64(1), r.GetInt64(2), r.Get<DateOnly>(3), r.Get<DateTimeOffset>(4), r.Get<DateTimeOffset>(5),
        r.GetInt64(6), r.GetInt64(7), r.Opt<DateTimeOffset>(8), r.Opt<DateTimeOffset>(9), r.Opt<int>(10));
}
