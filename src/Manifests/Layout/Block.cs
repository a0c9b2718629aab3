using PdfSharp.Drawing;

namespace Delivery.Manifests.Layout;

/// <summary>
/// A rectangle of content: measured for a width (<see cref="Measure"/>), then drawn at a position with that width.
/// Blocks never draw outside the box they measured.
/// </summary>
internal abstract class Block
{
    /// <summary>Lays the block out for <paramref name="width"/> points and returns its height in points.</summary>
    public abstract double Measure(TextMeasurer measurer, double width);

    /// <summary>Draws the block with its top-left corner at (<paramref name="x"/>, <paramref name="y"/>) as last measured.</summary>
    public abstract void Draw(XGraphics g, double x, double y);
}

/// <summary>A fixed-height block drawn by a callback inside its own box (check boxes, sketches, signature lines).</summary>
internal sealed class Canvas(double height, Action<XGraphics, XRect> draw) : Block
{
    private double _width;

    public override double Measure(TextMeasurer measurer, double width)
    {
        _width = width;
        return height;
    }

    public override void Draw(XGraphics g, double x, double y) => draw(g, new XRect(x, y, _width, height));
}
