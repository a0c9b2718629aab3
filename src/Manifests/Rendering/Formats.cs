using System.Globalization;
using Delivery.Manifests.Model;

namespace Delivery.Manifests.Rendering;

/// <summary>How times, money and quantities are written on a manifest (invariant culture, depot's time zone).</summary>
internal static class Formats
{
    private static readonly CultureInfo Culture = CultureInfo.InvariantCulture;

    public static string Time(ManifestRoute route, DateTimeOffset instant) =>
        route.ToLocal(instant).ToString("HH:mm", Culture);

    public static string Date(DateOnly date) => date.ToString("ddd d MMM yyyy", Culture);

    public static string DateTime(ManifestRoute route, DateTimeOffset instant) =>
        route.ToLocal(instant).ToString("yyyy-MM-dd HH:mm", Culture);

    /// <summary>"14:00–16:00", with the day in front when the window is not on the route's date; "no window" otherwise.</summary>
    public static string Window(ManifestRoute route, ManifestStop stop)
    {
        if (stop is not { WindowStart: { } start, WindowEnd: { } end })
        {
            return "no window";
        }
        var day = DateOnly.FromDateTime(route.ToLocal(start));
        var prefix = day == route.Date ? "" : day.ToString("d MMM ", Culture);
        return $"{prefix}{Time(route, start)}–{Time(route, end)}";
    }

    public static string Money(ManifestRoute route, decimal amount) =>
        amount.ToString("N2", Culture) + (route.Currency is { } c ? " " + c : "");

    public static string Quantity(decimal quantity) => quantity.ToString("0.###", Culture);

    public static string Number(double value, int decimals) => value.ToString("F" + decimals, Culture);
}
