using System.Globalization;
using Delivery.CourierApi.Features.Plans;
using Delivery.CourierApi.Hosting;

namespace Delivery.CourierApi.Features.Routes;

/// <summary>A violating edit the dispatcher did not confirm.</summary>
internal sealed class EditViolationException(IReadOnlyList<string> violations, IReadOnlyList<ViolationView> codes)
    : DomainException("Edit breaks the plan", "The edit was not applied: " + string.Join("; ", violations) + ". Send it again with confirm=true to keep it anyway.",
        StatusCodes.Status409Conflict)
{
    public IReadOnlyList<string> Violations { get; } = violations;

    public override IReadOnlyDictionary<string, string[]> Errors { get; } = new Dictionary<string, string[]> { ["violations"] = [.. violations] };

    /// <summary>The same violations as codes with parameters (<c>violationCodes</c> in the problem), for pages to put in words.</summary>
    public override IReadOnlyDictionary<string, object>? Extensions { get; } = new Dictionary<string, object> { ["violationCodes"] = codes };
}

/// <summary>
/// Applies hand edits: changes the sequences, re-times only the routes touched (validator semantics), refuses violations
/// unless confirmed, and writes the change — in place on a draft, into a new version when the edited one is published.
/// </summary>
internal sealed class PlanEditor(PlanStore plans, PlanInputLoader loader, RouteTimer timer)
{
    public async Task<EditResult> ApplyAsync(long versionId, EditRequest edit, string user, CancellationToken ct)
    {
        var version = await plans.LoadAsync(versionId, ct, withUnassigned: false);
        var latest = await plans.LatestVersionIdAsync(version.DepotId, version.Date, ct);
        if (latest != versionId)
        {
            throw new ConflictException("Stale version", $"Version {version.Number} is not the newest version of this plan (id {latest}); edit the newest one.");
        }
        // Only the routes the edit touches are loaded and re-timed, so an edit costs the same on a 1,000-stop plan as on a small one.
        var involved = new HashSet<long> { edit.OrderId };
        if (edit.OtherOrderId is { } otherId)
        {
            involved.Add(otherId);
        }
        var keys = involved.Select(Key).ToHashSet();
        var relevant = version.Routes.Where(r => r.CourierId == edit.CourierId || r.OrderKeys.Any(keys.Contains))
            .SelectMany(r => r.OrderKeys).Select(k => long.Parse(k, CultureInfo.InvariantCulture)).Concat(involved).Distinct().ToArray();
        var input = await loader.LoadAsync(version.DepotId, version.Date, ct, relevant);
        var routes = version.Routes.ToDictionary(r => r.ShiftKey, r => r.OrderKeys.ToList());
        var locked = version.Routes.Where(r => r.Locked).Select(r => r.ShiftKey).ToHashSet();
        // Only changes to the unassigned list are written: what the edit takes off it and what it puts on it.
        var unassign = new List<UnassignedDraft>();
        var reassigned = new List<string>();
        var changed = new HashSet<string>();
        var order = Key(edit.OrderId);
        if (!input.OrderInfo.ContainsKey(order))
        {
            throw new FieldException("orderId", $"order {edit.OrderId} is not in this plan");
        }

        string? RouteOf(string o) => routes.FirstOrDefault(r => r.Value.Contains(o)).Key;
        void Touch(string shift)
        {
            if (locked.Contains(shift))
            {
                throw new ConflictException("Route locked", $"The route of {input.Shifts[shift].CourierName} is locked; unlock it before editing it.");
            }
            changed.Add(shift);
        }

        switch (edit.Kind)
        {
            case "move" or "assign":
            {
                var target = input.Shifts.Values.FirstOrDefault(s => s.CourierId == edit.CourierId)?.Key
                    ?? throw new FieldException("courierId", $"courier {edit.CourierId} has no shift on {version.Date:yyyy-MM-dd}");
                routes.TryAdd(target, []);
                if (RouteOf(order) is { } from)
                {
                    Touch(from);
                    routes[from].Remove(order);
                }
                else
                {
                    reassigned.Add(order);
                }
                Touch(target);
                var list = routes[target];
                list.Insert(Math.Clamp((edit.Position ?? list.Count + 1) - 1, 0, list.Count), order);
                break;
            }
            case "swap":
            {
                var other = Key(edit.OtherOrderId!.Value);
                var (ra, rb) = (RouteOf(order), RouteOf(other));
                if (ra is null || rb is null)
                {
                    throw new FieldException(ra is null ? "orderId" : "otherOrderId", "is not on a route of this version");
                }
                Touch(ra);
                Touch(rb);
                var (ia, ib) = (routes[ra].IndexOf(order), routes[rb].IndexOf(other));
                (routes[ra][ia], routes[rb][ib]) = (other, order);
                break;
            }
            default:
            {
                var from = RouteOf(order) ?? throw new FieldException("orderId", "is not on a route of this version");
                Touch(from);
                routes[from].Remove(order);
                unassign.Add(new UnassignedDraft(order, "Manual", $"taken off the route of {input.Shifts[from].CourierName} by {user}",
                    new Dictionary<string, string> { ["courier"] = input.Shifts[from].CourierName, ["user"] = user }));
                break;
            }
        }

        var drafts = new List<RouteDraft>();
        foreach (var shift in changed)
        {
            drafts.Add(await timer.RetimeAsync(input, shift, false, routes[shift], ct));
        }
        var violations = drafts.SelectMany(d => d.Violations.Select(v => Describe(input, d.ShiftKey, v))).ToList();
        var codes = drafts.SelectMany(d => d.Codes.Select(c => Context(input, d.ShiftKey, c))).ToList();
        if (violations.Count > 0 && !edit.Confirm)
        {
            throw new EditViolationException(violations, codes);
        }
        var newVersion = version.Status != "draft";
        var written = newVersion ? await plans.CopyAsync(version.Id, "edit", user, ct) : version.Id;
        var ids = await plans.ReplaceRoutesAsync(written, input, drafts, unassign, reassigned, ct);
        var number = newVersion ? await plans.NumberAsync(written, ct) : version.Number;
        return new EditResult(written, number, newVersion, drafts.Select(d => RouteViews.From(input, d, ids[d.ShiftKey])).ToList(), violations, codes);
    }

    private static string Describe(PlanInput input, string shift, string violation)
    {
        var courier = input.Shifts[shift].CourierName;
        foreach (var (key, info) in input.OrderInfo)
        {
            var prefix = $"order {key}:";
            if (violation.StartsWith(prefix, StringComparison.Ordinal))
            {
                return $"{courier}, order {info.ShopOrderId} ({info.CustomerName}):{violation[prefix.Length..]}";
            }
        }
        return $"{courier}: {violation}";
    }

    /// <summary>A code of the edit's list with its courier, and its order and customer when it belongs to a stop.</summary>
    private static ViolationView Context(PlanInput input, string shift, ViolationView code)
    {
        var args = code.Args.Where(a => a.Key != "orderKey").ToDictionary();
        args["courier"] = input.Shifts[shift].CourierName;
        if (code.Args.TryGetValue("orderKey", out var key) && input.OrderInfo.TryGetValue(key, out var info))
        {
            args["order"] = info.ShopOrderId;
            args["customer"] = info.CustomerName;
        }
        return code with { Args = args };
    }

    private static string Key(long id) => id.ToString(CultureInfo.InvariantCulture);
}
