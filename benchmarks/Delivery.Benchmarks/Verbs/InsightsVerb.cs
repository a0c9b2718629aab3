using System.Diagnostics;
using Delivery.CourierApi.Data.Migrations;
using Delivery.CourierApi.Features.Insights;
using Delivery.Testing.Insights;
using Npgsql;

namespace Delivery.Benchmarks.Verbs;

/// <summary>
/// <c>insights [--days 365] [--couriers 40] [--stops 17] [--runs 3] [--fresh]</c>: a generated year of one depot
/// (40 couriers × 17 stops × 365 days ≈ 248,000 stops, <see cref="DeliveryHistory"/>) in schema <c>bench_insights</c>
/// (kept between runs unless <c>--fresh</c>), then every insights query over the whole year, timed as its endpoint runs
/// it (median of N warm runs after one cold). Target: ≤ 2 s each.
/// </summary>
public sealed class InsightsVerb : IVerb
{
    /// <inheritdoc />
    public string Name => "insights";

    /// <inheritdoc />
    public string Summary => "Insights endpoints over a generated year of a 40-courier depot [--days N] [--couriers N] [--stops N] [--runs N] [--fresh]";

    /// <inheritdoc />
    public async Task<int> RunAsync(string[] args)
    {
        var options = new Options(args);
        var days = options.GetInt("days", 365);
        var couriers = options.GetInt("couriers", 40);
        var stops = options.GetInt("stops", 17);
        var runs = Math.Max(1, options.GetInt("runs", 3));
        var (postgres, _) = Services.Start();
        const string schema = "bench_insights";
        var connection = new NpgsqlConnectionStringBuilder(postgres) { SearchPath = schema + ",public" }.ConnectionString;
        await using (var admin = NpgsqlDataSource.Create(postgres))
        {
            if (options.Has("fresh"))
            {
                await using var drop = admin.CreateCommand($"DROP SCHEMA IF EXISTS {schema} CASCADE");
                await drop.ExecuteNonQueryAsync();
            }
        }
        DatabaseMigrator.Migrate(connection);
        // One pooled connection: its server process is the one whose CPU time is read (/proc) beside the wall time.
        var builder = new NpgsqlDataSourceBuilder(new NpgsqlConnectionStringBuilder(connection) { MaxPoolSize = 1 }.ConnectionString);
        builder.UseNetTopologySuite();
        await using var db = builder.Build();

        var first = new DateOnly(2025, 12, 1);
        var last = first.AddDays(days - 1);
        var depot = await DepotAsync(db);
        var stored = await ScalarAsync(db, "SELECT count(*) FROM stops");
        var generated = "";
        if (stored == 0)
        {
            var sw = Stopwatch.StartNew();
            var written = await DeliveryHistory.WriteAsync(db, depot, first, days, couriers, stops);
            await using (var analyze = db.CreateCommand("ANALYZE"))
            {
                await analyze.ExecuteNonQueryAsync();
            }
            generated = $"generated {written.Routes:N0} routes, {written.Stops:N0} stops, {written.Events:N0} events in {sw.Elapsed.TotalSeconds:F0} s; ";
            stored = written.Stops;
        }

        var store = new InsightsStore(db);
        var period = new InsightsPeriod(first, last, [depot]);
        var cases = new (string Name, Func<Task> Run)[]
        {
            ("summary", () => store.SummaryAsync(period, CancellationToken.None)),
            ("causes", () => store.CausesAsync(period, CancellationToken.None)),
            ("planned-vs-actual", () => store.PlannedVsActualAsync(period, CancellationToken.None)),
            ("stops (late, page 1 of 50)", () => store.StopsAsync(period, new StopFilter(Result: "late"), 1, 50, CancellationToken.None)),
            ("stops (cause=departure, page 3)", () => store.StopsAsync(period, new StopFilter(Cause: "departure"), 3, 50, CancellationToken.None)),
            ("story (one stop)", async () => await StoryAsync(db, store)),
        };
        var backend = await ScalarAsync(db, "SELECT pg_backend_pid()");
        var rows = new List<IReadOnlyList<string>>();
        var result = new Dictionary<string, object?> { ["stops"] = stored, ["days"] = days, ["runs"] = runs };
        foreach (var (name, run) in cases)
        {
            var cold = await TimeAsync(run, backend);
            var warm = new List<(double Wall, double Cpu)>();
            for (var i = 0; i < runs; i++)
            {
                warm.Add(await TimeAsync(run, backend));
            }
            var median = warm.OrderBy(w => w.Wall).ElementAt(warm.Count / 2);
            var cpu = warm.Select(w => w.Cpu).Order().ElementAt(warm.Count / 2);
            rows.Add([name, $"{Results.F(cold.Wall / 1000, 2)} s", $"{Results.F(median.Wall / 1000, 2)} s", $"{Results.F(cpu / 1000, 2)} s",
                median.Wall <= 2000 ? "<= 2 s: met" : cpu <= 2000 ? "<= 2 s: CPU only" : "<= 2 s: MISSED"]);
            var key = name.Split(' ')[0] + (name.Contains("cause", StringComparison.Ordinal) ? "_cause" : "");
            result[key + "_s"] = Math.Round(median.Wall / 1000, 3);
            result[key + "_db_cpu_s"] = Math.Round(cpu / 1000, 3);
        }
        var report = $"insights: one depot, {stored:N0} stops over {days} days ({first:yyyy-MM-dd}…{last:yyyy-MM-dd}); {generated}"
            + $"query as the endpoint runs it, cold then median of {runs} warm; load average {Results.LoadAverage()} on {Environment.ProcessorCount} cores\n\n"
            + Results.Table(["query (whole period)", "cold", "warm median", "PostgreSQL CPU (median)", "target"], rows);
        Results.Publish("insights", report, result);
        return 0;
    }

