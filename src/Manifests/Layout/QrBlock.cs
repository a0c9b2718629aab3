using PdfSharp.Drawing;
using QRCoder;

namespace Delivery.Manifests.Layout;

/// <summary>
/// A QR code drawn as vector rectangles (one filled path, so no seams between modules), square, as wide as measured
/// (capped at <paramref name="maxSize"/>). The quiet zone is part of the drawn square.
/// </summary>
internal sealed class QrBlock(string payload, double maxSize) : Block
{
    private readonly QRCodeData _data = QRCodeGenerator.GenerateQrCode(payload, QRCodeGenerator.ECCLevel.Q);
    private double _size;

    public override double Measure(TextMeasurer measurer, double width)
    {
        _size = Math.Min(width, maxSize);
        return _size;
    }

    public override void Draw(XGraphics g, double x, double y)
    {
        var matrix = _data.ModuleMatrix;
        var module = _size / matrix.Count;
        var path = new XGraphicsPath { FillMode = XFillMode.Winding };
        for (var r = 0; r < matrix.Count; r++)
        {
            var row = matrix[r];
            var c = 0;
            while (c < row.Length)
            {
                if (!row[c])
                {
                    c++;
                    continue;
                }
                var start = c;
                while (c < row.Length && row[c])
                {
                    c++;
                }
                path.AddRectangle(x + (start * module), y + (r * module), (c - start) * module, module);
            }
        }
        g.DrawPath(XBrushes.Black, path);
    }
}
