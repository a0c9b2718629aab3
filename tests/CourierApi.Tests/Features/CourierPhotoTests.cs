using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Delivery.CourierApi.Auth;
using Delivery.CourierApi.Features.Courier;
using Delivery.CourierApi.Features.Fleet;
using Delivery.CourierApi.Features.Plans;
using Delivery.CourierApi.Tests.Wiring;
using Delivery.Tracking.Ingest;
using Microsoft.AspNetCore.SignalR.Client;

namespace Delivery.CourierApi.Tests.Features;

/// <summary>Proof photos: uploaded by the tablet for its own acknowledged outcome, bounded, idempotent, fetched by dispatchers.</summary>
public sealed class CourierPhotoTests : IAsyncLifetime
{
    private readonly DeliveryApiFactory api = new();
    private static readonly DateTimeOffset Morning = new(2026, 12, 1, 9, 30, 0, TimeSpan.Zero);

    // A JPEG as far as the host looks (its magic bytes), then filler.
    private static byte[] Jpeg(int size, byte fill = 7) => [0xFF, 0xD8, 0xFF, 0xE0, .. Enumerable.Repeat(fill, size - 4)];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await api.DisposeAsync();

    [Fact]
    public async Task PutPhoto_FirstThenSameBytes_IsStoredOnceAndTheDispatcherFetchesIt()
    {
        var t = await TabletWithEventsAsync();
        var photo = Jpeg(20_000);

        var first = await PutAsync(t.Tablet, "done", photo, "takenAt=2026-12-01T09:29:00Z");
        var again = await PutAsync(t.Tablet, "done", photo);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var info = await first.Content.ReadFromJsonAsync<PhotoInfo>();
        Assert.Equal(("image/jpeg", 20_000, new DateTimeOffset(2026, 12, 1, 9, 29, 0, TimeSpan.Zero)), (info!.ContentType, info.SizeBytes, info.TakenAt));
        Assert.Equal(info, await again.Content.ReadFromJsonAsync<PhotoInfo>());
        Assert.Equal(1L, await api.Database.ScalarAsync("SELECT count(*) FROM delivery_photos"));
        var fetched = await t.Dispatcher.GetAsync($"/api/v1/orders/{t.Route.Stops[0].OrderId}/photo");
        Assert.Equal("image/jpeg", fetched.Content.Headers.ContentType?.MediaType);
        Assert.Equal(photo, await fetched.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await t.Dispatcher.GetAsync($"/api/v1/orders/{t.Route.Stops[1].OrderId}/photo")).StatusCode);
        // The board's stop (and the tablet's route) say there is a photo.
        var route = await t.Tablet.GetFromJsonAsync<JsonElement>("/api/v1/courier/route");
        Assert.True(route.GetProperty("route").GetProperty("stops")[0].GetProperty("hasPhoto").GetBoolean());
        Assert.False(route.GetProperty("route").GetProperty("stops")[1].GetProperty("hasPhoto").GetBoolean());
    }

    [Fact]
    public async Task PutPhoto_OtherBytesForAStoredPhoto_Is409AndKeepsTheFirst()
    {
        var t = await TabletWithEventsAsync();
        await PutAsync(t.Tablet, "done", Jpeg(1_000, 1));

        await AssertProblemAsync(await PutAsync(t.Tablet, "done", Jpeg(1_000, 2)), HttpStatusCode.Conflict, "photo");
        var stored = await t.Dispatcher.GetByteArrayAsync($"/api/v1/orders/{t.Route.Stops[0].OrderId}/photo");
        Assert.Equal(1, stored[^1]);
    }

    [Fact]
    public async Task PutPhoto_OutOfBounds_AnswersProblemDetailsNamingTheField()
    {
        var t = await TabletWithEventsAsync();

        await AssertProblemAsync(await PutAsync(t.Tablet, "done", Jpeg(3 * 1024 * 1024 + 1)), HttpStatusCode.RequestEntityTooLarge, "photo");
        await AssertProblemAsync(await PutAsync(t.Tablet, "done", "%PDF-1.7 not a picture"u8.ToArray()), HttpStatusCode.UnsupportedMediaType, "photo");
        await AssertProblemAsync(await PutAsync(t.Tablet, "done", []), HttpStatusCode.BadRequest, "photo");
        await AssertProblemAsync(await PutAsync(t.Tablet, "done", Jpeg(100), "takenAt=2026-12-01T12:00:00Z"), HttpStatusCode.BadRequest, "takenAt");
        await AssertProblemAsync(await PutAsync(t.Tablet, "at-door", Jpeg(100)), HttpStatusCode.Conflict, "clientEventId");
        await AssertProblemAsync(await PutAsync(t.Tablet, "never-sent", Jpeg(100)), HttpStatusCode.NotFound, "clientEventId");
        await AssertProblemAsync(await PutAsync(t.OtherTablet, "done", Jpeg(100)), HttpStatusCode.Forbidden, "clientEventId");
        Assert.Equal(HttpStatusCode.Unauthorized, (await PutAsync(api.CreateClient(), "done", Jpeg(100))).StatusCode);
        Assert.Equal(0L, await api.Database.ScalarAsync("SELECT count(*) FROM delivery_photos"));
    }

    private sealed record Tablets(RouteView Route, HttpClient Tablet, HttpClient OtherTablet, HttpClient Dispatcher);

    /// <summary>A published route, its courier's tablet (which sent "at-door" = arrived and "done" = delivered at the first stop) and a second tablet.</summary>
    private async Task<Tablets> TabletWithEventsAsync()
    {
        var dispatcher = await api.ClientAsAsync(Roles.Dispatcher);
        var (_, plan) = await PublishedPlan.CreateAsync(dispatcher, couriers: 1, orders: 3);
        var route = plan.Routes.Single(r => r.Stops.Count > 0);
        async Task<string> IssueAsync(string name) => (await Scenario.Read<DeviceTokenResponse>(
            await dispatcher.PostAsJsonAsync($"/api/v1/couriers/{route.CourierId}/devices", new IssueDeviceRequest(name)))).Token;
        var (token, other) = (await IssueAsync("tablet"), await IssueAsync("spare"));
        api.Time.SetUtcNow(Morning);
        await using (var hub = TestHubs.Connect(api, "/hubs/courier", token, messagePack: false))
        {
            await hub.StartAsync();
            var stop = route.Stops[0].OrderId.ToString(CultureInfo.InvariantCulture);
            var ack = await hub.InvokeAsync<BatchAck>("SendPositions", new CourierBatch(null, [],
                [new CourierEventReport("at-door", stop, "arrived", Morning.AddMinutes(-2)), new CourierEventReport("done", stop, "delivered", Morning.AddMinutes(-1))]));
            Assert.Equal(["at-door", "done"], ack.EventsAccepted);
        }
        // Signed in again on the moved clock: the first session was opened at the factory's start, hours before.
        return new Tablets(route, Client(token), Client(other), await api.ClientAsAsync(Roles.Dispatcher));
    }

    private HttpClient Client(string token)
    {
        var client = api.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static Task<HttpResponseMessage> PutAsync(HttpClient client, string clientEventId, byte[] body, string? query = null)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
        return client.PutAsync($"/api/v1/courier/events/{clientEventId}/photo" + (query is null ? "" : "?" + query), content);
    }

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string field)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out _), $"{status}: errors name {errors}, not {field}");
    }
}
