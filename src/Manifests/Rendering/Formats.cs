using System.Globalization;
using Delivery.Manifests.Model;

namespace Delivery.Manifests.Rendering;

/// <summary>How times, money and quantities are written on a manifest (the route's language, the depot's time zone; 24-hour times).</summary>
internal static class Formats
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Time(ManifestRoute route, DateTimeOffset instant) =>
        route.ToLocal(instant).ToString("HH:mm", Invariant);

    public static string Date(ManifestRoute route, DateOnly date) => date.ToString("ddd d MMM yyyy", route.Text.Culture);

    public static string DateTime(ManifestRoute route, DateTimeOffset instant) =>
        route.ToLocal(instant).ToString("yyyy-MM-dd HH:mm", Invariant);

    /// <summary>"14:00–16:00", with the day in front when the window is not on the route's date; "no window" otherwise.</summary>
    public static string Window(ManifestRoute route, ManifestStop stop)
    {
        if (stop is not { WindowStart: { } start, WindowEnd: { } end })
        {
            return route.Text["noWindow"];
        }
        var day = DateOnly.FromDateTime(route.ToLocal(start));
        var prefix = day == route.Date ? "" : day.ToString("d MMM ", route.Text.Culture);
        return $"{prefix}{Time(route, start)}–{Time(route, end)}";
    }

    public static string Money(ManifestRoute route, decimal amount) =>
        amount.ToString("N2", route.Text.Culture) + (route.Currency is { } c ? " " + c : "");

    public static string Quantity(ManifestRoute route, decimal quantity) => quantity.ToString("0.###", route.Text.Culture);

    public static string Number(ManifestRoute route, double value, int decimals) => value.ToString("F" + decimals, route.Text.Culture);
}
