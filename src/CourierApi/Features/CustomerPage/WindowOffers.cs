namespace Delivery.CourierApi.Features.CustomerPage;

/// <summary>
/// Which later windows an at-risk order may move to without moving anyone else: the route keeps its sequence and timing,
/// so a window is feasible when the predicted arrival plus the service time ends at least the at-risk margin before the
/// window's end, and the window has already started by the predicted arrival (the courier never waits for it, so no
/// later stop is delayed). Windows start on whole and half hours of the depot's clock.
/// </summary>
internal static class WindowOffers
{
    public static IReadOnlyList<WindowOption> Later(DateTimeOffset eta, DateTimeOffset? currentStart, TimeSpan service, TimeSpan margin,
        TimeSpan length, int max, TimeZoneInfo zone)
    {
        var latestStart = Floor(eta, zone);
        var offers = new List<WindowOption>();
        for (var start = latestStart; offers.Count < max * 4 && start > eta - length; start = start.AddMinutes(-30))
        {
            var end = start + length;
            if (eta + service <= end - margin && (currentStart is null || start > currentStart))
            {
                offers.Add(new WindowOption(start, end));
            }
        }
        return offers.OrderBy(o => o.StartUtc).Take(max).ToList();
    }

    /// <summary>The whole or half hour of the depot's clock at or before <paramref name="instant"/>, as UTC.</summary>
    private static DateTimeOffset Floor(DateTimeOffset instant, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(instant, zone);
        var hour = new DateTime(local.Year, local.Month, local.Day, local.Hour, local.Minute < 30 ? 0 : 30, 0, DateTimeKind.Unspecified);
        return new DateTimeOffset(hour, zone.GetUtcOffset(hour)).ToUniversalTime();
    }
}
