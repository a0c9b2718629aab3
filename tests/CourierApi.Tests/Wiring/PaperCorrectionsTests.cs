using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Delivery.CourierApi.Auth;
using Delivery.CourierApi.Features.Manifests;
using Delivery.CourierApi.Features.Plans;
using Delivery.Manifests.Codes;

namespace Delivery.CourierApi.Tests.Wiring;

/// <summary>
/// Paper outcomes entered on the board by route and stop: the same checks as by stop code, the customer's view follows,
/// and a second, different outcome for a stop is a correction with both values kept.
/// </summary>
public sealed class PaperCorrectionsTests(DeliveryApiFactory api) : IClassFixture<DeliveryApiFactory>
{
    private static readonly DateTimeOffset Handover = new(2026, 12, 1, 10, 30, 0, TimeSpan.Zero);

    [Fact]
    public async Task StopOutcome_ThenCustomerView_ShowsDeliveredAndRefusesBadInputByField()
    {
        var (dispatcher, route, _) = await PublishedRouteAsync();
        var stop = route.Stops[0];
        var token = await api.TrackingTokenAsync(stop.OrderId);
        var anonymous = api.CreateClient();

        var bad = await dispatcher.PostAsJsonAsync($"/api/v1/routes/{route.RouteId}/stops/{stop.OrderId}/paper-outcome",
            new { kind = "failed", occurredAt = Handover });
        var ok = await dispatcher.PostAsJsonAsync($"/api/v1/routes/{route.RouteId}/stops/{stop.OrderId}/paper-outcome",
            new { kind = "delivered", occurredAt = Handover.AddMinutes(20) });
        var raw = await anonymous.GetStringAsync($"/api/v1/tracking/{token}");
        var unknown = await anonymous.GetAsync("/api/v1/tracking/nope");
        var reversed = await dispatcher.GetAsync("/api/v1/analytics/window-hits?from=2026-12-02&to=2026-12-01");

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("\"reason\"", await bad.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NoContent, ok.StatusCode);
        Assert.Contains("\"status\":\"Delivered\"", raw);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, reversed.StatusCode);
        Assert.Contains("\"to\"", await reversed.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task StopOutcome_CorrectedByBoardAndByCode_RecordedWithBothValuesKept()
    {
        var (dispatcher, route, depotId) = await PublishedRouteAsync();
        var stop = route.Stops[1];
        var url = $"/api/v1/routes/{route.RouteId}/stops/{stop.OrderId}/paper-outcome";
        var attemptedBefore = await AttemptedAsync(dispatcher, depotId);

        var first = await dispatcher.PostAsJsonAsync(url, new { kind = "delivered", occurredAt = Handover });
        var same = await dispatcher.PostAsJsonAsync(url, new { kind = "delivered", occurredAt = Handover });
        var corrected = await dispatcher.PostAsJsonAsync(url, new { kind = "failed", occurredAt = Handover, reason = "typed the wrong box" });
        // By stop code, the same stop corrected back: the answer names what it corrected.
        var byCode = await Scenario.Read<List<PaperOutcomeResult>>(await dispatcher.PostAsJsonAsync("/api/v1/paper-outcomes",
            new[] { new PaperOutcomeEntry(new StopCode(route.RouteId, 1, 2).ToString(), "delivered", null, null, Handover.AddMinutes(5)) }));

        Assert.Equal([HttpStatusCode.NoContent, HttpStatusCode.NoContent, HttpStatusCode.NoContent], new[] { first.StatusCode, same.StatusCode, corrected.StatusCode });
        Assert.Equal("failed", Assert.Single(byCode).CorrectedFrom);
        var history = await HistoryAsync(stop.OrderId);
        Assert.Equal(["delivered", "failed", "delivered"], history.Select(h => h.Kind));
        Assert.Equal([history[1].Key, history[2].Key, null], history.Select(h => h.CorrectedBy));
        Assert.Equal([null, history[0].Key, history[1].Key], history.Select(h => h.Corrects));
        Assert.All(history, h => Assert.StartsWith(Roles.Dispatcher, h.EnteredBy));
        // Metrics count the stop once, with its current outcome.
        Assert.Equal(attemptedBefore + 1, await AttemptedAsync(dispatcher, depotId));
    }

    private static async Task<int> AttemptedAsync(HttpClient client, long depotId)
    {
        var hits = await client.GetFromJsonAsync<JsonElement>("/api/v1/analytics/window-hits?from=2026-12-01&to=2026-12-01&timeZone=Europe/Lisbon");
        var key = depotId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return hits.GetProperty("byDepot").EnumerateArray().Where(g => g.GetProperty("key").GetString() == key)
            .Select(g => g.GetProperty("attempted").GetInt32()).SingleOrDefault();
    }

    // One published route for the class (the clock only moves forward): each test takes a stop of its own.
    private static Task<(HttpClient Dispatcher, RouteView Route, long DepotId)>? _published;

    private Task<(HttpClient Dispatcher, RouteView Route, long DepotId)> PublishedRouteAsync() => _published ??= PublishAsync();

    private async Task<(HttpClient Dispatcher, RouteView Route, long DepotId)> PublishAsync()
    {
        var dispatcher = await api.ClientAsAsync(Roles.Dispatcher);
        var (s, plan) = await PublishedPlan.CreateAsync(dispatcher, couriers: 1, orders: 3);
        // The evening after the delivery day: paper comes back (a new sign-in, the earlier token has expired).
        api.Time.SetUtcNow(new DateTimeOffset(2026, 12, 1, 19, 0, 0, TimeSpan.Zero));
        dispatcher = await api.ClientAsAsync(Roles.Dispatcher);
        return (dispatcher, plan.Routes.Single(r => r.Stops.Count > 0), s.Depot.Id);
    }

    private async Task<List<(string Key, string Kind, string? Corrects, string? CorrectedBy, string? EnteredBy)>> HistoryAsync(long orderId)
    {
        await using var command = api.Database.DataSource.CreateCommand(
            "SELECT event_key, kind, corrects, corrected_by, entered_by FROM delivery_events WHERE source = 'paper' AND order_id = $1 ORDER BY id");
        command.Parameters.Add(new Npgsql.NpgsqlParameter { Value = orderId.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        await using var reader = await command.ExecuteReaderAsync();
        var list = new List<(string, string, string?, string?, string?)>();
        while (await reader.ReadAsync())
        {
            list.Add((reader.GetString(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetString(3), reader.IsDBNull(4) ? null : reader.GetString(4)));
        }
        return list;
    }
}
