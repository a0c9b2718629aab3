using Delivery.CourierApi.Data;
using Delivery.CourierApi.Hosting;
using Delivery.Tracking.Live;
using Delivery.Tracking.Routes;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Delivery.CourierApi.Features.CustomerPage;

/// <summary>The order behind a tracking token with what tracking knows of it now.</summary>
internal sealed record TrackedOrder(
    long OrderId, long DepotId, string OrderStatus, DateOnly Date, string TimeZone, int ServiceSeconds, TrackingTarget? Target, CustomerView? View)
{
    public string Phase => View?.Status switch
    {
        StopStatus.Delivered => "delivered",
        StopStatus.PartlyDelivered => "partly_delivered",
        StopStatus.Failed => "failed",
        StopStatus.Cancelled => "cancelled",
        StopStatus.Arrived => "arrived",
        StopStatus.Open => View.StopsBefore is null ? "planned" : "on_the_way",
        _ => OrderStatus switch
        {
            "delivered" or "partly_delivered" or "failed" or "cancelled" => OrderStatus,
            _ => "ordered",
        },
    };

    public bool IsFinished => Phase is "delivered" or "partly_delivered" or "failed" or "cancelled";
}

/// <summary>An expired link: answers 410 with "link expired", never the order's data.</summary>
internal sealed class LinkExpiredException()
    : DomainException("Link expired", "This tracking link has expired.", StatusCodes.Status410Gone);

/// <summary>
/// Resolves a customer's tracking token. Every unknown token (guessed, malformed, too long, revoked) answers the same
/// 404 with the same words, so a guess learns nothing; a known token past its validity answers 410 "expired".
/// </summary>
internal sealed class TrackingLink(NpgsqlDataSource db, IPublishedRouteSource routes, LiveQuery live, TimeProvider time, IOptions<CustomerPageOptions> options)
{
    public const int MaxTokenLength = 200;

    public async Task<TrackedOrder> ResolveAsync(string token, CancellationToken ct)
    {
        var order = token.Length is 0 or > MaxTokenLength ? null : await db.FirstAsync("""
            SELECT o.id, o.depot_id, o.status, o.plan_date, d.time_zone, o.service_s
            FROM tracking_links l JOIN orders o ON o.id = l.order_id JOIN depots d ON d.id = o.depot_id WHERE l.token_hash = $1
            """, r => new TrackedOrder(r.GetInt64(0), r.GetInt64(1), r.GetString(2), r.Get<DateOnly>(3), r.GetString(4), r.GetInt32(5), null, null), ct, TrackingTokens.Hash(token));
        if (order is null)
        {
            throw new UnknownLinkException();
        }
        if (Today(order.TimeZone) > order.Date.AddDays(options.Value.LinkValidDaysAfterDelivery))
        {
            throw new LinkExpiredException();
        }
        var target = await routes.FindByTrackingTokenAsync(token, ct);
        var view = target is null ? null : await live.CustomerViewAsync(target, ct);
        return order with { Target = target, View = view };
    }

    public DateOnly Today(string timeZone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById(timeZone)).DateTime);
}

/// <summary>The one answer for every token that is not a live link.</summary>
internal sealed class UnknownLinkException()
    : DomainException("Unknown tracking link", "There is no delivery for this link. Check the link in your message.", StatusCodes.Status404NotFound);
