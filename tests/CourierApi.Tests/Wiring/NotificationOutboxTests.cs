using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Delivery.CourierApi.Auth;
using Delivery.Tracking.Notifications;
using Delivery.Tracking.Routes;
using Delivery.Tracking.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Delivery.CourierApi.Tests.Wiring;

/// <summary>The notification outbox through the real host and a real local webhook: once per event, signed, visible to dispatchers.</summary>
public sealed class NotificationOutboxTests(DeliveryApiFactory api) : IClassFixture<DeliveryApiFactory>
{
    [Fact]
    public async Task Handover_StoredTwiceAndFromPaperToo_NotifiesOnceSigned()
    {
        var dispatcher = await api.ClientAsAsync(Roles.Dispatcher);
        var (_, plan) = await PublishedPlan.CreateAsync(dispatcher, couriers: 1, orders: 2);
        var routeId = plan.Routes.Single(r => r.Stops.Count > 0).RouteId.ToString(CultureInfo.InvariantCulture);
        var route = (await api.Services.GetRequiredService<IPublishedRouteSource>().GetRouteAsync(routeId))!;
        var stop = route.Stops[0];
        var at = new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);
        DeliveryEventRecord Delivered(string key, EventSource source) => new(key, route.CourierId, route.DepotId, route.RouteId, route.PlanVersion,
            stop.StopId, stop.OrderId, DeliveryEventKind.Delivered, at, source, null, null, null, null, stop.WindowStartUtc, stop.WindowEndUtc);
        var events = api.Services.GetRequiredService<DeliveryEventStore>();

        await events.AppendAsync([Delivered("tab-1:e1", EventSource.Tablet)]);
        await events.AppendAsync([Delivered("tab-1:e1", EventSource.Tablet)]);
        await events.AppendAsync([Delivered($"paper:{route.RouteId}:{stop.StopId}", EventSource.Paper)]);

        bool IsDelivered(JsonElement m) => m.TryGetProperty("kind", out var k) && k.GetString() == "delivered"
            && m.GetProperty("orderId").GetString() == stop.OrderId;
        var received = await api.Webhook.WaitForAsync(IsDelivered, 1);
        Assert.Single(received);
        var (signature, body) = api.Webhook.Raw.Single(r => IsDelivered(JsonDocument.Parse(r.Body).RootElement));
        Assert.True(WebhookSignature.Verify(DeliveryApiFactory.WebhookSecret, signature, body, DateTimeOffset.UtcNow, TimeSpan.FromDays(3650)),
            $"signature '{signature}' does not sign the body");
        Assert.False(WebhookSignature.Verify("another-secret", signature, body, DateTimeOffset.UtcNow, TimeSpan.FromDays(3650)));
        var listed = await dispatcher.GetFromJsonAsync<List<OutboxEntry>>($"/api/v1/notifications?orderId={stop.OrderId}");
        var entry = Assert.Single(listed!, e => e.Kind == "delivered");
        Assert.Equal(("sent", 1, "handover"), (entry.Status, entry.Attempts, entry.Cause));
        Assert.Contains(listed!, e => e.Kind == "planned" && e.Status == "sent");
        var analyst = await api.ClientAsAsync(Roles.Analyst);
        Assert.Equal(HttpStatusCode.Forbidden, (await analyst.GetAsync("/api/v1/notifications")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await dispatcher.GetAsync("/api/v1/notifications?status=lost")).StatusCode);
    }
}
