namespace Delivery.Planner.Travel.Road;

/// <summary>
/// A uniform grid over a local equirectangular projection (metres around the network's centre; accurate to a fraction
/// of a percent over a city): nearest snappable vertex by ring search, and distance to the nearest road segment within
/// a radius. Immutable after construction.
/// </summary>
internal sealed class SpatialGrid
{
    private const double EarthRadius = 6_371_008.8;
    private readonly double _lon0;
    private readonly double _lat0;
    private readonly double _cosLat0;
    private readonly double _cell;
    private readonly double[] _vx;
    private readonly double[] _vy;
    private readonly Dictionary<long, List<int>> _vertexCells = [];
    private readonly Dictionary<long, List<int>> _segmentCells = [];
    private readonly List<(double X1, double Y1, double X2, double Y2)> _segments = [];
    private const int MaxRings = 40;

    /// <param name="lon">Vertex longitudes.</param>
    /// <param name="lat">Vertex latitudes.</param>
    /// <param name="snappable">Which vertices stops may snap to.</param>
    /// <param name="polylines">Every road's shape as (lon, lat) pairs, interleaved.</param>
    /// <param name="cellMeters">Cell edge length.</param>
    public SpatialGrid(double[] lon, double[] lat, bool[] snappable, IEnumerable<double[]> polylines, double cellMeters = 250)
    {
        _cell = cellMeters;
        _lon0 = lon.Length == 0 ? 0 : (lon.Min() + lon.Max()) / 2;
        _lat0 = lat.Length == 0 ? 0 : (lat.Min() + lat.Max()) / 2;
        _cosLat0 = Math.Cos(_lat0 * Math.PI / 180);
        _vx = new double[lon.Length];
        _vy = new double[lon.Length];
        for (var v = 0; v < lon.Length; v++)
        {
            (_vx[v], _vy[v]) = Project(lon[v], lat[v]);
            if (!snappable[v])
            {
                continue;
            }
            var (cx, cy) = CellOf(_vx[v], _vy[v]);
            Add(_vertexCells, cx, cy, v);
        }
        foreach (var line in polylines)
        {
            for (var i = 0; i + 3 < line.Length; i += 2)
            {
                var (x1, y1) = Project(line[i], line[i + 1]);
                var (x2, y2) = Project(line[i + 2], line[i + 3]);
                var index = _segments.Count;
                _segments.Add((x1, y1, x2, y2));
                var (ax, ay) = CellOf(Math.Min(x1, x2), Math.Min(y1, y2));
                var (bx, by) = CellOf(Math.Max(x1, x2), Math.Max(y1, y2));
                for (var cx = ax; cx <= bx; cx++)
                {
                    for (var cy = ay; cy <= by; cy++)
                    {
                        Add(_segmentCells, cx, cy, index);
                    }
                }
            }
        }
    }

    /// <summary>The nearest snappable vertex and its distance in metres; (-1, ∞) when there is none.</summary>
    public (int Vertex, double Meters) Nearest(double lon, double lat)
    {
        var (x, y) = Project(lon, lat);
        var (cx, cy) = CellOf(x, y);
        var best = -1;
        var bestD2 = double.PositiveInfinity;
        for (var ring = 0; ring <= MaxRings; ring++)
        {
            foreach (var (rx, ry) in Ring(cx, cy, ring))
            {
                if (_vertexCells.TryGetValue(Key(rx, ry), out var list))
                {
                    Closest(list, x, y, ref best, ref bestD2);
                }
            }
            // Every cell beyond this ring is at least ring × cell away.
            if (best >= 0 && Math.Sqrt(bestD2) <= ring * _cell)
            {
                return (best, Math.Sqrt(bestD2));
            }
        }
        // Far from the network: a linear scan is cheaper than ever-wider rings.
        foreach (var list in _vertexCells.Values)
        {
            Closest(list, x, y, ref best, ref bestD2);
        }
        return (best, Math.Sqrt(bestD2));
    }

    private void Closest(List<int> vertices, double x, double y, ref int best, ref double bestD2)
    {
        foreach (var v in vertices)
        {
            var d2 = (_vx[v] - x) * (_vx[v] - x) + (_vy[v] - y) * (_vy[v] - y);
            if (d2 < bestD2 || (d2 == bestD2 && v < best))
            {
                (best, bestD2) = (v, d2);
            }
        }
    }

    /// <summary>Distance in metres to the nearest road segment, or null when none lies within <paramref name="radiusMeters"/>.</summary>
    public double? NearestRoad(double lon, double lat, double radiusMeters)
    {
        var (x, y) = Project(lon, lat);
        var (ax, ay) = CellOf(x - radiusMeters, y - radiusMeters);
        var (bx, by) = CellOf(x + radiusMeters, y + radiusMeters);
        var best = double.PositiveInfinity;
        for (var cx = ax; cx <= bx; cx++)
        {
            for (var cy = ay; cy <= by; cy++)
            {
                if (!_segmentCells.TryGetValue(Key(cx, cy), out var list))
                {
                    continue;
                }
                foreach (var s in list)
                {
                    best = Math.Min(best, SegmentDistance(x, y, _segments[s]));
                }
            }
        }
        return best <= radiusMeters ? best : null;
    }

    private static double SegmentDistance(double x, double y, (double X1, double Y1, double X2, double Y2) s)
    {
        var dx = s.X2 - s.X1;
        var dy = s.Y2 - s.Y1;
        var len2 = dx * dx + dy * dy;
        var t = len2 == 0 ? 0 : Math.Clamp(((x - s.X1) * dx + (y - s.Y1) * dy) / len2, 0, 1);
        var px = s.X1 + t * dx - x;
        var py = s.Y1 + t * dy - y;
        return Math.Sqrt(px * px + py * py);
    }

    private static IEnumerable<(int X, int Y)> Ring(int cx, int cy, int r)
    {
        if (r == 0)
        {
            yield return (cx, cy);
            yield break;
        }
        for (var i = -r; i <= r; i++)
        {
            yield return (cx + i, cy - r);
            yield return (cx + i, cy + r);
        }
        for (var j = -r + 1; j <= r - 1; j++)
        {
            yield return (cx - r, cy + j);
            yield return (cx + r, cy + j);
        }
    }

    private (double X, double Y) Project(double lon, double lat) =>
        ((lon - _lon0) * Math.PI / 180 * EarthRadius * _cosLat0, (lat - _lat0) * Math.PI / 180 * EarthRadius);

    private (int X, int Y) CellOf(double x, double y) => ((int)Math.Floor(x / _cell), (int)Math.Floor(y / _cell));

    private static long Key(int cx, int cy) => unchecked(((long)cx << 32) ^ (uint)cy);

    private static void Add(Dictionary<long, List<int>> cells, int cx, int cy, int item)
    {
        var key = Key(cx, cy);
        if (!cells.TryGetValue(key, out var list))
        {
            cells[key] = list = [];
        }
        list.Add(item);
    }
}
