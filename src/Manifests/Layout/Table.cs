using PdfSharp.Drawing;

namespace Delivery.Manifests.Layout;

/// <summary>A table column: header text, relative width and alignment.</summary>
internal readonly record struct TableColumn(string Header, double Share, XStringAlignment Alignment = XStringAlignment.Near);

/// <summary>
/// A table of wrapped text cells. As one <see cref="Block"/> it never breaks; <see cref="HeaderBlock"/> and
/// <see cref="RowBlocks"/> let <see cref="PageFlow.PlaceTable"/> break it across pages with the header repeated.
/// </summary>
internal sealed class Table(IReadOnlyList<TableColumn> columns, IReadOnlyList<IReadOnlyList<string>> rows, TableStyle style) : Block
{
    private Stack? _whole;

    public Block HeaderBlock() =>
        new TableRow(columns, [.. columns.Select(c => c.Header)], style.HeaderFont, style, header: true);

    public IReadOnlyList<Block> RowBlocks() =>
        [.. rows.Select(r => (Block)new TableRow(columns, r, style.BodyFont, style, header: false))];

    public override double Measure(TextMeasurer measurer, double width)
    {
        _whole = new Stack([HeaderBlock(), .. RowBlocks()]);
        return _whole.Measure(measurer, width);
    }

    public override void Draw(XGraphics g, double x, double y) => _whole!.Draw(g, x, y);
}

/// <summary>Fonts and spacing of a <see cref="Table"/>.</summary>
internal sealed record TableStyle(XFont HeaderFont, XFont BodyFont, double CellPadding = 2.5);

/// <summary>One row of a table: cells wrap inside their column; a rule below (heavier under the header).</summary>
internal sealed class TableRow(IReadOnlyList<TableColumn> columns, IReadOnlyList<string> cells, XFont font, TableStyle style, bool header) : Block
{
    private readonly Row _row = new(
        [.. columns.Select((c, i) => new Row.Column(new TextBlock(i < cells.Count ? cells[i] : "", font, c.Alignment), Share: c.Share))],
        gap: style.CellPadding * 2);

    private double _width;
    private double _height;

    public override double Measure(TextMeasurer measurer, double width)
    {
        _width = width;
        _height = _row.Measure(measurer, width) + (2 * style.CellPadding);
        return _height;
    }

    public override void Draw(XGraphics g, double x, double y)
    {
        _row.Draw(g, x, y + style.CellPadding);
        var pen = new XPen(XColors.Black, header ? 1.0 : 0.3);
        g.DrawLine(pen, x, y + _height - (pen.Width / 2), x + _width, y + _height - (pen.Width / 2));
    }
}
