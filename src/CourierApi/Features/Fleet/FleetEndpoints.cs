using System.Globalization;
using System.Security.Claims;
using Delivery.Tracking.Hubs;
using Delivery.CourierApi.Auth;
using Delivery.CourierApi.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Delivery.CourierApi.Features.Fleet;

internal static class FleetEndpoints
{
    public static RouteGroupBuilder MapFleet(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1").WithTags("Fleet").RequireAuthorization(Policies.Staff);
        group.MapPost("/depots", CreateDepot).RequireAuthorization(Policies.Dispatcher).Validate<CreateDepotRequest>().WithSummary("Creates a depot.");
        group.MapGet("/depots", ListDepotsAsync).WithSummary("Lists the depots the caller works for.");
        group.MapGet("/depots/{depotId:long}", async (long depotId, FleetStore s, CancellationToken ct) => TypedResults.Ok(await s.GetDepotAsync(depotId, ct)))
            .WithName("GetDepot").WithSummary("One depot.");
        group.MapPost("/depots/{depotId:long}/vehicles", CreateVehicle).RequireAuthorization(Policies.Dispatcher).Validate<CreateVehicleRequest>()
            .WithSummary("Adds a vehicle to a depot.");
        group.MapGet("/depots/{depotId:long}/vehicles", async (long depotId, FleetStore s, CancellationToken ct) => TypedResults.Ok(await s.ListVehiclesAsync(depotId, ct)))
            .WithSummary("Lists a depot's vehicles.");
        group.MapPost("/depots/{depotId:long}/couriers", CreateCourier).RequireAuthorization(Policies.Dispatcher).Validate<CreateCourierRequest>()
            .WithSummary("Adds a courier to a depot.");
        group.MapGet("/depots/{depotId:long}/couriers", async (long depotId, FleetStore s, CancellationToken ct) => TypedResults.Ok(await s.ListCouriersAsync(depotId, ct)))
            .WithSummary("Lists a depot's couriers.");
        group.MapPut("/couriers/{courierId:long}/shifts/{date}", PutShift).RequireAuthorization(Policies.Dispatcher).Validate<ShiftRequest>()
            .WithSummary("Sets a courier's shift on a date (times local to the start depot).");
        group.MapGet("/depots/{depotId:long}/shifts", async (long depotId, DateOnly date, FleetStore s, CancellationToken ct) => TypedResults.Ok(await s.ListShiftsAsync(depotId, date, ct)))
            .WithSummary("Shifts starting at a depot on a date.");
        group.MapPost("/couriers/{courierId:long}/devices", IssueDevice).RequireAuthorization(Policies.Dispatcher).Validate<IssueDeviceRequest>()
            .WithSummary("Registers a courier's device and answers its token (shown once).");
        group.MapDelete("/devices/{deviceId:long}", RevokeDevice).RequireAuthorization(Policies.Dispatcher).WithSummary("Revokes a device token.");
        return group;
    }

    internal static async Task<Ok<List<DepotResponse>>> ListDepotsAsync(ClaimsPrincipal user, FleetStore store, CancellationToken ct)
    {
        var depots = DepotClaims.Of(user);
        return TypedResults.Ok((await store.ListDepotsAsync(ct)).Where(d => depots is null || depots.Contains(d.Id)).ToList());
    }

    /// <summary>The dispatcher who creates a depot works for it.</summary>
    internal static async Task<CreatedAtRoute<DepotResponse>> CreateDepot(CreateDepotRequest request, ClaimsPrincipal user, FleetStore store, UserStore users,
        CancellationToken ct)
    {
        var depot = await store.CreateDepotAsync(request, ct);
        if (!DepotClaims.HasAll(user) && long.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), CultureInfo.InvariantCulture, out var userId))
        {
            await users.AddDepotAsync(userId, depot.Id, ct);
        }
        return TypedResults.CreatedAtRoute(depot, "GetDepot", new { depotId = depot.Id });
    }

    internal static async Task<Created<VehicleResponse>> CreateVehicle(long depotId, CreateVehicleRequest request, FleetStore store, CancellationToken ct)
    {
        var vehicle = await store.CreateVehicleAsync(depotId, request, ct);
        return TypedResults.Created($"/api/v1/depots/{depotId}/vehicles", vehicle);
    }

    internal static async Task<Created<CourierResponse>> CreateCourier(long depotId, CreateCourierRequest request, FleetStore store, CancellationToken ct)
    {
        var courier = await store.CreateCourierAsync(depotId, request, ct);
        return TypedResults.Created($"/api/v1/depots/{depotId}/couriers", courier);
    }

    internal static async Task<Ok<ShiftResponse>> PutShift(long courierId, DateOnly date, ShiftRequest request, FleetStore store, TimeProvider time,
        CancellationToken ct)
    {
        InputRules.EnsurePlanDate(date, time);
        return TypedResults.Ok(await store.PutShiftAsync(courierId, date, request, ct));
    }

    internal static async Task<Created<DeviceTokenResponse>> IssueDevice(long courierId, IssueDeviceRequest request, FleetStore store, CancellationToken ct)
    {
        var device = await store.IssueDeviceAsync(courierId, request, ct);
        return TypedResults.Created($"/api/v1/devices/{device.DeviceId}", device);
    }

    internal static async Task<NoContent> RevokeDevice(long deviceId, FleetStore store, RouteChangeNotifier tablets, CancellationToken ct)
    {
        var courierId = await store.RevokeDeviceAsync(deviceId, ct);
        // An open hub connection was authorised at connect: tell the courier's tablets now, the revoked one signs out.
        await tablets.DeviceRevokedAsync(courierId.ToString(CultureInfo.InvariantCulture), deviceId.ToString(CultureInfo.InvariantCulture));
        return TypedResults.NoContent();
    }
}
