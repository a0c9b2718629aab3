using Delivery.Planner.Model;

namespace Delivery.CourierApi.Features.Plans;

/// <summary>A shift as the planner sees it: vehicle id in the problem is the shift id.</summary>
internal sealed record ShiftInfo(long ShiftId, long CourierId, string CourierName, long VehicleId, string VehicleCode, long StartDepotId, long EndDepotId,
    DateTimeOffset StartsAt, DateTimeOffset EndsAt)
{
    public string Key => ShiftId.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>What the API knows about an order beyond the planner's view.</summary>
internal sealed record OrderInfo(long Id, string ShopOrderId, string CustomerName, string Address, string? CustomerPhone)
{
    public string Key => Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>
/// A depot and date's planning input: the planner's problem (without matrix until built) plus the API's ids and names.
/// Times in the problem are seconds from <see cref="Epoch"/>, local midnight of the plan date in the depot's zone.
/// </summary>
internal sealed record PlanInput(
    long DepotId,
    DateOnly Date,
    TimeZoneInfo Zone,
    DateTimeOffset Epoch,
    IReadOnlyList<Depot> Depots,
    IReadOnlyList<Vehicle> Vehicles,
    IReadOnlyList<Order> Orders,
    IReadOnlyDictionary<string, ShiftInfo> Shifts,
    IReadOnlyDictionary<string, OrderInfo> OrderInfo,
    IReadOnlyDictionary<string, string> Pins)
{
    public IReadOnlyDictionary<string, Order> OrdersById { get; } = Orders.ToDictionary(o => o.Id);

    public IReadOnlyDictionary<string, Vehicle> VehiclesById { get; } = Vehicles.ToDictionary(v => v.Id);

    public IReadOnlyDictionary<string, Depot> DepotsById { get; } = Depots.ToDictionary(d => d.Id);

    public long Seconds(DateTimeOffset instant) => (long)Math.Round((instant - Epoch).TotalSeconds);

    public DateTimeOffset Instant(long seconds) => Epoch.AddSeconds(seconds);
}
