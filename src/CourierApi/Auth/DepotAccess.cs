using System.Globalization;
using System.Security.Claims;
using Delivery.CourierApi.Data;
using Delivery.Tracking.Hubs;
using Microsoft.AspNetCore.Authorization;
using Npgsql;

namespace Delivery.CourierApi.Auth;

/// <summary>
/// The caller must work for the depot of every object the request names. Part of the <see cref="Policies.Staff"/> and
/// <see cref="Policies.Dispatcher"/> policies, so every endpoint and hub that requires them is checked the same way.
/// </summary>
internal sealed class DepotAccessRequirement : IAuthorizationRequirement;

/// <summary>The depots of a signed-in user, as claims the session check adds to the principal on every request.</summary>
internal static class DepotClaims
{
    /// <summary>One claim per depot the user works for.</summary>
    public const string Depot = "delivery:depot";

    /// <summary>Present (value <c>true</c>) when the user works for every depot, including ones created later.</summary>
    public const string AllDepots = "delivery:all_depots";

    public static bool HasAll(ClaimsPrincipal user) =>
        user.IsInRole(Roles.Administrator) || user.HasClaim(AllDepots, "true");

    /// <summary>The depot ids <paramref name="user"/> works for; null when every depot.</summary>
    public static IReadOnlySet<long>? Of(ClaimsPrincipal user) => HasAll(user)
        ? null
        : user.FindAll(Depot).Select(c => long.Parse(c.Value, CultureInfo.InvariantCulture)).ToHashSet();

    public static bool CanAccess(ClaimsPrincipal user, long depotId) => Of(user) is not { } depots || depots.Contains(depotId);
}

/// <summary>
/// Resolves the depot of the objects a request names — by route value (<c>depotId</c>, <c>orderId</c>, <c>courierId</c>,
/// <c>deviceId</c>, <c>vehicleId</c>, <c>versionId</c>, <c>jobId</c>, <c>notificationId</c>, <c>routeId</c>) or <c>depotId</c> in the query —
/// or the <see cref="DepotResource"/> a hub method passes, and fails unless the user works for each. An id that names
/// nothing resolves to no depot: the endpoint answers its own 404.
/// </summary>
internal sealed class DepotAccessHandler(NpgsqlDataSource db) : AuthorizationHandler<DepotAccessRequirement>
{
    private static readonly (string Name, string Sql)[] Resolvers =
    [
        ("depotId", "SELECT id FROM depots WHERE id = $1"),
        ("orderId", "SELECT depot_id FROM orders WHERE id = $1"),
        ("courierId", "SELECT depot_id FROM couriers WHERE id = $1"),
        ("vehicleId", "SELECT depot_id FROM vehicles WHERE id = $1"),
        ("deviceId", "SELECT c.depot_id FROM courier_devices d JOIN couriers c ON c.id = d.courier_id WHERE d.id = $1"),
        ("versionId", "SELECT p.depot_id FROM plan_versions v JOIN plans p ON p.id = v.plan_id WHERE v.id = $1"),
        ("jobId", "SELECT depot_id FROM planning_jobs WHERE id = $1"),
        ("notificationId", "SELECT nullif(depot_id, '')::bigint FROM notification_outbox WHERE id = $1 AND depot_id ~ '^[0-9]+$'"),
        ("routeId", "SELECT p.depot_id FROM routes r JOIN plan_versions v ON v.id = r.plan_version_id JOIN plans p ON p.id = v.plan_id WHERE r.id = $1"),
    ];

    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, DepotAccessRequirement requirement)
    {
        if (DepotClaims.HasAll(context.User))
        {
            context.Succeed(requirement);
            return;
        }
        List<long> depots = [];
        if (context.Resource is HttpContext http)
        {
            depots = await DepotsOfRequestAsync(http);
        }
        else if (context.Resource is DepotResource hub)
        {
            // A depot id that is no number names no depot a user could work for.
            depots.Add(long.TryParse(hub.DepotId, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : long.MaxValue);
        }
        // Any other resource (a hub invocation) is checked by the hub method itself.
        var denied = depots.FirstOrDefault(d => !DepotClaims.CanAccess(context.User, d), -1);
        if (denied >= 0)
        {
            context.Fail(new AuthorizationFailureReason(this, $"You do not work for depot {denied.ToString(CultureInfo.InvariantCulture)}."));
            return;
        }
        context.Succeed(requirement);
    }

    private async Task<List<long>> DepotsOfRequestAsync(HttpContext http)
    {
        var found = new List<long>();
        var values = http.GetRouteData().Values;
        foreach (var (name, sql) in Resolvers)
        {
            var raw = values.TryGetValue(name, out var v) ? v?.ToString()
                : name == "depotId" ? http.Request.Query["depotId"].ToString() : null;
            if (long.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
                && await db.ScalarAsync<long?>(sql, http.RequestAborted, id) is { } depot)
            {
                found.Add(depot);
            }
        }
        return found;
    }
}
