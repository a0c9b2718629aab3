using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Delivery.Tracking.Tests.Support;

/// <summary>
/// Test authentication: token <c>courier:ID:DEVICE</c> gives claims courier_id and device_id; <c>dispatcher</c> gives
/// the dispatcher role; read from the bearer header or the SignalR <c>access_token</c> query.
/// </summary>
public sealed class TestAuthHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Test";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var token = Request.Query["access_token"].ToString();
        if (string.IsNullOrEmpty(token) && Request.Headers.Authorization.ToString() is { Length: > 7 } h && h.StartsWith("Bearer ", StringComparison.Ordinal))
        {
            token = h[7..];
        }
        var claims = new List<Claim>();
        var parts = token.Split(':');
        if (parts is ["courier", var courier, var device])
        {
            claims.Add(new Claim("courier_id", courier));
            claims.Add(new Claim("device_id", device));
        }
        else if (token == "dispatcher")
        {
            claims.Add(new Claim(ClaimTypes.Role, "dispatcher"));
        }
        else
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName)));
    }
}
