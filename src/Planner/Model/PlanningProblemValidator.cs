namespace Delivery.Planner.Model;

/// <summary>Input checks on a <see cref="PlanningProblem"/>: every error is reported with entity, id and field.</summary>
internal static class PlanningProblemValidator
{
    public static void ThrowIfInvalid(PlanningProblem p)
    {
        var errors = Check(p);
        if (errors.Count > 0)
        {
            throw new PlanningInputException(errors);
        }
    }

    public static List<InputError> Check(PlanningProblem p)
    {
        var errors = new List<InputError>();
        var depotIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var d in p.Depots)
        {
            if (!depotIds.Add(d.Id))
            {
                errors.Add(new("depot", d.Id, "id", "duplicate depot id"));
            }
            CheckLocation(p, errors, "depot", d.Id, d.Location);
        }
        var allSkills = new HashSet<string>(StringComparer.Ordinal);
        var vehicleIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var v in p.Vehicles)
        {
            if (!vehicleIds.Add(v.Id))
            {
                errors.Add(new("vehicle", v.Id, "id", "duplicate vehicle id"));
            }
            if (!depotIds.Contains(v.StartDepotId))
            {
                errors.Add(new("vehicle", v.Id, "startDepotId", $"unknown depot '{v.StartDepotId}'"));
            }
            if (!depotIds.Contains(v.EndDepotId))
            {
                errors.Add(new("vehicle", v.Id, "endDepotId", $"unknown depot '{v.EndDepotId}'"));
            }
            CheckLoad(errors, "vehicle", v.Id, "capacity", v.Capacity);
            if (v.MaxRouteSeconds is < 0)
            {
                errors.Add(new("vehicle", v.Id, "maxRouteSeconds", "must not be negative"));
            }
            if (v.FixedCost < 0)
            {
                errors.Add(new("vehicle", v.Id, "fixedCost", "must not be negative"));
            }
            if (v.Break is { } b && b.DurationSeconds < 0)
            {
                errors.Add(new("vehicle", v.Id, "break.durationSeconds", "must not be negative"));
            }
            allSkills.UnionWith(v.Skills);
        }
        var orderIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var o in p.Orders)
        {
            if (string.IsNullOrWhiteSpace(o.Id))
            {
                errors.Add(new("order", o.Id ?? "", "id", "must not be empty"));
            }
            else if (!orderIds.Add(o.Id))
            {
                errors.Add(new("order", o.Id, "id", "duplicate order id"));
            }
            CheckLocation(p, errors, "order", o.Id ?? "", o.Location);
            if (o.ServiceSeconds < 0)
            {
                errors.Add(new("order", o.Id ?? "", "serviceSeconds", "must not be negative"));
            }
            CheckLoad(errors, "order", o.Id ?? "", "demand", o.Demand);
            if (o.Priority is < 0 or > 10)
            {
                errors.Add(new("order", o.Id ?? "", "priority", "must be between 0 and 10"));
            }
            foreach (var s in o.RequiredSkills)
            {
                if (!allSkills.Contains(s))
                {
                    errors.Add(new("order", o.Id ?? "", "requiredSkills", $"unknown skill '{s}': no vehicle in the fleet has it"));
                }
            }
        }
        if (p.Matrix.Size != p.Depots.Count + p.Orders.Count)
        {
            errors.Add(new("problem", "", "matrix", $"matrix has {p.Matrix.Size} locations, expected {p.Depots.Count + p.Orders.Count} (depots then orders)"));
        }
        var locked = new HashSet<string>(StringComparer.Ordinal);
        foreach (var l in p.LockedRoutes)
        {
            if (!vehicleIds.Contains(l.VehicleId))
            {
                errors.Add(new("lock", l.VehicleId, "vehicleId", "unknown vehicle"));
            }
            foreach (var id in l.OrderIds)
            {
                if (!orderIds.Contains(id))
                {
                    errors.Add(new("lock", l.VehicleId, "orderIds", $"unknown order '{id}'"));
                }
                else if (!locked.Add(id))
                {
                    errors.Add(new("lock", l.VehicleId, "orderIds", $"order '{id}' is locked twice"));
                }
            }
        }
        foreach (var (orderId, vehicleId) in p.Pins)
        {
            if (!orderIds.Contains(orderId))
            {
                errors.Add(new("pin", orderId, "orderId", "unknown order"));
            }
            if (!vehicleIds.Contains(vehicleId))
            {
                errors.Add(new("pin", orderId, "vehicleId", $"unknown vehicle '{vehicleId}'"));
            }
        }
        return errors;
    }

    private static void CheckLocation(PlanningProblem p, List<InputError> errors, string entity, string id, Location l)
    {
        if (!double.IsFinite(l.X) || !double.IsFinite(l.Y))
        {
            errors.Add(new(entity, id, "location", "coordinates must be finite numbers"));
            return;
        }
        if (p.Coordinates == CoordinateSystem.Geographic)
        {
            if (l.Latitude is < -90 or > 90)
            {
                errors.Add(new(entity, id, "location.latitude", $"{l.Latitude} is out of range (-90..90)"));
            }
            if (l.Longitude is < -180 or > 180)
            {
                errors.Add(new(entity, id, "location.longitude", $"{l.Longitude} is out of range (-180..180)"));
            }
        }
    }

    private static void CheckLoad(List<InputError> errors, string entity, string id, string field, Load load)
    {
        for (var d = 0; d < Load.Dimensions; d++)
        {
            if (load.Get(d) < 0)
            {
                errors.Add(new(entity, id, $"{field}.{Load.DimensionNames[d]}", "must not be negative"));
            }
        }
    }
}
