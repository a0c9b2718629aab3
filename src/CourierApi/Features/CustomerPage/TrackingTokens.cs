using System.Security.Cryptography;
using System.Text;
using Delivery.CourierApi.Auth;
using Delivery.CourierApi.Data;
using Npgsql;

namespace Delivery.CourierApi.Features.CustomerPage;

/// <summary>
/// Customers' tracking tokens (table <c>tracking_links</c>): 128 random bits, of which only the SHA-256 is stored, so
/// the database (or a backup of it) cannot open anyone's tracking page. A token is minted where it is handed out — the
/// answer that creates an order, each notification that carries the link — and every link of an order stays valid
/// until the order's link expiry (<see cref="CustomerPageOptions.LinkValidDaysAfterDelivery"/>).
/// </summary>
internal sealed class TrackingTokens(NpgsqlDataSource db, TimeProvider time)
{
    public static byte[] Hash(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));

    /// <summary>A new link token for each of <paramref name="orderIds"/>, inside the caller's transaction.</summary>
    public async Task<IReadOnlyDictionary<long, string>> MintAsync(NpgsqlConnection connection, IReadOnlyList<long> orderIds, CancellationToken ct)
    {
        var tokens = orderIds.Distinct().ToDictionary(id => id, _ => CourierDeviceHandler.Base64Url(RandomNumberGenerator.GetBytes(16)));
        if (tokens.Count > 0)
        {
            await connection.ExecAsync("INSERT INTO tracking_links (token_hash, order_id, created_at) SELECT unnest($1::bytea[]), unnest($2::bigint[]), $3", ct,
                tokens.Values.Select(Hash).ToArray(), tokens.Keys.ToArray(), time.GetUtcNow());
        }
        return tokens;
    }

    /// <summary>A new link token for each of <paramref name="orderIds"/>.</summary>
    public async Task<IReadOnlyDictionary<long, string>> MintAsync(IReadOnlyList<long> orderIds, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        return await MintAsync(connection, orderIds, ct);
    }
}
