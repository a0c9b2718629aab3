using System.ComponentModel.DataAnnotations;
using System.Security.Cryptography;
using System.Text;
using Delivery.CourierApi.Data;
using Delivery.CourierApi.Features.Fleet;
using Delivery.CourierApi.Hosting;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Delivery.CourierApi.Features.Pairing;

/// <summary>Tablet pairing (section <c>Pairing</c>).</summary>
internal sealed class PairingOptions
{
    public const string Section = "Pairing";

    /// <summary>How long a pairing code works.</summary>
    [Range(1, 1440)]
    public int CodeMinutes { get; set; } = 10;

    /// <summary>Pairing attempts per minute from one address (the anonymous exchange is rate-limited).</summary>
    [Range(1, 10_000)]
    public int AttemptsPerMinute { get; set; } = 10;

    /// <summary>Base of the pairing URL in the QR code (the courier app's page); null: the host the dispatcher called.</summary>
    public string? PublicBaseUrl { get; set; }
}

/// <summary>
/// One-use pairing codes: 8 characters from an alphabet without look-alikes (no 0/O, 1/I/L), stored as a SHA-256 hash,
/// expiring after <see cref="PairingOptions.CodeMinutes"/>. A new code for a courier voids the courier's unused ones.
/// </summary>
internal sealed class PairingStore(NpgsqlDataSource db, FleetStore fleet, IOptions<PairingOptions> options, TimeProvider time)
{
    public const string Alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    public const int Length = 8;

    public async Task<(string Code, DateTimeOffset ExpiresAt)> CreateAsync(long courierId, string deviceName, string createdBy, CancellationToken ct)
    {
        await fleet.GetCourierAsync(courierId, ct);
        var code = RandomNumberGenerator.GetString(Alphabet, Length);
        var now = time.GetUtcNow();
        var expires = now.AddMinutes(options.Value.CodeMinutes);
        await using var connection = await db.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        await connection.ExecAsync("DELETE FROM pairing_codes WHERE courier_id = $1 AND used_at IS NULL", ct, courierId);
        await connection.ExecAsync("""
            INSERT INTO pairing_codes (courier_id, code_hash, device_name, created_at, created_by, expires_at) VALUES ($1, $2, $3, $4, $5, $6)
            """, ct, courierId, Hash(code), deviceName, now, createdBy, expires);
        await tx.CommitAsync(ct);
        return (code, expires);
    }

    /// <summary>Exchanges a code for a new device token of the code's courier; the code is spent at once.</summary>
    /// <exception cref="FieldException"><c>code</c> is unknown, expired or already used.</exception>
    public async Task<DeviceTokenResponse> PairAsync(string code, string? deviceName, CancellationToken ct)
    {
        var hash = Hash(Normalize(code));
        var now = time.GetUtcNow();
        await using var connection = await db.OpenConnectionAsync(ct);
        var spent = await connection.FirstAsync("""
            UPDATE pairing_codes SET used_at = $2 WHERE code_hash = $1 AND used_at IS NULL AND expires_at > $2
            RETURNING id, courier_id, device_name
            """, r => new Tuple<long, long, string>(r.GetInt64(0), r.GetInt64(1), r.GetString(2)), ct, hash, now);
        if (spent is null)
        {
            var known = await connection.FirstAsync("SELECT used_at IS NOT NULL, expires_at <= $2 FROM pairing_codes WHERE code_hash = $1",
                r => new Tuple<bool, bool>(r.GetBoolean(0), r.GetBoolean(1)), ct, hash, now);
            throw new FieldException("code", known switch
            {
                null => "unknown code: check it, or ask the dispatcher for a new one",
                { Item1: true } => "this code was already used; ask the dispatcher for a new one",
                _ => "this code has expired; ask the dispatcher for a new one",
            });
        }
        var device = await fleet.IssueDeviceAsync(spent.Item2, new IssueDeviceRequest(string.IsNullOrWhiteSpace(deviceName) ? spent.Item3 : deviceName.Trim()), ct);
        await connection.ExecAsync("UPDATE pairing_codes SET device_id = $2 WHERE id = $1", ct, spent.Item1, device.DeviceId);
        return device;
    }

    /// <summary>Upper case without spaces or dashes, as a courier may type <c>abcd-2345</c>.</summary>
    public static string Normalize(string code) =>
        new(code.Where(char.IsLetterOrDigit).Select(char.ToUpperInvariant).ToArray());

    private static byte[] Hash(string code) => SHA256.HashData(Encoding.UTF8.GetBytes("pairing:" + code));
}
