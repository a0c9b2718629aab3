using PdfSharp.Drawing;

namespace Delivery.Manifests.Layout;

/// <summary>Blocks one under another, with a gap between them.</summary>
internal sealed class Stack(IReadOnlyList<Block> children, double gap = 0) : Block
{
    private readonly double[] _heights = new double[children.Count];

    public IReadOnlyList<Block> Children => children;

    public override double Measure(TextMeasurer measurer, double width)
    {
        double total = 0;
        for (var i = 0; i < children.Count; i++)
        {
            _heights[i] = children[i].Measure(measurer, width);
            total += _heights[i] + (i > 0 ? gap : 0);
        }
        return total;
    }

    public override void Draw(XGraphics g, double x, double y)
    {
        for (var i = 0; i < children.Count; i++)
        {
            children[i].Draw(g, x, y);
            y += _heights[i] + gap;
        }
    }
}

/// <summary>
/// Blocks side by side. Each column has a fixed width in points, or takes a share of what is left
/// (<see cref="Column.Fixed"/> ≤ 0 means "share"). The row is as tall as its tallest column.
/// </summary>
internal sealed class Row(IReadOnlyList<Row.Column> columns, double gap = 6) : Block
{
    private readonly double[] _widths = new double[columns.Count];

    /// <summary>A cell of the row: its content and its width (fixed points, or a share when Fixed ≤ 0).</summary>
    public readonly record struct Column(Block Content, double Fixed = 0, double Share = 1);

    public override double Measure(TextMeasurer measurer, double width)
    {
        var free = width - (gap * (columns.Count - 1)) - columns.Where(c => c.Fixed > 0).Sum(c => c.Fixed);
        var shares = columns.Where(c => c.Fixed <= 0).Sum(c => c.Share);
        double height = 0;
        for (var i = 0; i < columns.Count; i++)
        {
            var c = columns[i];
            _widths[i] = c.Fixed > 0 ? c.Fixed : Math.Max(0, free) * c.Share / shares;
            height = Math.Max(height, c.Content.Measure(measurer, _widths[i]));
        }
        return height;
    }

    public override void Draw(XGraphics g, double x, double y)
    {
        for (var i = 0; i < columns.Count; i++)
        {
            columns[i].Content.Draw(g, x, y);
            x += _widths[i] + gap;
        }
    }
}

/// <summary>A block with padding and an optional frame around it.</summary>
internal sealed class Boxed(Block inner, double padding, double frameWidth = 0.8, bool frame = true) : Block
{
    private double _width;
    private double _height;

    public override double Measure(TextMeasurer measurer, double width)
    {
        _width = width;
        _height = inner.Measure(measurer, width - (2 * padding)) + (2 * padding);
        return _height;
    }

    public override void Draw(XGraphics g, double x, double y)
    {
        if (frame)
        {
            var half = frameWidth / 2;
            g.DrawRectangle(new XPen(XColors.Black, frameWidth), x + half, y + half, _width - frameWidth, _height - frameWidth);
        }
        inner.Draw(g, x + padding, y + padding);
    }
}
