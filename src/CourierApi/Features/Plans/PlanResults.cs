using Delivery.Planner.Solving;

namespace Delivery.CourierApi.Features.Plans;

/// <summary>Conversions from the planner's result to stored routes, and the re-plan's "what moved" report.</summary>
internal static class PlanResults
{
    /// <summary>One draft per shift: the planner's route, or an empty route for a courier the plan does not use.</summary>
    public static List<RouteDraft> ToDrafts(PlanInput input, PlanResult result, IReadOnlySet<string> locked)
    {
        var byVehicle = result.Routes.ToDictionary(r => r.VehicleId);
        return input.Vehicles.Select(v => byVehicle.TryGetValue(v.Id, out var r)
                ? new RouteDraft(v.Id, locked.Contains(v.Id),
                    r.Stops.Select(s => new StopDraft(s.OrderId, s.ArrivalSeconds, s.ServiceStartSeconds, s.DepartureSeconds, s.WindowIndex, null)).ToList(),
                    r.StartSeconds, r.EndSeconds, r.DistanceMeters, r.TravelSeconds, [], r.Break)
                : new RouteDraft(v.Id, locked.Contains(v.Id), [], v.Shift.Start, v.Shift.Start, 0, 0, []))
            .ToList();
    }

    /// <summary>
    /// An unassigned reason's parameters for pages: the planner's seconds (<c>…At</c>, <c>windows</c>) as ISO instants
    /// (<c>windows</c>: <c>start/end</c> pairs separated by <c>;</c>), a vehicle id as its courier's name.
    /// </summary>
    public static Dictionary<string, string>? Args(PlanInput input, IReadOnlyDictionary<string, string>? args)
    {
        if (args is null)
        {
            return null;
        }
        string At(string seconds) => ViolationView.Iso(input.Instant(long.Parse(seconds, System.Globalization.CultureInfo.InvariantCulture)));
        return args.ToDictionary(a => a.Key == "vehicle" ? "courier" : a.Key, a => a.Key switch
        {
            "vehicle" => input.Shifts.TryGetValue(a.Value, out var s) ? s.CourierName : a.Value,
            "windows" => string.Join(";", a.Value.Split(';').Select(w => w.Split('/')).Select(w => At(w[0]) + "/" + At(w[1]))),
            _ when a.Key.EndsWith("At", StringComparison.Ordinal) => At(a.Value),
            _ => a.Value,
        });
    }

    /// <summary>Orders of the previous version whose courier changed (null = unassigned).</summary>
    public static List<MovedOrder> Moved(PlanInput input, StoredVersion previous, IReadOnlyList<RouteDraft> routes)
    {
        string? Courier(string shiftKey) => input.Shifts.TryGetValue(shiftKey, out var s) ? s.CourierName : null;
        var before = new Dictionary<string, string?>();
        foreach (var r in previous.Routes)
        {
            foreach (var o in r.OrderKeys)
            {
                before[o] = Courier(r.ShiftKey) ?? $"shift {r.ShiftKey}";
            }
        }
        foreach (var u in previous.Unassigned)
        {
            before[u.OrderKey] = null;
        }
        var after = routes.SelectMany(r => r.Stops.Select(s => (s.OrderKey, Courier: Courier(r.ShiftKey)))).ToDictionary(x => x.OrderKey, x => x.Courier);
        return before
            .Where(b => input.OrderInfo.ContainsKey(b.Key) && b.Value != after.GetValueOrDefault(b.Key))
            .Select(b => new MovedOrder(input.OrderInfo[b.Key].Id, input.OrderInfo[b.Key].ShopOrderId, b.Value, after.GetValueOrDefault(b.Key)))
            .OrderBy(m => m.OrderId)
            .ToList();
    }
}
