using PdfSharp.Drawing;

namespace Delivery.Manifests.Layout;

/// <summary>Measures text widths with PDFsharp's font metrics, caching per font and word (one per document).</summary>
internal sealed class TextMeasurer : IDisposable
{
    private readonly XGraphics _g = XGraphics.CreateMeasureContext(new XSize(1000, 1000), XGraphicsUnit.Point, XPageDirection.Downwards);
    private readonly Dictionary<(XFont, string), double> _cache = [];

    /// <summary>Width of <paramref name="text"/> in points.</summary>
    public double Width(string text, XFont font)
    {
        if (text.Length == 0)
        {
            return 0;
        }
        if (!_cache.TryGetValue((font, text), out var w))
        {
            w = _g.MeasureString(text, font).Width;
            if (_cache.Count < 50_000)
            {
                _cache[(font, text)] = w;
            }
        }
        return w;
    }

    public void Dispose() => _g.Dispose();
}
