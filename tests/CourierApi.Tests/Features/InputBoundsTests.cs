using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Delivery.CourierApi.Auth;
using Delivery.CourierApi.Features.Manifests;
using Delivery.CourierApi.Features.Orders;

namespace Delivery.CourierApi.Tests.Features;

/// <summary>What a careless client gets: 400 problem details naming the field, never a 500 or a silently stored bad value.</summary>
public sealed class InputBoundsTests : IAsyncLifetime
{
    // A host per test: each test moves the clock its own way (a fake clock only goes forward).
    private readonly DeliveryApiFactory api = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await api.DisposeAsync();

    [Fact]
    public async Task CreateDepot_BlankAddress_IsRefusedNamingAddress()
    {
        var dispatcher = await api.ClientAsAsync(Roles.Dispatcher);

        var blank = await dispatcher.PostAsJsonAsync("/api/v1/depots", Fixtures.Depot("blank") with { Address = "  " });
        var missing = await dispatcher.PostAsJsonAsync("/api/v1/depots", Fixtures.Depot("none") with { Address = null });

        await AssertFieldAsync(blank, "address");
        await AssertFieldAsync(missing, "address");
    }

    [Fact]
    public async Task CreateOrder_WrongTypeAndMalformedJson_Answer400NamingTheField()
    {
        var dispatcher = await api.ClientAsAsync(Roles.Dispatcher);
        var s = await Scenario.CreateAsync(dispatcher, couriers: 1);
        var url = $"/api/v1/depots/{s.Depot.Id}/orders";

        var wrongType = await dispatcher.PostAsync(url, Json("""
            {"shopOrderId":"w1","planDate":"2026-12-01","address":"Rua 1","latitude":"north","longitude":-8.61,"customerName":"A"}
            """));
        var malformed = await dispatcher.PostAsync(url, Json("""{"shopOrderId":"w2","planDate":"2026-12-01","""));
        var nan = await dispatcher.PostAsync(url, Json("""
            {"shopOrderId":"w3","planDate":"2026-12-01","address":"Rua 1","latitude":NaN,"longitude":-8.61,"customerName":"A"}
            """));

        await AssertFieldAsync(wrongType, "latitude");
        await AssertFieldAsync(malformed, "body");
        await AssertFieldAsync(nan, "latitude");
    }

    [Fact]
    public async Task CreateOrder_DatesFarFromTodayOrThePlanDate_AreRefusedNamingTheField()
    {
        var dispatcher = await api.ClientAsAsync(Roles.Dispatcher);
        var s = await Scenario.CreateAsync(dispatcher, couriers: 1);
        var url = $"/api/v1/depots/{s.Depot.Id}/orders";
        var day = DeliveryApiFactory.PlanDate;
        WindowDto Window(DateOnly d) => new(new DateTimeOffset(d.ToDateTime(new TimeOnly(10, 0)), TimeSpan.Zero), new DateTimeOffset(d.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero));

        var farPlan = await dispatcher.PostAsJsonAsync(url, Order("d1", new DateOnly(2031, 12, 1), [Window(new DateOnly(2031, 12, 1))]));
        var farWindow = await dispatcher.PostAsJsonAsync(url, Order("d2", day, [Window(day.AddDays(9))]));
        var nullWindow = await dispatcher.PostAsJsonAsync(url, Order("d3", day, [null!]));

        await AssertFieldAsync(farPlan, "planDate");
        await AssertFieldAsync(farWindow, "windows[0]");
        await AssertFieldAsync(nullWindow, "windows[0]");
    }

    [Fact]
    public async Task OrdersBatch_NullEntry_IsARowErrorNotA500()
    {
        var dispatcher = await api.ClientAsAsync(Roles.Dispatcher);
        var s = await Scenario.CreateAsync(dispatcher, couriers: 1);

        var response = await dispatcher.PostAsync($"/api/v1/depots/{s.Depot.Id}/orders/batch", Json($$"""
            [{"shopOrderId":"b1","planDate":"{{DeliveryApiFactory.PlanDate:yyyy-MM-dd}}","address":"Rua 1","latitude":41.15,"longitude":-8.61,"customerName":"A"}, null]
            """));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = (await response.Content.ReadFromJsonAsync<ImportReport>())!;
        Assert.Equal(1, report.Created);
        Assert.Equal((2, "[1]"), (Assert.Single(report.Rejected).Line, report.Rejected[0].Field));
    }

    [Fact]
    public async Task PaperOutcome_ItemTwiceNullItemAndHandoverBeforeTheDay_AreRefusedNamingTheField()
    {
        var dispatcher = await api.ClientAsAsync(Roles.Dispatcher);
        var (_, plan) = await Wiring.PublishedPlan.CreateAsync(dispatcher, couriers: 1, orders: 2);
        var route = plan.Routes.Single(r => r.Stops.Count > 0);
        var stop = route.Stops[0];
        var url = $"/api/v1/routes/{route.RouteId}/stops/{stop.OrderId}/paper-outcome";
        var handover = new DateTimeOffset(2026, 12, 1, 10, 30, 0, TimeSpan.Zero);
        api.Time.SetUtcNow(new DateTimeOffset(2026, 12, 1, 19, 0, 0, TimeSpan.Zero));
        dispatcher = await api.ClientAsAsync(Roles.Dispatcher);

        var twice = await dispatcher.PostAsJsonAsync(url, new PaperOutcomeRequest("partly_delivered", handover, null,
            [new Delivery.Tracking.Ingest.RefusedItem("Milk", 1), new Delivery.Tracking.Ingest.RefusedItem("milk", 1)], null));
        var nullItem = await dispatcher.PostAsync(url, Json($$"""{"kind":"partly_delivered","occurredAt":"{{handover:O}}","refusedItems":[null]}"""));
        var early = await dispatcher.PostAsJsonAsync(url, new PaperOutcomeRequest("delivered", handover.AddDays(-1), null, null, null));
        var longNote = await dispatcher.PostAsJsonAsync(url, new PaperOutcomeRequest("delivered", handover, null, null, new string('x', 5000)));

        await AssertFieldAsync(twice, "refusedItems[1]");
        await AssertFieldAsync(nullItem, "refusedItems[0]");
        await AssertFieldAsync(early, "occurredAt");
        await AssertFieldAsync(longNote, "note");
        Assert.Equal(0L, await api.Database.ScalarAsync("SELECT count(*) FROM delivery_events"));
    }

    private static CreateOrderRequest Order(string id, DateOnly date, IReadOnlyList<WindowDto>? windows) =>
        new(id, date, "Rua 1, Porto", 41.15, -8.61, "Customer", windows);

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private static async Task AssertFieldAsync(HttpResponseMessage response, string field)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode}: {body}");
        var errors = JsonDocument.Parse(body).RootElement.GetProperty("errors");
        Assert.True(errors.EnumerateObject().Any(p => string.Equals(p.Name, field, StringComparison.OrdinalIgnoreCase)
            || string.Equals(p.Name, "$." + field, StringComparison.OrdinalIgnoreCase)), $"no error for '{field}': {body}");
    }
}
