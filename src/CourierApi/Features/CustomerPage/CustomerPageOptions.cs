using System.ComponentModel.DataAnnotations;

namespace Delivery.CourierApi.Features.CustomerPage;

/// <summary>The customer's tracking page: how long a link works, how hard it may be hit, which windows are offered.</summary>
public sealed class CustomerPageOptions
{
    public const string Section = "CustomerPage";

    /// <summary>Days after the delivery day (depot calendar) during which the link still answers; then "expired".</summary>
    [Range(0, 90)]
    public int LinkValidDaysAfterDelivery { get; set; } = 7;

    /// <summary>Requests per minute one address may make to the public tracking endpoints (fixed window).</summary>
    [Range(1, 100_000)]
    public int PermitsPerMinute { get; set; } = 120;

    /// <summary>
    /// Anonymous hub connections (negotiations, or WebSocket connections without one) per minute from one address, on
    /// every hub: customers' pages connect anonymously, so a flood of connections is cut off before any hub method runs.
    /// </summary>
    [Range(1, 100_000)]
    public int AnonymousHubConnectionsPerMinute { get; set; } = 120;

    /// <summary>Length of a window offered when the promised one cannot be met, minutes.</summary>
    [Range(15, 480)]
    public int OfferedWindowMinutes { get; set; } = 120;

    /// <summary>At most this many later windows are offered.</summary>
    [Range(1, 10)]
    public int MaxOfferedWindows { get; set; } = 3;

    /// <summary>Days ahead a customer may ask for when choosing another day.</summary>
    [Range(1, 30)]
    public int AnotherDayHorizonDays { get; set; } = 7;
}
