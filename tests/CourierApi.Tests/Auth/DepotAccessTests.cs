using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Delivery.CourierApi.Auth;
using Delivery.CourierApi.Features.Fleet;
using Delivery.CourierApi.Features.Manifests;
using Delivery.CourierApi.Features.Plans;
using Delivery.CourierApi.Tests.Wiring;
using Delivery.Manifests.Codes;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace Delivery.CourierApi.Tests.Auth;

/// <summary>A dispatcher or analyst works for some depots: every object of another depot is refused, by REST and by hub.</summary>
public sealed class DepotAccessTests(DeliveryApiFactory api) : IClassFixture<DeliveryApiFactory>
{
    private static readonly string Date = DeliveryApiFactory.PlanDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task OtherDepotsObjects_ScopedDispatcher_Are403ProblemsAndDepotListIsOwn()
    {
        var mine = await api.ClientAsAsync(Roles.Dispatcher, depots: []);
        var other = await api.ClientAsAsync(Roles.Dispatcher, depots: []);
        var (theirs, plan) = await PublishedPlan.CreateAsync(other, couriers: 1, orders: 4);
        var own = await Scenario.CreateAsync(mine, couriers: 1);
        var route = plan.Routes.First(r => r.Stops.Count > 0);
        var (depot, courier, order) = (theirs.Depot.Id, theirs.Couriers[0].Id, route.Stops[0].OrderId);
        var device = await Scenario.Read<DeviceTokenResponse>(await other.PostAsJsonAsync($"/api/v1/couriers/{courier}/devices", new IssueDeviceRequest("tablet")));
        var job = (long)(await api.Database.ScalarAsync($"SELECT max(id) FROM planning_jobs WHERE depot_id = {depot}"))!;

        string[] reads =
        [
            $"/api/v1/depots/{depot}", $"/api/v1/depots/{depot}/orders?date={Date}", $"/api/v1/orders/{order}",
            $"/api/v1/depots/{depot}/vehicles", $"/api/v1/depots/{depot}/couriers", $"/api/v1/depots/{depot}/shifts?date={Date}",
            $"/api/v1/couriers/{courier}/devices", $"/api/v1/depots/{depot}/plans/{Date}", $"/api/v1/plan-versions/{plan.Id}",
            $"/api/v1/plan-versions/{plan.Id}/geojson", $"/api/v1/depots/{depot}/plans/{Date}/geojson", $"/api/v1/planning-jobs/{job}", $"/api/v1/routes/{route.RouteId}/manifest.pdf",
            $"/api/v1/plan-versions/{plan.Id}/manifests.pdf", $"/api/v1/analytics/window-hits?from={Date}&to={Date}&depotId={depot}",
            $"/api/v1/depots/{depot}/callbacks", $"/api/v1/notifications?depotId={depot}",
        ];
        foreach (var url in reads)
        {
            await AssertNotYourDepotAsync(await mine.GetAsync(url), url);
        }
        var writes = new (HttpMethod Method, string Url)[]
        {
            (HttpMethod.Post, $"/api/v1/depots/{depot}/plans?date={Date}"), (HttpMethod.Post, $"/api/v1/plan-versions/{plan.Id}/publish"),
            (HttpMethod.Put, $"/api/v1/routes/{route.RouteId}/lock"), (HttpMethod.Put, $"/api/v1/orders/{order}/pin"),
            (HttpMethod.Delete, $"/api/v1/devices/{device.DeviceId}"), (HttpMethod.Post, $"/api/v1/couriers/{courier}/pairing-codes"),
            (HttpMethod.Put, $"/api/v1/couriers/{courier}/shifts/{Date}"), (HttpMethod.Post, $"/api/v1/depots/{depot}/vehicles"),
            (HttpMethod.Post, $"/api/v1/planning-jobs/{job}/cancel"),
        };
        foreach (var (method, url) in writes)
        {
            await AssertNotYourDepotAsync(await mine.SendAsync(new HttpRequestMessage(method, url) { Content = JsonContent.Create(new { }) }), url);
        }

        var depots = await mine.GetFromJsonAsync<List<DepotResponse>>("/api/v1/depots");
        Assert.Equal([own.Depot.Id], depots!.Select(d => d.Id));
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync($"/api/v1/orders/{order}")).StatusCode);
        // A paper code of another depot's route is refused like an unknown one.
        var code = new StopCode(route.RouteId, plan.Number, 1).ToString();
        var paper = await mine.PostAsJsonAsync("/api/v1/paper-outcomes", new[] { new PaperOutcomeEntry(code, "delivered", null, null, DeliveryApiFactory.Start) });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, paper.StatusCode);
        Assert.Contains("does not exist", await paper.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Hubs_OtherDepot_JoinDepotAndWatchDepotRefused()
    {
        var other = await api.ClientAsAsync(Roles.Dispatcher, depots: []);
        var theirs = await Scenario.CreateAsync(other, couriers: 1);
        var mine = await api.ClientAsAsync(Roles.Dispatcher, depots: []);
        var own = await Scenario.CreateAsync(mine, couriers: 1);
        var token = mine.DefaultRequestHeaders.Authorization!.Parameter!;

        await using var live = Connection("/hubs/live", token);
        await live.StartAsync();
        var join = await Assert.ThrowsAsync<HubException>(() => live.InvokeAsync<JsonElement>("JoinDepot", theirs.Depot.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Contains("depot", join.Message, StringComparison.OrdinalIgnoreCase);
        await live.InvokeAsync<JsonElement>("JoinDepot", own.Depot.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));

        await using var planning = Connection(PlanningHub.Path, token);
        await planning.StartAsync();
        var watch = await Assert.ThrowsAsync<HubException>(() => planning.InvokeAsync("WatchDepot", theirs.Depot.Id));
        Assert.Contains(theirs.Depot.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), watch.Message);
        await planning.InvokeAsync("WatchDepot", own.Depot.Id);
    }

    private static async Task AssertNotYourDepotAsync(HttpResponseMessage response, string url)
    {
        Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Not your depot", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
    }

    private HubConnection Connection(string path, string token) => new HubConnectionBuilder()
        .WithUrl(new Uri(api.Server.BaseAddress, path.TrimStart('/')), o =>
        {
            o.HttpMessageHandlerFactory = _ => api.Server.CreateHandler();
            o.Transports = HttpTransportType.LongPolling;
            o.AccessTokenProvider = () => Task.FromResult<string?>(token);
        })
        .Build();
}
