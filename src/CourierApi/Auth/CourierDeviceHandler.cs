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
/// WebSocket hubs, as the <c>access_token</c> query parameter. Only the token's SHA-256 is stored.
/// </summary>
internal sealed class CourierDeviceHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    NpgsqlDataSource db) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var token = ReadToken(Request);
        if (token is null)
        {
            return AuthenticateResult.NoResult();
        }
        await using var connection = await db.OpenConnectionAsync(Context.RequestAborted);
        var device = await connection.QuerySingleOrDefaultAsync<(long Id, long CourierId)?>(
            "SELECT id, courier_id FROM courier_devices WHERE token_hash = @hash AND revoked_at IS NULL",
            new { hash = Hash(token) });
        if (device is not { } d)
        {
            return AuthenticateResult.Fail("Unknown or revoked device token.");
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
