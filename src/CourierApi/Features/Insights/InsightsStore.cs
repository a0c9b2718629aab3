using System.Globalization;
using Delivery.CourierApi.Data;
using Npgsql;

namespace Delivery.CourierApi.Features.Insights;

/// <summary>The insights page's figures, each one query aggregated in PostgreSQL over <see cref="InsightsSql"/>.</summary>
internal sealed partial class InsightsStore(NpgsqlDataSource db)
{
    private const string Attempted = "f.result IN ('hit', 'early', 'late')";

    /// <summary>
    /// Runs one insights query in a read-only transaction with settings for a large aggregate: memory enough to hash
    /// every grouping set, and no JIT (compiling these plans costs seconds and saves little on 250,000 rows).
    /// </summary>
    private async Task<List<T>> QueryAsync<T>(string sql, Func<NpgsqlDataReader, T> map, CancellationToken ct, params object?[] args)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, ct);
        await connection.ExecAsync("SET LOCAL jit = off; SET LOCAL work_mem = '64MB'; SET TRANSACTION READ ONLY", ct);
        var rows = await connection.ListAsync(sql, map, ct, args);
        await tx.CommitAsync(ct);
        return rows;
    }

    /// <summary>Rate, trend, breakdowns, histograms, ratings and callbacks in one pass (grouping sets).</summary>
    public async Task<InsightsSummary> SummaryAsync(InsightsPeriod period, CancellationToken ct)
    {
        var rows = await QueryAsync($"""
            WITH {InsightsSql.Facts}
            SELECT CASE WHEN grouping(f.plan_date) = 0 THEN 'day' WHEN grouping(f.depot_id) = 0 THEN 'depot'
                        WHEN grouping(f.courier_id) = 0 THEN 'courier' WHEN grouping(f.zone) = 0 THEN 'zone'
                        WHEN grouping(f.slot) = 0 THEN 'slot' WHEN grouping(f.hour) = 0 THEN 'hour'
                        WHEN grouping(f.dow) = 0 THEN 'weekday' WHEN grouping(f.result) = 0 THEN 'result'
                        WHEN grouping(f.callback) = 0 THEN 'callback'
                        WHEN grouping(f.eb) = 0 THEN 'early_min' WHEN grouping(f.lb) = 0 THEN 'late_min' ELSE 'all' END AS dim,
                   coalesce(to_char(f.plan_date, 'YYYY-MM-DD'), f.depot_id::text, f.courier_id::text, f.zone, f.slot, f.hour::text,
                            f.dow::text, f.result, f.callback, f.eb::text, f.lb::text, 'none') AS key,
                   CASE WHEN grouping(f.depot_id) = 0 THEN max(f.depot_name) WHEN grouping(f.courier_id) = 0 THEN max(f.courier_name) END AS label,
                   count(*) FILTER (WHERE {Attempted}) AS attempted,
                   count(*) FILTER (WHERE f.result = 'hit') AS hits,
                   count(*) FILTER (WHERE f.result = 'early') AS early,
                   count(*) FILTER (WHERE f.result = 'late') AS late,
                   coalesce(avg(f.early_min) FILTER (WHERE f.result = 'early'), 0) AS avg_early,
                   coalesce(avg(f.late_min) FILTER (WHERE f.result = 'late'), 0) AS avg_late,
                   count(*) FILTER (WHERE f.result = 'cancelled') AS cancelled,
                   count(*) FILTER (WHERE f.result = 'no_window') AS no_window,
                   count(*) FILTER (WHERE f.result = 'open') AS open,
                   count(*) FILTER (WHERE {Attempted} AND f.source = 'paper') AS paper,
                   count(f.rating) AS rated, count(*) FILTER (WHERE f.rating <= 2) AS low,
                   count(*) AS stops
            FROM (SELECT facts.*,
                         CASE WHEN result = 'early' THEN least(floor(early_min / 5)::int * 5, 60) END AS eb,
                         CASE WHEN result = 'late' THEN least(floor(late_min / 5)::int * 5, 60) END AS lb
                  FROM facts) f
            GROUP BY GROUPING SETS ((), (f.plan_date), (f.depot_id), (f.courier_id), (f.zone), (f.slot), (f.hour), (f.dow), (f.result),
                                    (f.callback), (f.eb), (f.lb))
            """, r => (Dim: r.GetString(0), Key: r.GetString(1), Label: r.OptString(2), Group: Group(r)), ct, InsightsSql.Args(period));

        List<RateGroup> By(string dim, Func<string, string>? order = null) => rows.Where(x => x.Dim == dim && x.Key != "none")
            .Select(x => x.Group.Rate with { Key = x.Key, Label = x.Label ?? x.Key })
            .OrderBy(g => order is null ? g.Key : order(g.Key), StringComparer.Ordinal).ToList();
        List<MinuteBucket> Buckets(string dim) => rows.Where(x => x.Dim == dim && x.Key != "none")
            .Select(x => new MinuteBucket(int.Parse(x.Key, CultureInfo.InvariantCulture), x.Group.Rate.Early + x.Group.Rate.Late))
            .OrderBy(b => b.FromMinutes).ToList();
        static string Padded(string key) => key.PadLeft(3, '0');
        var total = rows.FirstOrDefault(x => x.Dim == "all").Group?.Rate ?? new RateGroup("all", "all", 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
        return new InsightsSummary(period.From, period.To, total with { Key = "all", Label = "all" },
            By("day"), By("depot", Padded), By("courier", Padded), By("zone"), By("slot"), By("hour", Padded), By("weekday"),
            Buckets("early_min"), Buckets("late_min"),
            rows.Where(x => x.Dim == "result").Select(x => new RatingsByResult(x.Key, x.Group.Rated, x.Group.Low,
                x.Group.Rated == 0 ? 0 : (double)x.Group.Low / x.Group.Rated)).OrderBy(x => x.Result, StringComparer.Ordinal).ToList(),
            rows.Where(x => x.Dim == "callback" && x.Key != "none").Select(x => new CallbackCount(x.Key, x.Group.Stops))
                .OrderByDescending(x => x.Stops).ToList());
    }

    private static GroupRow Group(NpgsqlDataReader r)
    {
        var attempted = (int)r.GetInt64(3);
        var hits = (int)r.GetInt64(4);
        return new GroupRow(new RateGroup("", "", attempted, hits, (int)r.GetInt64(5), (int)r.GetInt64(6), attempted == 0 ? 0 : (double)hits / attempted,
            Convert.ToDouble(r.GetValue(7), CultureInfo.InvariantCulture), Convert.ToDouble(r.GetValue(8), CultureInfo.InvariantCulture),
            (int)r.GetInt64(9), (int)r.GetInt64(10), (int)r.GetInt64(11), (int)r.GetInt64(12)),
            (int)r.GetInt64(13), (int)r.GetInt64(14), (int)r.GetInt64(15));
    }

    /// <summary>A rate group with the counts the ratings and callbacks need.</summary>
    private sealed record GroupRow(RateGroup Rate, int Rated, int Low, int Stops);
}
