using System.Globalization;
using System.Text;
using Delivery.Planner.Model;
using Delivery.Planner.Travel.Road;
using Npgsql;

namespace Delivery.Benchmarks.Verbs;

/// <summary>
/// The evening's incoming orders: a generator places them on residential streets of the network (a random point
/// along a random residential way, chosen by length, then 0-20 m aside as a house would be), with a two-hour window
/// between 08:00 and 20:00 and a demand; written as CSV rows and imported back as planner orders.
/// </summary>
internal static class EveningOrders
{
    public const string Header = "id,lat,lon,window_start,window_end,weight_g,volume_cm3,items,service_s";

    /// <summary>CSV rows (header first) of <paramref name="count"/> orders, reproducible from <paramref name="seed"/>.</summary>
    public static async Task<string> GenerateAsync(NpgsqlDataSource db, string schema, int count, int seed)
    {
        var ways = new List<double[]>();
        var cumulative = new List<double>();
        var total = 0.0;
        await using (var cmd = db.CreateCommand($"""
            SELECT ST_AsBinary(w.the_geom), w.length_m
            FROM {NetworkSchema.CheckName(schema)}.ways w
            JOIN {schema}.configuration c ON c.tag_id = w.tag_id
            JOIN {schema}.ways_vertices_pgr s ON s.id = w.source
            JOIN {schema}.ways_vertices_pgr t ON t.id = w.target
            WHERE c.tag_value = 'residential' AND s.in_scc AND t.in_scc AND w.length_m > 5
            ORDER BY w.gid
            """))
        await using (var reader = await cmd.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                ways.Add(RoadNetworkLoader.ParseLineString((byte[])reader.GetValue(0)));
                total += reader.GetDouble(1);
                cumulative.Add(total);
            }
        }
        if (ways.Count == 0)
        {
            throw new InvalidOperationException($"Schema {schema} has no residential streets to put orders on.");
        }
        var random = new Random(seed);
        var csv = new StringBuilder(Header).Append('\n');
        for (var i = 0; i < count; i++)
        {
            var pick = cumulative.BinarySearch(random.NextDouble() * total);
            var (lon, lat) = PointAlong(ways[pick < 0 ? ~pick : pick], random.NextDouble());
            var angle = random.NextDouble() * 2 * Math.PI;
            var aside = random.NextDouble() * 20;
            lat += aside * Math.Sin(angle) / 111_195;
            lon += aside * Math.Cos(angle) / (111_195 * Math.Cos(lat * Math.PI / 180));
            var start = (8 + random.Next(0, 11)) * 3600L;
            var items = random.Next(1, 4);
            csv.Append(CultureInfo.InvariantCulture, $"o{i + 1:D4},{lat:F6},{lon:F6},{start},{start + 7200},")
               .Append(CultureInfo.InvariantCulture, $"{random.Next(500, 15_001)},{random.Next(1_000, 60_001)},{items},{120 + 30 * items}\n");
        }
        return csv.ToString();
    }

    /// <summary>Imports the CSV rows; throws naming line and field for a bad row.</summary>
    public static List<Order> Import(string csv)
    {
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        if (lines.Length == 0 || lines[0] != Header)
        {
            throw new FormatException($"Expected header '{Header}'.");
        }
        var orders = new List<Order>(lines.Length - 1);
        for (var n = 1; n < lines.Length; n++)
        {
            var f = lines[n].Split(',');
            if (f.Length != 9)
            {
                throw new FormatException($"line {n + 1}: expected 9 fields, got {f.Length}");
            }
            double D(int k) => double.Parse(f[k], CultureInfo.InvariantCulture);
            long L(int k) => long.Parse(f[k], CultureInfo.InvariantCulture);
            orders.Add(new Order
            {
                Id = f[0],
                Location = Location.FromLatLon(D(1), D(2)),
                Windows = [new TimeWindow(L(3), L(4))],
                Demand = new Load(L(5), L(6), L(7)),
                ServiceSeconds = L(8),
            });
        }
        return orders;
    }

    private static (double Lon, double Lat) PointAlong(double[] xy, double fraction)
    {
        var lengths = new double[xy.Length / 2 - 1];
        var sum = 0.0;
        for (var i = 0; i < lengths.Length; i++)
        {
            lengths[i] = Math.Sqrt(Math.Pow(xy[2 * i + 2] - xy[2 * i], 2) + Math.Pow(xy[2 * i + 3] - xy[2 * i + 1], 2));
            sum += lengths[i];
        }
        var want = fraction * sum;
        for (var i = 0; i < lengths.Length; i++)
        {
            if (want <= lengths[i] || i == lengths.Length - 1)
            {
                var t = lengths[i] == 0 ? 0 : Math.Min(1, want / lengths[i]);
                return (xy[2 * i] + t * (xy[2 * i + 2] - xy[2 * i]), xy[2 * i + 1] + t * (xy[2 * i + 3] - xy[2 * i + 1]));
            }
            want -= lengths[i];
        }
        return (xy[0], xy[1]);
    }
}
