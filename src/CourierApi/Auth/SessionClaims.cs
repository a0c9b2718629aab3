using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;

namespace Delivery.CourierApi.Auth;

/// <summary>
/// Runs after every cookie or bearer authentication: a principal whose session is no longer open (signed out, user
/// disabled, password reset) becomes anonymous, so the request is answered 401; an open one gets the user's current
/// role and depots (<see cref="DepotClaims"/>) from the database, so a change by an administrator applies at once.
/// Courier device principals pass unchanged.
/// </summary>
internal sealed class SessionClaims(SessionStore sessions, IHttpContextAccessor http) : IClaimsTransformation
{
    public const string SessionId = "delivery:sid";
    private const string Checked = "delivery:session_checked";

    public async Task<ClaimsPrincipal> TransformAsync(ClaimsPrincipal principal)
    {
        if (principal.Identity is not ClaimsIdentity { IsAuthenticated: true } identity
            || principal.HasClaim(c => c.Type == Checked)
            || principal.HasClaim(c => c.Type == CourierDeviceDefaults.CourierIdClaim))
        {
            return principal;
        }
        var ct = http.HttpContext?.RequestAborted ?? CancellationToken.None;
        var grant = identity.FindFirst(SessionId)?.Value is { Length: > 0 } sid
            && long.TryParse(identity.FindFirst(ClaimTypes.NameIdentifier)?.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var userId)
            ? await sessions.ReadAsync(sid, userId, ct)
            : null;
        if (grant is null)
        {
            return new ClaimsPrincipal(new ClaimsIdentity());
        }
        var current = new ClaimsIdentity(identity.Claims.Where(c => c.Type is not (ClaimTypes.Role or DepotClaims.Depot or DepotClaims.AllDepots)),
            identity.AuthenticationType, identity.NameClaimType, identity.RoleClaimType);
        current.AddClaim(new Claim(ClaimTypes.Role, grant.Role));
        current.AddClaim(new Claim(Checked, "true"));
        if (grant.AllDepots || grant.Role == Roles.Administrator)
        {
            current.AddClaim(new Claim(DepotClaims.AllDepots, "true"));
        }
        foreach (var depot in grant.DepotIds)
        {
            current.AddClaim(new Claim(DepotClaims.Depot, depot.ToString(CultureInfo.InvariantCulture)));
        }
        return new ClaimsPrincipal(current);
    }
}
