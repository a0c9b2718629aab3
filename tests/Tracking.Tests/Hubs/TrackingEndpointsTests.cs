using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Delivery.Testing;
using Delivery.Tracking.Hubs;
using Delivery.Tracking.Live;
using Delivery.Tracking.Routes;
using Delivery.Tracking.Tests.Support;
using Microsoft.AspNetCore.SignalR.Client;

namespace Delivery.Tracking.Tests.Hubs;

public sealed class TrackingEndpointsTests(TestDatabase db) : IClassFixture<TestDatabase>
{
    private static readonly JsonSerializerOptions Json = Configure();

    private static JsonSerializerOptions Configure()
    {
        var o = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        TrackingServiceCollectionExtensions.ConfigureJson(o);
        return o;
    }

    [Fact]
    public async Task PaperOutcome_ThenCustomerView_ShowsDeliveredAndRefusesBadInputByField()
    {
        await using var day = await DayScenario.CreateAsync(db);
        await using var host = await day.StartHostAsync();
        using var http = new HttpClient { BaseAddress = host.Address };
        var stop = day.Route.Stops[0];

        var bad = await http.PostAsJsonAsync($"/api/v1/routes/{day.Route.RouteId}/stops/{stop.StopId}/paper-outcome",
            new { kind = "failed", occurredAt = DayScenario.Start });
        var ok = await http.PostAsJsonAsync($"/api/v1/routes/{day.Route.RouteId}/stops/{stop.StopId}/paper-outcome",
            new { kind = "delivered", occurredAt = DayScenario.Start.AddMinutes(20) });
        var raw = await http.GetStringAsync($"/api/v1/tracking/{stop.Token}");
        var view = JsonSerializer.Deserialize<CustomerView>(raw, Json);
        var unknown = await http.GetAsync("/api/v1/tracking/nope");
        var reversed = await http.GetAsync("/api/v1/analytics/window-hits?from=2026-12-02&to=2026-12-01");

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("\"reason\"", await bad.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NoContent, ok.StatusCode);
        Assert.Equal(StopStatus.Delivered, view!.Status);
        Assert.Contains("\"status\":\"Delivered\"", raw);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, reversed.StatusCode);
        Assert.Contains("\"to\"", await reversed.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task RouteChangedAsync_CourierConnected_TabletIsTold()
    {
        await using var day = await DayScenario.CreateAsync(db);
        await using var host = await day.StartHostAsync();
        var courier = await host.ConnectAsync("/hubs/courier", day.CourierToken);
        var changed = new TaskCompletionSource<(string, int)>();
        courier.On<string, int>("RouteChanged", (route, version) => changed.TrySetResult((route, version)));

        await host.Get<RouteChangeNotifier>().RouteChangedAsync(day.Route.CourierId, day.Route.RouteId, 2);

        Assert.Equal((day.Route.RouteId, 2), await changed.Task.WaitAsync(TimeSpan.FromSeconds(20)));
    }
}
