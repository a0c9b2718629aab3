using System.Diagnostics;
using System.Globalization;

namespace Delivery.Benchmarks.Verbs.Pages;

/// <summary>
/// Street-tile responses of the host (<c>/tiles/roads/{z}/{x}/{y}.mvt</c>), time to the last byte over loopback: every
/// tile with one of the evening's stops at zooms 12–15, first cold (a host just started, its Redis prefix new: no tile
/// cached anywhere) and then again from the host's cache.
/// </summary>
internal static class TileTimes
{
    public sealed record Result(Samples Cold, Samples Cached, long Bytes, int Tiles);

    public static async Task<Result> MeasureAsync(HttpClient client, IReadOnlyList<(double Lat, double Lon)> points, int minZoom = 12, int maxZoom = 15)
    {
        // The tiles a dispatcher's map shows the evening on: every tile with at least one stop, at each zoom.
        var tiles = Enumerable.Range(minZoom, maxZoom - minZoom + 1)
            .SelectMany(z => points.Select(p => Tile(p.Lat, p.Lon, z)).Distinct().Select(t => (Z: z, t.X, t.Y)))
            .ToList();
        var cold = new Samples("tile cold");
        var cached = new Samples("tile cached");
        long bytes = 0;
        foreach (var pass in new[] { cold, cached })
        {
            foreach (var (z, x, y) in tiles)
            {
                var watch = Stopwatch.StartNew();
                using var response = await client.GetAsync(string.Create(CultureInfo.InvariantCulture, $"/tiles/roads/{z}/{x}/{y}.mvt"), HttpCompletionOption.ResponseHeadersRead);
                var body = await response.Content.ReadAsByteArrayAsync();
                pass.Add(watch.Elapsed.TotalMilliseconds);
                response.EnsureSuccessStatusCode();
                bytes += pass == cold ? body.Length : 0;
            }
        }
        return new Result(cold, cached, bytes, tiles.Count);
    }

    private static (int X, int Y) Tile(double lat, double lon, int z)
    {
        var n = 1 << z;
        var x = (int)Math.Floor((lon + 180) / 360 * n);
        var r = lat * Math.PI / 180;
        var y = (int)Math.Floor((1 - Math.Log(Math.Tan(r) + 1 / Math.Cos(r)) / Math.PI) / 2 * n);
        return (Math.Clamp(x, 0, n - 1), Math.Clamp(y, 0, n - 1));
    }
}