    /// <summary>Wall time and the CPU time of the query's PostgreSQL process (utime + stime from /proc; NaN when unreadable), ms.</summary>
    private static async Task<(double Wall, double Cpu)> TimeAsync(Func<Task> run, long backend)
    {
        var cpu0 = BackendCpuMs(backend);
        var sw = Stopwatch.StartNew();
        await run();
        var wall = sw.Elapsed.TotalMilliseconds;
        return (wall, BackendCpuMs(backend) - cpu0);
    }

    private static double BackendCpuMs(long pid)
    {
        var path = $"/proc/{pid}/stat";
        if (!File.Exists(path))
        {
            return double.NaN;
        }
        // Fields after the command name: state is 3rd; utime and stime are the 14th and 15th (clock ticks, 100 per second).
        var stat = File.ReadAllText(path);
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return (long.Parse(fields[11], System.Globalization.CultureInfo.InvariantCulture) + long.Parse(fields[12], System.Globalization.CultureInfo.InvariantCulture)) * 10.0;
    }

    private static async Task StoryAsync(NpgsqlDataSource db, InsightsStore store)
    {
        await using var cmd = db.CreateCommand("SELECT s.route_id, s.order_id FROM stops s ORDER BY s.id DESC LIMIT 1");
        await using var r = await cmd.ExecuteReaderAsync();
        await r.ReadAsync();
        var (route, order) = (r.GetInt64(0), r.GetInt64(1));
        await r.DisposeAsync();
        _ = await store.StoryAsync(route, order, CancellationToken.None);
    }

    private static async Task<long> DepotAsync(NpgsqlDataSource db)
    {
        await using var cmd = db.CreateCommand("""
            INSERT INTO depots (code, name, address, location, time_zone, created_at)
            VALUES ('bench-porto', 'Porto (benchmark)', 'Rua 1, Porto', ST_SetSRID(ST_MakePoint(-8.611, 41.1496), 4326), 'Europe/Lisbon', now())
            ON CONFLICT (code) DO UPDATE SET name = excluded.name RETURNING id
            """);
        return (long)(await cmd.ExecuteScalarAsync())!;
    }

    private static async Task<long> ScalarAsync(NpgsqlDataSource db, string sql)
    {
        await using var cmd = db.CreateCommand(sql);
        return Convert.ToInt64(await cmd.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
