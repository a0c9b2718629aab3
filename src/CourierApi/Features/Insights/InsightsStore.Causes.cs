using Delivery.CourierApi.Data;

namespace Delivery.CourierApi.Features.Insights;

internal sealed partial class InsightsStore
{
    /// <summary>The causes in the order the page lists them.</summary>
    public static readonly IReadOnlyList<string> Causes = ["departure", "driving", "waiting", "service", "failed", "replan", "plan"];

    private const int MaxSystemic = 10;

    /// <summary>
    /// The period's lateness split by cause (parts of every late handover, summed) and the systemic causes: the same
    /// minutes narrowed to one courier, zone, weekday or hour, or a courier on a weekday, a zone at an hour. A narrower
    /// cause replaces the broader one it belongs to when it holds at least half of its minutes, so the list names the
    /// sharpest statement; the list is ranked by minutes explained.
    /// </summary>
    public async Task<LatenessCauses> CausesAsync(InsightsPeriod period, CancellationToken ct)
    {
        var rows = await QueryAsync($"""
            WITH {InsightsSql.Facts}{InsightsSql.Chain}{InsightsSql.Parts},
            unpivoted AS (
                SELECT x.cause, x.minutes, p.route_id, p.order_id, p.courier_id, p.courier_name, p.zone, p.dow, p.hour
                FROM parts p CROSS JOIN LATERAL (VALUES ('departure', p.p_departure), ('driving', p.p_driving), ('waiting', p.p_waiting),
                    ('service', p.p_service), ('failed', p.p_failed), ('replan', p.p_replan), ('plan', p.p_plan)) x(cause, minutes)
                WHERE x.minutes > 0
            )
            SELECT u.cause, u.courier_id, max(u.courier_name), u.zone, u.dow, u.hour, sum(u.minutes)::float8, count(DISTINCT (u.route_id, u.order_id))::int,
                   grouping(u.cause, u.courier_id, u.zone, u.dow, u.hour)::int AS g
            FROM unpivoted u
            GROUP BY GROUPING SETS ((), (u.cause), (u.cause, u.courier_id), (u.cause, u.zone), (u.cause, u.dow), (u.cause, u.hour),
                                    (u.cause, u.courier_id, u.dow), (u.cause, u.zone, u.hour))
            """, r => new CauseRow(r.OptString(0), r.Opt<long>(1), r.OptString(2), r.OptString(3), r.Opt<int>(4), r.Opt<int>(5),
                r.GetDouble(6), r.GetInt32(7), r.GetInt32(8)), ct, InsightsSql.Args(period));
        var all = rows.FirstOrDefault(r => r.Cause is null);
        var total = all?.Minutes ?? 0;
        var parts = Causes.Select(c => new CausePart(c, rows.FirstOrDefault(r => r.Cause == c && r.IsCauseOnly)?.Minutes ?? 0)).ToList();
        return new LatenessCauses(period.From, period.To, all?.Stops ?? 0, total, parts, Systemic(rows, total));
    }

    private static List<SystemicCause> Systemic(List<CauseRow> rows, double total)
    {
        var single = rows.Where(r => r.Cause is not null && r.Dimensions == 1).ToList();
        var pairs = rows.Where(r => r.Dimensions == 2).ToList();
        var chosen = new List<CauseRow>();
        foreach (var row in single)
        {
            var sharper = pairs.Where(p => p.Cause == row.Cause && p.Narrows(row) && p.Minutes >= row.Minutes / 2).MaxBy(p => p.Minutes);
            chosen.Add(sharper ?? row);
        }
        return chosen.Distinct().Where(r => r.Minutes >= 0.5).OrderByDescending(r => r.Minutes).Take(MaxSystemic)
            .Select(r => new SystemicCause(r.Cause!, r.CourierId, r.CourierName, r.Zone, r.Weekday, r.Hour, Math.Round(r.Minutes, 1), r.Stops,
                total == 0 ? 0 : r.Minutes / total))
            .ToList();
    }

    /// <summary>One grouping-set row; <see cref="Grouping"/> has a bit set for each column not grouped (cause, courier, zone, weekday, hour).</summary>
    private sealed record CauseRow(string? Cause, long? CourierId, string? CourierName, string? Zone, int? Weekday, int? Hour,
        double Minutes, int Stops, int Grouping)
    {
        public bool IsCauseOnly => Cause is not null && Dimensions == 0;

        public int Dimensions => 4 - System.Numerics.BitOperations.PopCount((uint)(Grouping & 0b1111));

        /// <summary>This row names the same value as <paramref name="broader"/> in every dimension that one names.</summary>
        public bool Narrows(CauseRow broader) =>
            (broader.CourierId is null || broader.CourierId == CourierId) && (broader.Zone is null || broader.Zone == Zone)
            && (broader.Weekday is null || broader.Weekday == Weekday) && (broader.Hour is null || broader.Hour == Hour);
    }
}
