using Delivery.CourierApi.Auth;
using Microsoft.AspNetCore.Authorization;
using Delivery.Tracking.Hubs;
using Microsoft.AspNetCore.SignalR;

namespace Delivery.CourierApi.Features.Plans;

/// <summary>A planning job's state, pushed to the dispatchers watching its depot.</summary>
public sealed record JobUpdate(long JobId, long DepotId, DateOnly Date, string Status, JobProgress? Progress, long? ResultVersionId);

/// <summary>
/// Minimal dispatcher hub for planning progress: a client calls <c>WatchDepot(depotId)</c> and then receives
/// <c>jobUpdate</c> messages. (The live tracking hub is a separate hub in Delivery.Tracking.)
/// </summary>
[Authorize(Policy = Policies.Staff)]
internal sealed class PlanningHub(IAuthorizationService authorization) : Hub
{
    public const string Path = "/hubs/planning";
    public const string UpdateMethod = "jobUpdate";

    public static string Group(long depotId) => "depot:" + depotId.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Follows the planning jobs of a depot the caller works for.</summary>
    public async Task WatchDepot(long depotId)
    {
        var resource = new DepotResource(depotId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (Context.User is not { } user || !(await authorization.AuthorizeAsync(user, resource, Policies.Staff)).Succeeded)
        {
            throw new HubException($"You do not work for depot {resource.DepotId}.");
        }
        await Groups.AddToGroupAsync(Context.ConnectionId, Group(depotId));
    }

    public Task UnwatchDepot(long depotId) => Groups.RemoveFromGroupAsync(Context.ConnectionId, Group(depotId));
}
