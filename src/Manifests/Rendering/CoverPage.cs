using System.Globalization;
using Delivery.Manifests.Layout;
using Delivery.Manifests.Model;
using PdfSharp.Drawing;

namespace Delivery.Manifests.Rendering;

/// <summary>The cover: route facts, the sketch and the dispatcher's phone; then the stop list (a table that may break).</summary>
internal sealed class CoverPage(ManifestRoute route, ManifestStyle style)
{
    public Block Head() => new Stack(
    [
        new TextBlock([new Span("Route manifest  ", style.Heading), new Span(route.RouteName, style.Title)]),
        new Row(
        [
            new(Facts(
                ("Courier", route.CourierName),
                ("Vehicle", route.Vehicle),
                ("Date", Formats.Date(route.Date)),
                ("Depot", $"{route.Depot.Name}, {route.Depot.Address}" + (route.Depot.Phone is { } p ? $", tel. {p}" : "")),
                ("Start", $"{Formats.Time(route, route.StartTime)} ({route.TimeZoneId})")), Share: 1.3),
            new(Facts(
                ("Stops", route.Stops.Count.ToString(CultureInfo.InvariantCulture)),
                ("Planned", $"{Formats.Number(route.PlannedKm, 1)} km, {Formats.Number(route.PlannedHours, 1)} h"),
                ("Plan version", route.PlanVersion.ToString(CultureInfo.InvariantCulture)),
                ("Printed", $"{Formats.DateTime(route, route.PrintedAt)}")), Share: 1),
        ], gap: 12),
        new Boxed(new TextBlock([new Span("Dispatcher: ", style.Heading), new Span(route.DispatcherPhone, style.Heading),
            new Span("   — call if the tablet fails; carry on with this manifest and tick each stop.", style.Body)]), 5, 1.5),
    ], gap: 8);

    public Block Sketch(double height) => new Canvas(height, (g, box) => RouteSketch.Draw(g, box, route, style));

    public Table StopList() => new(
        [
            new("#", 0.5, XStringAlignment.Far),
            new("Arrive", 0.9),
            new("Window", 1.6),
            new("Customer", 3),
            new("Address", 5.5),
            new("Phone", 2.4),
            new("Collect", 1.6, XStringAlignment.Far),
        ],
        [.. route.Stops.Select(s => (IReadOnlyList<string>)
        [
            s.Sequence.ToString(CultureInfo.InvariantCulture), Formats.Time(route, s.PlannedArrival), Formats.Window(route, s),
            s.CustomerName, s.Address, s.Phone ?? "", s.AmountToCollect > 0 ? Formats.Money(route, s.AmountToCollect) : "—",
        ])],
        style.Table);

    public Block RunningHead() => new Stack(
    [
        new TextBlock([new Span(route.RouteName, style.BodyBold), new Span($"  ·  {route.CourierName}  ·  {Formats.Date(route.Date)}  ·  ", style.Small),
            new Span("Dispatcher " + route.DispatcherPhone, style.SmallBold)]),
        new Canvas(1.5, (g, box) => g.DrawLine(new XPen(XColors.Black, 0.8), box.Left, box.Top + 0.75, box.Right, box.Top + 0.75)),
    ], gap: 2);

    public string Footer() =>
        $"{route.RouteName} · plan v{route.PlanVersion} · printed {Formats.DateTime(route, route.PrintedAt)} ({route.TimeZoneId})";

    private Block Facts(params (string Label, string Value)[] facts) => new Stack(
        [.. facts.Select(f => (Block)new Row(
        [
            new(new TextBlock(f.Label, style.Body), Fixed: 62),
            new(new TextBlock(f.Value, style.BodyBold), Share: 1),
        ], gap: 4))], gap: 2);
}
