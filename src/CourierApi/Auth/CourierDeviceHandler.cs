using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Dapper;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Delivery.CourierApi.Auth;

/// <summary>
/// Authenticates a courier's device by its revocable token, sent as <c>Authorization: Bearer dev_…</c> or, for
/// WebSocket hubs, as the <c>access_token</c> query parameter. Only the token's SHA-256 is stored. A revoked or expired
/// token is refused; each use records the device's last-seen time (at most once a minute, so a tablet's requests do not
/// each write a row).
/// </summary>
internal sealed class CourierDeviceHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    NpgsqlDataSource db, TimeProvider time) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    private static readonly TimeSpan LastSeenResolution = TimeSpan.FromMinutes(1);

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var token = ReadToken(Request);
        if (token is null)
        {
            return AuthenticateResult.NoResult();
        }
        var now = time.GetUtcNow();
        await using var connection = await db.OpenConnectionAsync(Context.RequestAborted);
        var device = await connection.QuerySingleOrDefaultAsync<(long Id, long CourierId, DateTime? LastSeen)?>(
            "SELECT id, courier_id, last_seen_at FROM courier_devices WHERE token_hash = @hash AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > @now)",
            new { hash = Hash(token), now });
        if (device is not { } d)
        {
            return AuthenticateResult.Fail("Unknown, revoked or expired device token.");
        }
        if (d.LastSeen is not { } seen || now - new DateTimeOffset(seen, TimeSpan.Zero) >= LastSeenResolution)
        {
            await connection.ExecuteAsync("UPDATE courier_devices SET last_seen_at = @now WHERE id = @id", new { id = d.Id, now });
        }
        var identity = new ClaimsIdentity(
            [
                new Claim(CourierDeviceDefaults.CourierIdClaim, d.CourierId.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                new Claim(CourierDeviceDefaults.DeviceIdClaim, d.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                new Claim(ClaimTypes.Role, "courier"),
            ], Scheme.Name);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name));
    }

    /// <summary>The device token of a request, if it carries one.</summary>
    public static string? ReadToken(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        if (header.StartsWith("Bearer " + CourierDeviceDefaults.TokenPrefix, StringComparison.Ordinal))
        {
            return header["Bearer ".Length..].Trim();
        }
        var query = request.Query["access_token"].ToString();
        return query.StartsWith(CourierDeviceDefaults.TokenPrefix, StringComparison.Ordinal) ? query : null;
    }

    public static byte[] Hash(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));

    /// <summary>A new unguessable token (256 random bits).</summary>
    public static string NewToken() =>
        CourierDeviceDefaults.TokenPrefix + Base64Url(RandomNumberGenerator.GetBytes(32));

    public static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
