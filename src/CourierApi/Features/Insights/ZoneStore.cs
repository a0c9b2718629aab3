using System.Globalization;
using System.Text.Json;
using Delivery.CourierApi.Data;
using Delivery.CourierApi.Hosting;
using Npgsql;

namespace Delivery.CourierApi.Features.Insights;

/// <summary>A depot's delivery zone: name and area as a GeoJSON geometry (Polygon or MultiPolygon, WGS 84).</summary>
public sealed record ZoneDto(long Id, string Name, JsonElement Geometry);

/// <summary>What an import did: zones stored (replacing the depot's earlier ones).</summary>
public sealed record ZoneImportReport(int Imported, IReadOnlyList<ZoneDto> Zones);

/// <summary>
/// Delivery zones per depot in PostGIS. An import replaces the depot's zones with a GeoJSON FeatureCollection of
/// Polygon/MultiPolygon features named by <c>properties.name</c>; PostGIS parses and checks every geometry
/// (<c>ST_GeomFromGeoJSON</c>, <c>ST_IsValid</c>), and a bad feature answers a problem naming <c>features[i]…</c>.
/// </summary>
internal sealed class ZoneStore(NpgsqlDataSource db, TimeProvider time)
{
    /// <summary>At most this many zones per depot.</summary>
    public const int MaxZones = 500;

    public async Task<List<ZoneDto>> ListAsync(long depotId, CancellationToken ct) =>
        await db.ListAsync("SELECT id, name, ST_AsGeoJSON(area, 7) FROM zones WHERE depot_id = $1 ORDER BY name",
            r => new ZoneDto(r.GetInt64(0), r.GetString(1), JsonDocument.Parse(r.GetString(2)).RootElement.Clone()), ct, depotId);

    /// <exception cref="FieldException">The document is no FeatureCollection, a feature has no name, or its geometry is no valid polygon.</exception>
    public async Task<ZoneImportReport> ImportAsync(long depotId, JsonElement collection, string user, CancellationToken ct)
    {
        var features = Features(collection);
        await using var connection = await db.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        await connection.ExecAsync("DELETE FROM zones WHERE depot_id = $1", ct, depotId);
        for (var i = 0; i < features.Count; i++)
        {
            var (name, geometry) = features[i];
            string? problem;
            try
            {
                problem = await connection.ScalarAsync<string?>("""
                SELECT CASE WHEN g IS NULL THEN 'is no GeoJSON geometry'
                            WHEN GeometryType(g) NOT IN ('POLYGON', 'MULTIPOLYGON') THEN 'must be a Polygon or MultiPolygon, not ' || GeometryType(g)
                            WHEN NOT ST_IsValid(g) THEN 'is not a valid polygon: ' || ST_IsValidReason(g)
                            WHEN NOT ST_Within(g, ST_MakeEnvelope(-180, -90, 180, 90, 4326)) THEN 'lies outside longitude/latitude bounds' END
                FROM (SELECT ST_SetSRID(ST_GeomFromGeoJSON($1), 4326) AS g) x
                """, ct, geometry).ConfigureAwait(false);
            }
            catch (PostgresException ex) when (ex.SqlState.StartsWith("XX", StringComparison.Ordinal) || ex.SqlState.StartsWith("22", StringComparison.Ordinal))
            {
                // PostGIS refuses GeoJSON it cannot parse with an internal error (XX000) naming the problem.
                throw new FieldException($"features[{i}].geometry", $"The geometry is no GeoJSON geometry: {ex.MessageText}");
            }
            if (problem is not null)
            {
                throw new FieldException($"features[{i}].geometry", $"The geometry {problem}.");
            }
            await connection.ExecAsync("""
                INSERT INTO zones (depot_id, name, area, created_at, created_by)
                VALUES ($1, $2, ST_Multi(ST_SetSRID(ST_GeomFromGeoJSON($3), 4326)), $4, $5)
                """, ct, depotId, name, geometry, time.GetUtcNow(), user);
        }
        await tx.CommitAsync(ct);
        return new ZoneImportReport(features.Count, await ListAsync(depotId, ct));
    }

    private static List<(string Name, string Geometry)> Features(JsonElement collection)
    {
        if (collection.ValueKind != JsonValueKind.Object || !collection.TryGetProperty("type", out var type) || type.GetString() != "FeatureCollection")
        {
            throw new FieldException("type", "The file must be a GeoJSON FeatureCollection.");
        }
        if (!collection.TryGetProperty("features", out var features) || features.ValueKind != JsonValueKind.Array)
        {
            throw new FieldException("features", "A FeatureCollection needs a features array.");
        }
        if (features.GetArrayLength() is 0 or > MaxZones)
        {
            throw new FieldException("features", $"Give 1 to {MaxZones.ToString(CultureInfo.InvariantCulture)} zones.");
        }
        var result = new List<(string, string)>();
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var i = 0;
        foreach (var feature in features.EnumerateArray())
        {
            var at = $"features[{i.ToString(CultureInfo.InvariantCulture)}]";
            var name = feature.ValueKind == JsonValueKind.Object && feature.TryGetProperty("properties", out var p) && p.ValueKind == JsonValueKind.Object
                && p.TryGetProperty("name", out var n) && n.ValueKind is JsonValueKind.String or JsonValueKind.Number
                    ? n.ToString().Trim() : "";
            if (name.Length is 0 or > 80)
            {
                throw new FieldException($"{at}.properties.name", "Every zone needs a name of 1 to 80 characters.");
            }
            if (!names.Add(name))
            {
                throw new FieldException($"{at}.properties.name", $"The name '{name}' is given twice.");
            }
            if (!feature.TryGetProperty("geometry", out var geometry) || geometry.ValueKind != JsonValueKind.Object)
            {
                throw new FieldException($"{at}.geometry", "Every zone needs a geometry.");
            }
            result.Add((name, geometry.GetRawText()));
            i++;
        }
        return result;
    }
}
