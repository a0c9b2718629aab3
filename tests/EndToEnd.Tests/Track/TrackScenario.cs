using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Delivery.CourierApi.Features.Fleet;
using Delivery.CourierApi.Features.Orders;
using Delivery.CourierApi.Features.Plans;
using Delivery.Tracking.Hubs;
using Delivery.Tracking.Ingest;
using Microsoft.AspNetCore.SignalR.Client;

namespace Delivery.EndToEnd.Tests.Track;

/// <summary>
/// One courier's published route on the plan date, built through the API as a dispatcher would (depot in Porto
/// centre, one van, one courier 08:00–18:00), with the courier's tablet on the courier hub sending scripted batches.
/// </summary>
internal sealed class TrackScenario : IAsyncDisposable
{
    private long _seq;
    private HubConnection? _tablet;

    private TrackScenario(BoardHost host, HttpClient dispatcher)
    {
        Host = host;
        Dispatcher = dispatcher;
    }

    public BoardHost Host { get; }

    public HttpClient Dispatcher { get; }

    public DepotResponse Depot { get; private set; } = null!;

    public RouteView Route { get; private set; } = null!;

    public Dictionary<string, OrderResponse> Orders { get; } = [];

    public static readonly DateOnly Date = DateOnly.Parse(BoardHost.PlanDate, CultureInfo.InvariantCulture);

    /// <summary>A stop to create: shop order id, position, window in whole hours of the depot's day (Lisbon = UTC in December).</summary>
    public sealed record Stop(string Id, double Lat, double Lon, int FromHour, int ToHour);

    public static async Task<TrackScenario> CreateAsync(BoardHost host, params Stop[] stops)
    {
        var dispatcher = await DispatcherAsync(host);
        var s = new TrackScenario(host, dispatcher);
        s.Depot = await Read<DepotResponse>(await dispatcher.PostAsJsonAsync("/api/v1/depots",
            new CreateDepotRequest("trk-" + Guid.NewGuid().ToString("N")[..6], "Porto centre", "Praça da Liberdade", 41.1466, -8.6110, "Europe/Lisbon")));
        var van = await Read<VehicleResponse>(await dispatcher.PostAsJsonAsync($"/api/v1/depots/{s.Depot.Id}/vehicles",
            new CreateVehicleRequest("van", new LoadDto(500_000, 2_000_000, 40), [])));
        var courier = await Read<CourierResponse>(await dispatcher.PostAsJsonAsync($"/api/v1/depots/{s.Depot.Id}/couriers",
            new CreateCourierRequest("Rui", "+351900000000", null)));
        (await dispatcher.PutAsJsonAsync($"/api/v1/couriers/{courier.Id}/shifts/{BoardHost.PlanDate}",
            new ShiftRequest(van.Id, new TimeOnly(8, 0), new TimeOnly(18, 0), null, null, null))).EnsureSuccessStatusCode();
        foreach (var stop in stops)
        {
            var day = Date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            var order = await Read<OrderResponse>(await dispatcher.PostAsJsonAsync($"/api/v1/depots/{s.Depot.Id}/orders", new CreateOrderRequest(
                stop.Id, Date, $"Rua {stop.Id}, Porto", stop.Lat, stop.Lon, $"Customer {stop.Id}",
                [new WindowDto(day.AddHours(stop.FromHour), day.AddHours(stop.ToHour))], Items: [new OrderItemDto("Bread", 2, 1.2m)])));
            s.Orders[stop.Id] = order;
        }
        var job = await Read<JobResponse>(await dispatcher.PostAsync($"/api/v1/depots/{s.Depot.Id}/plans?date={BoardHost.PlanDate}&timeLimitSeconds=2", null));
        var until = DateTime.UtcNow.AddMinutes(3);
        while (job.Status is not ("succeeded" or "failed" or "cancelled") && DateTime.UtcNow < until)
        {
            await Task.Delay(200);
            job = (await dispatcher.GetFromJsonAsync<JobResponse>($"/api/v1/planning-jobs/{job.Id}"))!;
        }
        Assert.Equal("succeeded", job.Status);
        var plan = await Read<PlanVersionView>(await dispatcher.PostAsync($"/api/v1/plan-versions/{job.ResultVersionId}/publish", null));
        s.Route = plan.Routes.Single(r => r.Stops.Count > 0);
        Assert.Equal(stops.Length, s.Route.Stops.Count);
        var device = await Read<DeviceTokenResponse>(await dispatcher.PostAsJsonAsync($"/api/v1/couriers/{courier.Id}/devices", new IssueDeviceRequest("tablet")));
        s._tablet = TrackingHubConnection.Build(new Uri(host.BaseUrl + "/hubs/courier"), device.Token, HubWireProtocol.Json);
        return s;
    }

    public string Token(string id) => Orders[id].TrackingToken!;

    public long OrderId(string id) => Orders[id].Id;

    /// <summary>Moves the host's clock to <paramref name="hhmm"/> UTC of the plan date (never back).</summary>
    public void At(string hhmm)
    {
        var to = Date.ToDateTime(TimeOnly.Parse(hhmm, CultureInfo.InvariantCulture), DateTimeKind.Utc);
        if (to > Host.Time.GetUtcNow().UtcDateTime)
        {
            Host.Time.SetUtcNow(new DateTimeOffset(to));
        }
    }

    /// <summary>The tablet sends a fix taken now (host clock) and the events, as one batch; returns the acknowledgement.</summary>
    public async Task<BatchAck> SendAsync(double lat, double lon, params (string StopOrder, string Kind)[] events)
    {
        if (_tablet!.State == HubConnectionState.Disconnected)
        {
            await _tablet.StartAsync();
        }
        var now = Host.Time.GetUtcNow();
        var reports = events.Select(e => new CourierEventReport(Guid.NewGuid().ToString("N"), OrderId(e.StopOrder).ToString(CultureInfo.InvariantCulture), e.Kind, now)).ToList();
        var ack = await _tablet.InvokeAsync<BatchAck>("SendPositions", new CourierBatch(null, [new PositionReport(++_seq, now, lat, lon, 5)], reports));
        Assert.Equal(1, ack.PositionsAccepted);
        Assert.Equal(reports.Count, ack.EventsAccepted.Count);
        return ack;
    }

    public async ValueTask DisposeAsync()
    {
        if (_tablet is not null)
        {
            await _tablet.DisposeAsync();
        }
        Dispatcher.Dispose();
    }

    /// <summary>Signs the dispatcher in again: bearer tokens live 12 hours of the host's clock, which the tests move on.</summary>
    public async Task<HttpClient> DispatcherNowAsync()
    {
        await SignInAsync(Dispatcher);
        return Dispatcher;
    }

    public static async Task<HttpClient> DispatcherAsync(BoardHost host)
    {
        var client = new HttpClient { BaseAddress = new Uri(host.BaseUrl) };
        await SignInAsync(client);
        return client;
    }

    private static async Task SignInAsync(HttpClient client)
    {
        var signIn = await Read<JsonElement>(await client.PostAsJsonAsync("/api/v1/auth/sign-in", new { userName = "demo", password = "demo-password" }));
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", signIn.GetProperty("accessToken").GetString());
    }

    public static async Task<T> Read<T>(HttpResponseMessage response)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"{(int)response.StatusCode} {response.RequestMessage?.RequestUri}: {await response.Content.ReadAsStringAsync()}");
        }
        return (await response.Content.ReadFromJsonAsync<T>())!;
    }
}
