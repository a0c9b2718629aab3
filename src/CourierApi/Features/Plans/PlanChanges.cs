using Delivery.CourierApi.Auth;
using Delivery.CourierApi.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Delivery.CourierApi.Features.Plans;

/// <summary>How a stop differs from the version compared against.</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<StopChangeKind>))]
public enum StopChangeKind
{
    /// <summary>On another courier's route.</summary>
    Moved,

    /// <summary>Same route, another place in its order (not on the longest run of stops kept in order).</summary>
    Reordered,

    /// <summary>Was unassigned, now on a route.</summary>
    Assigned,

    /// <summary>Was on a route, now unassigned.</summary>
    Unassigned,

    /// <summary>Not in the earlier version at all (a new order), now on a route.</summary>
    Added,
}

/// <summary>One stop that changed.</summary>
/// <param name="FromSequence">1-based position before (null when it was on no route).</param>
/// <param name="ToSequence">1-based position now (null when it is on no route).</param>
public sealed record StopChange(long OrderId, string ShopOrderId, string CustomerName, StopChangeKind Kind,
    long? FromCourierId, string? FromCourierName, int? FromSequence, long? ToCourierId, string? ToCourierName, int? ToSequence);

/// <summary>A route that gained its first stops or lost all of them.</summary>
public sealed record RouteChange(long CourierId, string CourierName, int StopsBefore, int StopsAfter);

/// <summary>
/// What moved between a plan version and the one it is compared with (by default the version it was based on: for a
/// re-plan, the plan before it). Locked routes appear only if their stops changed (they should not).
/// </summary>
/// <param name="PreviousVersionId">The version compared with; null for a first plan (then nothing moved).</param>
/// <param name="UnchangedStops">Stops on the same route in the same relative order.</param>
public sealed record PlanChangesView(long VersionId, int VersionNumber, long? PreviousVersionId, int? PreviousVersionNumber,
    IReadOnlyList<StopChange> Stops, IReadOnlyList<RouteChange> RoutesAdded, IReadOnlyList<RouteChange> RoutesEmptied, int UnchangedStops);

/// <summary><c>GET /plan-versions/{id}/changes</c>: what a re-plan (or an edit) moved.</summary>
internal static class PlanChanges
{
    /// <summary>A stop of a version as the comparison sees it.</summary>
    internal sealed record Placed(long ShiftId, long CourierId, string CourierName, int Sequence, long OrderId, string ShopOrderId, string Customer);

    /// <summary>A version's routes, stops and unassigned orders, read once for a comparison.</summary>
    internal sealed record Snapshot(long Id, int Number, long PlanId, List<Placed> Stops, Dictionary<long, (long CourierId, string Name)> Routes,
        Dictionary<long, (string ShopOrderId, string Customer)> Unassigned);

    public static RouteGroupBuilder MapPlanChanges(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1").WithTags("Plans").RequireAuthorization(Policies.Staff);
        group.MapGet("/plan-versions/{versionId:long}/changes", ChangesAsync).WithName("GetPlanChanges")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("What moved against the version this one is based on (or ?against=ID of the same plan): stops that changed route or order, were assigned or unassigned, routes added or emptied.");
        return group;
    }

    internal static async Task<Ok<PlanChangesView>> ChangesAsync(long versionId, long? against, PlanStore plans, CancellationToken ct)
    {
        var current = await plans.SnapshotAsync(versionId, ct) ?? throw new NotFoundException("Plan version", versionId);
        var previousId = against ?? await plans.ComparedVersionIdAsync(versionId, ct);
        if (previousId is not { } pid)
        {
            return TypedResults.Ok(new PlanChangesView(current.Id, current.Number, null, null, [], [], [], current.Stops.Count));
        }
        var previous = await plans.SnapshotAsync(pid, ct);
        if (previous is null || previous.PlanId != current.PlanId)
        {
            throw new FieldException("against", $"plan version {pid} is not a version of the same plan as {versionId}");
        }
        return TypedResults.Ok(Compare(previous, current));
    }

