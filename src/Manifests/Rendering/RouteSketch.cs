using System.Globalization;
using Delivery.Manifests.Model;
using PdfSharp.Drawing;

namespace Delivery.Manifests.Rendering;

/// <summary>
/// The route drawn to scale from coordinates: depot as a square, stops as numbered circles joined in driving order,
/// a scale bar and a north mark. Equirectangular projection around the route's mean latitude (fine at city scale).
/// </summary>
internal static class RouteSketch
{
    private const double MetersPerDegree = 111_320;

    public static void Draw(XGraphics g, XRect box, ManifestRoute route, ManifestStyle style)
    {
        g.DrawRectangle(new XPen(XColors.Black, 0.6), box);
        var points = route.Stops.Select(s => (s.Latitude, s.Longitude)).Prepend((route.Depot.Latitude, route.Depot.Longitude)).ToList();
        var cosLat = Math.Cos(points.Average(p => p.Latitude) * Math.PI / 180);
        var xs = points.Select(p => p.Longitude * cosLat * MetersPerDegree).ToList();
        var ys = points.Select(p => p.Latitude * MetersPerDegree).ToList();
        var inner = new XRect(box.X + 14, box.Y + 14, box.Width - 28, box.Height - 34);
        var spanX = Math.Max(xs.Max() - xs.Min(), 1);
        var spanY = Math.Max(ys.Max() - ys.Min(), 1);
        var scale = Math.Min(inner.Width / spanX, inner.Height / spanY); // points per metre, same on both axes
        var ox = inner.X + ((inner.Width - (spanX * scale)) / 2);
        var oy = inner.Y + ((inner.Height - (spanY * scale)) / 2);
        XPoint At(int i) => new(ox + ((xs[i] - xs.Min()) * scale), oy + ((ys.Max() - ys[i]) * scale));

        var path = new XPen(XColors.Black, 0.7) { DashStyle = XDashStyle.Solid };
        var pts = Enumerable.Range(0, points.Count).Select(At).Append(At(0)).ToArray();
        if (pts.Length > 2)
        {
            g.DrawLines(path, pts);
        }
        var depot = At(0);
        g.DrawRectangle(XBrushes.Black, depot.X - 4, depot.Y - 4, 8, 8);
        var radius = route.Stops.Count > 60 ? 4.5 : 6;
        var font = ManifestStyle.Font(radius, bold: true);
        for (var i = 1; i < points.Count; i++)
        {
            var p = At(i);
            g.DrawEllipse(new XPen(XColors.Black, 0.6), XBrushes.White, p.X - radius, p.Y - radius, 2 * radius, 2 * radius);
            g.DrawString(route.Stops[i - 1].Sequence.ToString(CultureInfo.InvariantCulture), font, XBrushes.Black,
                new XRect(p.X - radius, p.Y - radius, 2 * radius, 2 * radius), XStringFormats.Center);
        }
        DrawScaleBar(g, box, scale, style);
        g.DrawString("N ↑", style.SmallBold, XBrushes.Black, box.Right - 6, box.Y + 12, XStringFormats.BaseLineRight);
        g.DrawString(route.Text["depotMarker"], style.Small, XBrushes.Black, box.X + 6, box.Y + 12, XStringFormats.BaseLineLeft);
    }

    private static void DrawScaleBar(XGraphics g, XRect box, double scale, ManifestStyle style)
    {
        // The longest round distance (1, 2 or 5 × 10^n metres) that fits a quarter of the box.
        var target = box.Width / 4 / scale;
        var pow = Math.Pow(10, Math.Floor(Math.Log10(target)));
        var meters = new[] { 5, 2, 1 }.Select(m => m * pow).First(m => m <= target);
        var length = meters * scale;
        var y = box.Bottom - 8;
        var x = box.X + 8;
        var pen = new XPen(XColors.Black, 1);
        g.DrawLine(pen, x, y, x + length, y);
        g.DrawLine(pen, x, y - 3, x, y + 1);
        g.DrawLine(pen, x + length, y - 3, x + length, y + 1);
        var label = meters >= 1000 ? $"{(meters / 1000).ToString("0.#", CultureInfo.InvariantCulture)} km" : $"{meters:0} m";
        g.DrawString(label, style.Small, XBrushes.Black, x + length + 4, y + 2, XStringFormats.BaseLineLeft);
    }
}
