using System.Net.Http.Json;
using Delivery.CourierApi.Data;
using Delivery.CourierApi.Hosting;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;

namespace Delivery.CourierApi.Features.Plans;

/// <summary>The webhook body sent when a customer's delivery is planned (or re-planned to another window).</summary>
public sealed record DeliveryPlannedNotification(string Event, long OrderId, string ShopOrderId, string CustomerName, string? CustomerPhone,
    DateTimeOffset WindowStart, DateTimeOffset WindowEnd, string Message, string TrackingUrl);

/// <summary>
/// After a publish, POSTs "your delivery is planned for 10:00–12:00" to the configured webhook for every order whose
/// planned window the customer has not been told yet. A failing webhook is logged and retried on the next publish;
/// it never undoes the publish.
/// </summary>
internal sealed partial class PublishNotifier(NpgsqlDataSource db, IHttpClientFactory http, IOptions<NotificationOptions> options,
    ILogger<PublishNotifier> log)
{
    public const string HttpClientName = "webhooks";

    public async Task<int> NotifyPlannedAsync(PlanVersionView version, CancellationToken ct)
    {
        var url = options.Value.WebhookUrl;
        if (string.IsNullOrEmpty(url))
        {
            return 0;
        }
        var zone = Zones.Find(await db.ScalarAsync<string>("SELECT time_zone FROM depots WHERE id = $1", version.DepotId));
        var pending = await db.ListAsync("""
            SELECT o.id, o.shop_order_id, o.customer_name, o.customer_phone, o.tracking_token,
                   coalesce(w.win, tstzrange(s.planned_service_start - interval '1 hour', s.planned_service_start + interval '1 hour', '[]'))
            FROM stops s JOIN routes r ON r.id = s.route_id JOIN orders o ON o.id = s.order_id
            LEFT JOIN LATERAL (SELECT x AS win FROM unnest(o.windows) x ORDER BY lower(x) OFFSET greatest(s.window_index, 0) LIMIT 1) w ON s.window_index >= 0
            WHERE r.plan_version_id = $1
            """, r => (Id: r.GetInt64(0), Shop: r.GetString(1), Name: r.GetString(2), Phone: r.OptString(3), Token: r.GetString(4),
                Window: r.Get<NpgsqlRange<DateTime>>(5)), version.Id);
        var client = http.CreateClient(HttpClientName);
        var sent = 0;
        await Parallel.ForEachAsync(pending, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = ct }, async (o, token) =>
        {
            var (start, end) = (new DateTimeOffset(o.Window.LowerBound, TimeSpan.Zero), new DateTimeOffset(o.Window.UpperBound, TimeSpan.Zero));
            var changed = await db.ExecAsync("""
                UPDATE orders SET notified_window = $2 WHERE id = $1 AND notified_window IS DISTINCT FROM $2
                """, o.Id, o.Window);
            if (changed == 0)
            {
                return;
            }
            var body = new DeliveryPlannedNotification("delivery.planned", o.Id, o.Shop, o.Name, o.Phone, start, end,
                $"Your delivery is planned for {Zones.FormatWindow(start, end, zone)}.", options.Value.TrackingBaseUrl + o.Token);
            try
            {
                using var response = await client.PostAsJsonAsync(url, body, token);
                response.EnsureSuccessStatusCode();
                Interlocked.Increment(ref sent);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Forget the window so the next publish tries again.
                await db.ExecAsync("UPDATE orders SET notified_window = NULL WHERE id = $1", o.Id);
                LogWebhookFailed(e, o.Id);
            }
        });
        return sent;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Notification webhook failed for order {OrderId}")]
    private partial void LogWebhookFailed(Exception e, long orderId);
}
