using Delivery.Tracking.Live;
using Delivery.Tracking.Routes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace Delivery.Tracking.Hubs;

/// <summary>
/// Live board and customer tracking. Dispatchers join a depot (policy <see cref="TrackingOptions.DispatcherPolicy"/>)
/// and receive every courier's position and alerts; customers join with their tracking token and receive only their
/// own stop's status and ETA, and the courier's position only while the courier is heading to them.
/// </summary>
[AllowAnonymous]
public sealed class LiveHub(
    IPublishedRouteSource routes, LiveQuery query, IAuthorizationService authorization, IOptions<TrackingOptions> options)
    : Hub<ILiveClient>
{
    /// <summary>Joins the dispatcher group of <paramref name="depotId"/>; returns the current positions.</summary>
    public async Task<DepotSnapshot> JoinDepot(string depotId)
    {
        if (string.IsNullOrWhiteSpace(depotId))
        {
            throw new HubException("depotId: required.");
        }
        var user = Context.User;
        if (user is null || !(await authorization.AuthorizeAsync(user, new DepotResource(depotId), options.Value.DispatcherPolicy).ConfigureAwait(false)).Succeeded)
        {
            throw new HubException("Only dispatchers of this depot may follow it.");
        }
        await Groups.AddToGroupAsync(Context.ConnectionId, LiveGroups.Depot(depotId)).ConfigureAwait(false);
        return await query.DepotAsync(depotId, Context.ConnectionAborted).ConfigureAwait(false);
    }

    /// <summary>Leaves the dispatcher group of <paramref name="depotId"/> (the live view closed or switched depot).</summary>
    public Task LeaveDepot(string depotId) =>
        string.IsNullOrWhiteSpace(depotId) ? Task.CompletedTask : Groups.RemoveFromGroupAsync(Context.ConnectionId, LiveGroups.Depot(depotId));

    /// <summary>Follows the order behind <paramref name="trackingToken"/>; returns the current view.</summary>
    public async Task<CustomerView> TrackOrder(string trackingToken)
    {
        var target = string.IsNullOrWhiteSpace(trackingToken) || trackingToken.Length > 200
            ? null
            : await routes.FindByTrackingTokenAsync(trackingToken, Context.ConnectionAborted).ConfigureAwait(false);
        var view = target is null ? null : await query.CustomerViewAsync(target, Context.ConnectionAborted).ConfigureAwait(false);
        if (target is null || view is null)
        {
            throw new HubException("Unknown tracking token.");
        }
        await Groups.AddToGroupAsync(Context.ConnectionId, LiveGroups.Stop(target.RouteId, target.StopId)).ConfigureAwait(false);
        return view;
    }
}
