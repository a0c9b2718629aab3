namespace Delivery.CourierApi.Features.Orders;

/// <summary>A checked order ready to be written (from JSON or a CSV row).</summary>
internal sealed record NewOrder(
    string ShopId,
    string ShopOrderId,
    DateOnly PlanDate,
    double Latitude,
    double Longitude,
    string Address,
    string CustomerName,
    string? CustomerPhone,
    string? DeliveryNotes,
    IReadOnlyList<(DateTimeOffset Start, DateTimeOffset End)> Windows,
    int ServiceSeconds,
    long WeightGrams,
    long VolumeCm3,
    long Parcels,
    string[] RequiredSkills,
    int Priority,
    IReadOnlyList<OrderItemDto> Items)
{
    public static NewOrder From(CreateOrderRequest r, int defaultServiceSeconds) => new(
        r.ShopId ?? "", r.ShopOrderId, r.PlanDate, r.Latitude, r.Longitude, r.Address, r.CustomerName, r.CustomerPhone, r.DeliveryNotes,
        (r.Windows ?? []).Select(w => (w.Start.ToUniversalTime(), w.End.ToUniversalTime())).ToList(),
        r.ServiceSeconds ?? defaultServiceSeconds,
        r.Demand?.WeightGrams ?? 0, r.Demand?.VolumeCm3 ?? 0,
        r.Demand?.Items ?? Math.Max(1, (r.Items ?? []).Sum(i => (long)i.Quantity)),
        (r.RequiredSkills ?? []).ToArray(), r.Priority, r.Items ?? []);
}
