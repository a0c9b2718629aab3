using System.Globalization;
using Delivery.Manifests.Layout;
using Delivery.Manifests.Model;
using PdfSharp.Drawing;

namespace Delivery.Manifests.Rendering;

/// <summary>The cover: route facts, the sketch and the dispatcher's phone; then the stop list (a table that may break).</summary>
internal sealed class CoverPage(ManifestRoute route, ManifestStyle style)
{
    private readonly ManifestCatalogue _t = route.Text;

    public Block Head() => new Stack(
    [
        new TextBlock([new Span(_t["title"] + "  ", style.Heading), new Span(route.RouteName, style.Title)]),
        new Row(
        [
            new(Facts(
                (_t["courier"], route.CourierName),
                (_t["vehicle"], route.Vehicle),
                (_t["date"], Formats.Date(route, route.Date)),
                (_t["depot"], $"{route.Depot.Name}, {route.Depot.Address}" + (route.Depot.Phone is { } p ? $", {_t["tel"]} {p}" : "")),
                (_t["start"], $"{Formats.Time(route, route.StartTime)} ({route.TimeZoneId})")), Share: 1.3),
            new(Facts(
                (_t["stops"], route.Stops.Count.ToString(CultureInfo.InvariantCulture)),
                (_t["planned"], _t["plannedValue", ("km", Formats.Number(route, route.PlannedKm, 1)), ("hours", Formats.Number(route, route.PlannedHours, 1))]),
                (_t["planVersion"], route.PlanVersion.ToString(CultureInfo.InvariantCulture)),
                (_t["printed"], $"{Formats.DateTime(route, route.PrintedAt)}")), Share: 1),
        ], gap: 12),
        new Boxed(new TextBlock([new Span(_t["dispatcher"], style.Heading), new Span(route.DispatcherPhone, style.Heading),
            new Span(_t["dispatcherHint"], style.Body)]), 5, 1.5),
    ], gap: 8);

    public Block Sketch(double height) => new Canvas(height, (g, box) => RouteSketch.Draw(g, box, route, style));

    public Table StopList() => new(
        [
            new("#", 0.5, XStringAlignment.Far),
            new(_t["colArrive"], 1.15), // wide enough for "Приезд" on one line
            new(_t["colWindow"], 1.6),
            new(_t["colCustomer"], 3),
            new(_t["colAddress"], 5.25),
            new(_t["colPhone"], 2.4),
            new(_t["colCollect"], 1.6, XStringAlignment.Far),
        ],
        [.. route.Stops.Select(s => (IReadOnlyList<string>)
        [
            s.Sequence.ToString(CultureInfo.InvariantCulture), Formats.Time(route, s.PlannedArrival), Formats.Window(route, s),
            s.CustomerName, s.Address, s.Phone ?? "", s.AmountToCollect > 0 ? Formats.Money(route, s.AmountToCollect) : "—",
        ])],
        style.Table);

    public Block RunningHead() => new Stack(
    [
        new TextBlock([new Span(route.RouteName, style.BodyBold), new Span($"  ·  {route.CourierName}  ·  {Formats.Date(route, route.Date)}  ·  ", style.Small),
            new Span(_t["runningDispatcher"] + " " + route.DispatcherPhone, style.SmallBold)]),
        new Canvas(1.5, (g, box) => g.DrawLine(new XPen(XColors.Black, 0.8), box.Left, box.Top + 0.75, box.Right, box.Top + 0.75)),
    ], gap: 2);

    public string Footer() => _t["footer", ("route", route.RouteName), ("version", route.PlanVersion),
        ("printed", Formats.DateTime(route, route.PrintedAt)), ("zone", route.TimeZoneId)];

    private Block Facts(params (string Label, string Value)[] facts) => new Stack(
        [.. facts.Select(f => (Block)new Row(
        [
            new(new TextBlock(f.Label, style.Body), Fixed: 76),
            new(new TextBlock(f.Value, style.BodyBold), Share: 1),
        ], gap: 4))], gap: 2);
}
