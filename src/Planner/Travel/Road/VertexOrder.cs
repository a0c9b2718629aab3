namespace Delivery.Planner.Travel.Road;

/// <summary>
/// Renumbers vertices along a Hilbert curve over their coordinates, so vertices near each other on the map are near
/// each other in memory: a Dijkstra's frontier then touches far fewer cache lines (the standard locality trick; its gain could not be measured reliably on this loaded machine).
/// </summary>
internal static class VertexOrder
{
    public static RoadNetworkLoader.Raw Spatial(RoadNetworkLoader.Raw raw)
    {
        var n = raw.VertexIds.Length;
        if (n == 0)
        {
            return raw;
        }
        double minX = raw.Lon.Min(), maxX = raw.Lon.Max(), minY = raw.Lat.Min(), maxY = raw.Lat.Max();
        var scale = 65535 / Math.Max(Math.Max(maxX - minX, maxY - minY), 1e-12);
        var keys = new long[n];
        var order = new int[n];
        for (var v = 0; v < n; v++)
        {
            keys[v] = Hilbert((int)((raw.Lon[v] - minX) * scale), (int)((raw.Lat[v] - minY) * scale));
            order[v] = v;
        }
        Array.Sort(keys, order);
        var newIndex = new int[n];
        for (var i = 0; i < n; i++)
        {
            newIndex[order[i]] = i;
        }
        var edges = raw.Edges.Select(e => e with { Tail = newIndex[e.Tail], Head = newIndex[e.Head] }).ToList();
        return raw with
        {
            VertexIds = order.Select(v => raw.VertexIds[v]).ToArray(),
            Lon = order.Select(v => raw.Lon[v]).ToArray(),
            Lat = order.Select(v => raw.Lat[v]).ToArray(),
            InScc = order.Select(v => raw.InScc[v]).ToArray(),
            Edges = edges,
        };
    }

    /// <summary>Position of (x, y) on a 2^16 × 2^16 Hilbert curve.</summary>
    private static long Hilbert(int x, int y)
    {
        long d = 0;
        for (var s = 1 << 15; s > 0; s >>= 1)
        {
            var rx = (x & s) > 0 ? 1 : 0;
            var ry = (y & s) > 0 ? 1 : 0;
            d += (long)s * s * ((3 * rx) ^ ry);
            if (ry == 0)
            {
                if (rx == 1)
                {
                    x = s - 1 - x;
                    y = s - 1 - y;
                }
                (x, y) = (y, x);
            }
        }
        return d;
    }
}
