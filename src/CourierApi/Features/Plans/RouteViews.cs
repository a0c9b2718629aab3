namespace Delivery.CourierApi.Features.Plans;

/// <summary>Builds the review shape of a freshly re-timed route from memory, so an edit answers without reading it back.</summary>
internal static class RouteViews
{
    public static RouteView From(PlanInput input, RouteDraft route, long routeId)
    {
        var shift = input.Shifts[route.ShiftKey];
        var vehicle = input.VehiclesById[route.ShiftKey];
        var (items, weight) = (0L, 0L);
        var stops = route.Stops.Select((s, i) =>
        {
            var order = input.OrdersById[s.OrderKey];
            var info = input.OrderInfo[s.OrderKey];
            items += order.Demand.Items;
            weight += order.Demand.WeightGrams;
            var window = s.WindowIndex >= 0 ? order.Windows[s.WindowIndex] : (Delivery.Planner.Model.TimeWindow?)null;
            return new StopView(i + 1, info.Id, info.ShopOrderId, info.CustomerName, info.Address, order.Location.Latitude, order.Location.Longitude,
                input.Instant(s.Arrival), input.Instant(s.ServiceStart), input.Instant(s.Departure),
                window is { } w ? input.Instant(w.Start) : null, window is { } w2 ? input.Instant(w2.End) : null,
                window is { } w3 ? Math.Round((w3.End - s.ServiceStart) / 60.0, 1) : null, items, weight, s.Violation, s.Codes);
        }).ToList();
        return new RouteView(routeId, shift.CourierId, shift.CourierName, shift.VehicleId, shift.VehicleCode, route.Locked,
            input.Instant(route.StartSeconds), input.Instant(route.EndSeconds), Math.Round(route.DistanceMeters / 1000.0, 2),
            Math.Round(route.TravelSeconds / 3600.0, 2), items, vehicle.Capacity.Items, stops,
            route.Break is { } b ? new BreakView(input.Instant(b.StartSeconds), input.Instant(b.StartSeconds + b.DurationSeconds), b.AfterStop) : null);
    }
}
