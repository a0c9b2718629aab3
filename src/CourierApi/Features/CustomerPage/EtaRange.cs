namespace Delivery.CourierApi.Features.CustomerPage;

/// <summary>
/// The ETA a customer is told, as a narrow range that narrows as the courier gets closer (DPD shows one hour in the
/// morning, 30 minutes later): next stop −5/+10 min, up to three stops before −5/+15, further −10/+20; the ends rounded
/// outward to 5 minutes and never before the window starts (an early courier waits for the window). The page, the
/// server-rendered first paint and the API show this one range.
/// </summary>
internal static class EtaRange
{
    private static readonly long Five = TimeSpan.FromMinutes(5).Ticks;

    public static (DateTimeOffset From, DateTimeOffset To) Of(DateTimeOffset arrival, int? stopsBefore, DateTimeOffset? windowStart)
    {
        var eta = windowStart is { } start && arrival < start ? start : arrival;
        var (before, after) = (stopsBefore ?? 99) switch
        {
            0 => (5, 10),
            <= 3 => (5, 15),
            _ => (10, 20),
        };
        var from = Floor(eta.AddMinutes(-before));
        var to = Ceiling(eta.AddMinutes(after));
        return (windowStart is { } s && from < s ? s : from, to);
    }

    private static DateTimeOffset Floor(DateTimeOffset t) => new(t.UtcTicks - t.UtcTicks % Five, TimeSpan.Zero);

    private static DateTimeOffset Ceiling(DateTimeOffset t) => t.UtcTicks % Five == 0 ? t.ToUniversalTime() : Floor(t).AddTicks(Five);
}
