using System.Text.Json;
using Delivery.CourierApi.Data;
using Npgsql;
using NpgsqlTypes;

namespace Delivery.CourierApi.Features.Orders;

/// <summary>Each shop's CSV column mapping (Delivery column → the shop's header), remembered at its last import.</summary>
internal sealed class ShopMappingStore(NpgsqlDataSource db, TimeProvider time)
{
    public async Task<Dictionary<string, string>?> FindAsync(string shopId, CancellationToken ct)
    {
        if (shopId.Length == 0)
        {
            return null;
        }
        await using var connection = await db.OpenConnectionAsync(ct);
        var json = await connection.ScalarAsync<string?>("SELECT mapping::text FROM shop_column_mappings WHERE shop_id = $1", ct, shopId);
        return json is null ? null : JsonSerializer.Deserialize<Dictionary<string, string>>(json);
    }

    public async Task RememberAsync(string shopId, IReadOnlyDictionary<string, string> mapping, string user, CancellationToken ct)
    {
        if (shopId.Length == 0 || mapping.Count == 0)
        {
            return;
        }
        await using var connection = await db.OpenConnectionAsync(ct);
        await connection.ExecAsync("""
            INSERT INTO shop_column_mappings (shop_id, mapping, updated_at, updated_by) VALUES ($1, $2, $3, $4)
            ON CONFLICT (shop_id) DO UPDATE SET mapping = excluded.mapping, updated_at = excluded.updated_at, updated_by = excluded.updated_by
            """, ct, shopId, new NpgsqlParameter { Value = JsonSerializer.Serialize(mapping), NpgsqlDbType = NpgsqlDbType.Jsonb }, time.GetUtcNow(), user);
    }
}