    private static PlanChangesView Compare(Snapshot before, Snapshot after)
    {
        var was = before.Stops.ToDictionary(s => s.OrderId);
        var changes = new List<StopChange>();
        var unchanged = 0;
        foreach (var route in after.Stops.GroupBy(s => s.ShiftId))
        {
            var stops = route.OrderBy(s => s.Sequence).ToList();
            // Stops that stayed on this route keep their place if they lie on the longest run kept in the same order.
            var stayed = stops.Where(s => was.TryGetValue(s.OrderId, out var w) && w.ShiftId == s.ShiftId).ToList();
            var kept = LongestKeptInOrder(stayed.Select(s => was[s.OrderId].Sequence).ToArray());
            for (var i = 0; i < stayed.Count; i++)
            {
                if (kept.Contains(i))
                {
                    unchanged++;
                }
                else
                {
                    changes.Add(Change(stayed[i], was[stayed[i].OrderId], StopChangeKind.Reordered));
                }
            }
            foreach (var s in stops.Where(s => !stayed.Contains(s)))
            {
                var kind = was.TryGetValue(s.OrderId, out var w) ? StopChangeKind.Moved
                    : before.Unassigned.ContainsKey(s.OrderId) ? StopChangeKind.Assigned : StopChangeKind.Added;
                changes.Add(Change(s, w, kind));
            }
        }
        var now = after.Stops.Select(s => s.OrderId).ToHashSet();
        foreach (var w in before.Stops.Where(w => !now.Contains(w.OrderId) && after.Unassigned.ContainsKey(w.OrderId)))
        {
            changes.Add(new StopChange(w.OrderId, w.ShopOrderId, w.Customer, StopChangeKind.Unassigned, w.CourierId, w.CourierName, w.Sequence, null, null, null));
        }
        var countBefore = before.Stops.GroupBy(s => s.ShiftId).ToDictionary(g => g.Key, g => g.Count());
        var countAfter = after.Stops.GroupBy(s => s.ShiftId).ToDictionary(g => g.Key, g => g.Count());
        var shifts = after.Routes.Keys.Union(before.Routes.Keys).ToList();
        RouteChange Route(long shift)
        {
            var (courier, name) = after.Routes.TryGetValue(shift, out var r) ? r : before.Routes[shift];
            return new RouteChange(courier, name, countBefore.GetValueOrDefault(shift), countAfter.GetValueOrDefault(shift));
        }
        var added = shifts.Where(s => countBefore.GetValueOrDefault(s) == 0 && countAfter.GetValueOrDefault(s) > 0).Select(Route).ToList();
        var emptied = shifts.Where(s => countBefore.GetValueOrDefault(s) > 0 && countAfter.GetValueOrDefault(s) == 0).Select(Route).ToList();
        return new PlanChangesView(after.Id, after.Number, before.Id, before.Number,
            changes.OrderBy(c => c.ToCourierName ?? c.FromCourierName).ThenBy(c => c.ToSequence ?? c.FromSequence).ToList(), added, emptied, unchanged);
    }

    private static StopChange Change(Placed now, Placed? was, StopChangeKind kind) => new(now.OrderId, now.ShopOrderId, now.Customer, kind,
        was?.CourierId, was?.CourierName, was?.Sequence, now.CourierId, now.CourierName, now.Sequence);

    /// <summary>Indexes of a longest increasing subsequence of <paramref name="sequence"/> (O(n²); routes hold tens of stops).</summary>
    internal static HashSet<int> LongestKeptInOrder(int[] sequence)
    {
        var n = sequence.Length;
        var length = new int[n];
        var parent = new int[n];
        var best = -1;
        for (var i = 0; i < n; i++)
        {
            (length[i], parent[i]) = (1, -1);
            for (var j = 0; j < i; j++)
            {
                if (sequence[j] < sequence[i] && length[j] + 1 > length[i])
                {
                    (length[i], parent[i]) = (length[j] + 1, j);
                }
            }
            if (best < 0 || length[i] > length[best])
            {
                best = i;
            }
        }
        var kept = new HashSet<int>();
        for (var k = best; k >= 0; k = parent[k])
        {
            kept.Add(k);
        }
        return kept;
    }
}
