using Delivery.CourierApi.Hosting;
using Microsoft.Extensions.Options;

namespace Delivery.CourierApi.Features.Orders;

/// <summary>
/// The evening cut-off: orders for date D are accepted until D−1 at <see cref="OrdersOptions.CutOffLocalTime"/> in the
/// depot's time zone.
/// </summary>
internal sealed class CutOff(IOptions<OrdersOptions> options, TimeProvider time)
{
    /// <summary>The configured cut-off, local to the depot, on the evening before the plan date.</summary>
    public TimeOnly LocalTime => options.Value.CutOffLocalTime;

    public DateTimeOffset ClosesAt(DateOnly planDate, TimeZoneInfo zone) =>
        Zones.ToUtc(planDate.AddDays(-1), options.Value.CutOffLocalTime, zone);

    public bool IsOpen(DateOnly planDate, TimeZoneInfo zone) => time.GetUtcNow() < ClosesAt(planDate, zone);

    public string ClosedReason(DateOnly planDate, TimeZoneInfo zone) =>
        $"orders for {planDate:yyyy-MM-dd} closed at {options.Value.CutOffLocalTime:HH\\:mm} {zone.Id} on {planDate.AddDays(-1):yyyy-MM-dd} " +
        $"({ClosesAt(planDate, zone):yyyy-MM-dd'T'HH:mm'Z'})";

    public void EnsureOpen(DateOnly planDate, TimeZoneInfo zone)
    {
        if (!IsOpen(planDate, zone))
        {
            throw new ConflictException("Order cut-off passed", "Orders cannot be added: " + ClosedReason(planDate, zone) + ".");
        }
    }
}
