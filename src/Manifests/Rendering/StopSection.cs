using Delivery.Manifests.Codes;
using Delivery.Manifests.Layout;
using Delivery.Manifests.Model;
using PdfSharp.Drawing;

namespace Delivery.Manifests.Rendering;

/// <summary>
/// The blocks of one stop: head (sequence, times, customer, stop code), items table, and the outcome part
/// (tick boxes, reason, handover time, signature). Framed as one block so it never splits across pages.
/// </summary>
internal sealed class StopSection(ManifestRoute route, ManifestStop stop, ManifestStyle style)
{
    private readonly ManifestCatalogue _t = route.Text;

    private const double Padding = 6;
    private const double QrSize = 64;

    public StopCode Code { get; } = new(route.RouteId, route.PlanVersion, stop.Sequence);

    /// <summary>The whole stop in a frame, kept together on one page.</summary>
    public Block Whole() => new Boxed(new Stack([Head(), .. ItemsTable() is { } t ? [t] : Array.Empty<Block>(), Outcome()], gap: 5), Padding, 1.2);

    /// <summary>The head part alone (for a stop too long for one page, whose items then break across pages).</summary>
    public Block Head() => new Stack(
    [
        HeadRow(),
        .. stop.DeliveryNotes is { } notes
            ? [new Boxed(new TextBlock([new Span(_t["notes"], style.BodyBold), new Span(notes, style.Body)]), 3, 0.6)]
            : Array.Empty<Block>(),
    ], gap: 4);

    private Row HeadRow() => new(
    [
        new(new TextBlock(stop.Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture), style.Sequence), Fixed: 34),
        new(new Stack(
        [
            new TextBlock([new Span(_t["arriveApprox"], style.Body), new Span(Formats.Time(route, stop.PlannedArrival), style.BodyBold),
                new Span(_t["order"], style.Body), new Span(stop.OrderId, style.BodyBold)]),
            new TextBlock(stop.CustomerName, style.Name),
            new TextBlock(stop.Address, style.Body),
            new TextBlock([new Span(_t["phone"], style.BodyBold), new Span(stop.Phone ?? "—", style.Body)]),
        ], gap: 2), Share: 1),
        new(new Stack(
        [
            new TextBlock(_t["promisedWindow"], style.SmallBold, XStringAlignment.Center),
            new Boxed(new TextBlock(Formats.Window(route, stop), style.Window, XStringAlignment.Center), 4, 2.2),
            new TextBlock(Collect(), style.BodyBold, XStringAlignment.Center),
        ], gap: 3), Fixed: 118),
        new(new Stack(
        [
            new QrBlock(Code.Compact, QrSize),
            new TextBlock(Code.ToString(), style.Code, XStringAlignment.Center),
        ], gap: 1), Fixed: QrSize + 6),
    ]);

    /// <summary>The items table, or null when the order lists no items.</summary>
    public Table? ItemsTable() => stop.Items.Count == 0 ? null : new Table(
        [
            new(_t["itemQty"], 0.7, XStringAlignment.Far),
            new(_t["itemName"], 6),
            new(_t["itemUnitPrice"], 1.4, XStringAlignment.Far),
            new(_t["itemTotal"], 1.4, XStringAlignment.Far),
            new(_t["itemRefused"], 1.3, XStringAlignment.Center),
        ],
        [.. stop.Items.Select(i => (IReadOnlyList<string>)
            [Formats.Quantity(route, i.Quantity), i.Name, Formats.Money(route, i.UnitPrice), Formats.Money(route, i.LineTotal), "____"])],
        style.Table);

    /// <summary>Tick boxes, reason line, handover time line and signature box.</summary>
    public Block Outcome() => new Canvas(46, (g, box) =>
    {
        var pen = new XPen(XColors.Black, 0.8);
        var x = box.X;
        var y1 = box.Y + 12;
        foreach (var label in (ReadOnlySpan<string>)[_t["delivered"], _t["partly"], _t["failed"]])
        {
            g.DrawRectangle(pen, x, y1 - 9, 10, 10);
            g.DrawString(label, style.Body, XBrushes.Black, x + 14, y1, XStringFormats.BaseLineLeft);
            x += 22 + g.MeasureString(label, style.Body).Width;
        }
        g.DrawString(_t["reason"], style.Body, XBrushes.Black, x, y1, XStringFormats.BaseLineLeft);
        var reasonX = x + g.MeasureString(_t["reason"] + " ", style.Body).Width;
        g.DrawLine(pen, reasonX, y1 + 1, box.Right, y1 + 1);

        var y2 = box.Y + 38;
        g.DrawString(_t["handover"], style.Body, XBrushes.Black, box.X, y2, XStringFormats.BaseLineLeft);
        var tx = box.X + g.MeasureString(_t["handover"] + " ", style.Body).Width;
        g.DrawLine(pen, tx, y2 + 1, tx + 28, y2 + 1);
        g.DrawString(":", style.Body, XBrushes.Black, tx + 30, y2, XStringFormats.BaseLineLeft);
        g.DrawLine(pen, tx + 36, y2 + 1, tx + 64, y2 + 1);
        var sx = box.X + (box.Width * 0.42);
        g.DrawString(_t["signature"], style.Body, XBrushes.Black, sx, y2, XStringFormats.BaseLineLeft);
        var boxX = sx + g.MeasureString(_t["signature"] + " ", style.Body).Width;
        g.DrawRectangle(pen, boxX, box.Y + 18, box.Right - boxX, box.Height - 18);
    });

    private string Collect() =>
        stop.AmountToCollect > 0 ? _t["collect", ("amount", Formats.Money(route, stop.AmountToCollect))] : _t["prepaid"];
}
