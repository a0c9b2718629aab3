using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Delivery.CourierApi.Auth;
using Delivery.CourierApi.Features.Fleet;
using Delivery.CourierApi.Features.Orders;

namespace Delivery.CourierApi.Tests.Features;

public sealed class OrdersEndpointsTests(DeliveryApiFactory api) : IClassFixture<DeliveryApiFactory>
{
    private static CreateOrderRequest Order(string id, DateOnly? date = null) => new(
        id, date ?? DeliveryApiFactory.PlanDate, "Rua de Santa Catarina 1, Porto", 41.1496, -8.6063, "Ana",
        [new WindowDto(new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero))],
        new LoadDto(1000, 2000, 1), [new OrderItemDto("Bread", 2, 1.20m)]);

    [Fact]
    public async Task ImportCsv_BadRows_ReportsEachWithLineFieldReasonAndKeepsGoodRows()
    {
        var dispatcher = await api.ClientAsAsync(Roles.Dispatcher);
        var s = await Scenario.CreateAsync(dispatcher, couriers: 1);
        var csv = Scenario.Csv(3)
            + "B1,,,\"Rua X\",41.15,-8.61,10:00,12:00,1,,\n"          // line 5: customer missing
            + "B2,Bob,,\"Rua Y\",95,-8.61,10:00,12:00,1,,\n"           // line 6: latitude out of range
            + "B3,Cid,,\"Rua Z\",41.15,-8.61,12:00,10:00,1,,\n"        // line 7: window ends before it starts
            + "B4,Dan,,\"Rua W\",41.15,-8.61,10:00,12:00,1,\"Bread x two\",\n" // line 8: bad item
            + "S0,Eve,,\"Rua V\",41.15,-8.61,10:00,12:00,1,,\n";       // line 9: duplicate of line 2

        var report = await s.ImportAsync(csv);

        Assert.Equal(8, report.Rows);
        Assert.Equal(3, report.Created);
        Assert.Contains(report.Rejected, e => e is { Line: 5, Field: "customer_name", Reason: "is empty", Code: "empty" });
        Assert.Contains(report.Rejected, e => e is { Line: 6, Field: "lat" });
        Assert.Contains(report.Rejected, e => e is { Line: 7, Field: "window_end" });
        Assert.Contains(report.Rejected, e => e is { Line: 8, Field: "items" });
        Assert.Contains(report.Rejected, e => e is { Line: 9, Field: "shop_order_id" } && e.Reason.Contains("line 2"));
        var orders = await dispatcher.GetFromJsonAsync<List<OrderResponse>>($"/api/v1/depots/{s.Depot.Id}/orders?date=2026-12-01");
        Assert.Equal(3, orders!.Count);
        var first = orders.Single(o => o.ShopOrderId == "S0");
        Assert.Equal(2, first.Items.Count);
        Assert.Equal(2500, first.Demand.WeightGrams);
        // 09:00 in Lisbon in December is 09:00 UTC.
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero), first.Windows[0].Start);
        Assert.Null(first.TrackingToken); // shown only in the answer that creates the order; stored as a hash
    }

    [Fact]
    public async Task ImportCsv_SameFileTwice_CreatesNothingTheSecondTime()
    {
        var dispatcher = await api.ClientAsAsync(Roles.Dispatcher);
        var s = await Scenario.CreateAsync(dispatcher, couriers: 1);
        var first = await s.ImportAsync(Scenario.Csv(5));
        var second = await s.ImportAsync(Scenario.Csv(5));
        Assert.Equal((5, 0), (first.Created, first.AlreadyImported));
        Assert.Equal((0, 5), (second.Created, second.AlreadyImported));
        var orders = await dispatcher.GetFromJsonAsync<List<OrderResponse>>($"/api/v1/depots/{s.Depot.Id}/orders?date=2026-12-01");
        Assert.Equal(5, orders!.Count);
    }

    [Fact]
    public async Task ImportCsv_MissingColumns_Is400NamingThem()
    {
        var dispatcher = await api.ClientAsAsync(Roles.Dispatcher);
        var s = await Scenario.CreateAsync(dispatcher, couriers: 1);
        var response = await dispatcher.PostAsync($"/api/v1/depots/{s.Depot.Id}/orders/import?date=2026-12-01",
            new StringContent("shop_order_id,address\n1,x\n", Encoding.UTF8, "text/csv"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("customer_name", body.GetProperty("errors").GetProperty("header")[0].GetString());
    }

    [Fact]
    public async Task Create_SameShopOrderIdTwice_SecondAnswersExistingWith200()
    {
        var dispatcher = await api.ClientAsAsync(Roles.Dispatcher);
        var s = await Scenario.CreateAsync(dispatcher, couriers: 1);
        var first = await dispatcher.PostAsJsonAsync($"/api/v1/depots/{s.Depot.Id}/orders", Order("J1"));
        var second = await dispatcher.PostAsJsonAsync($"/api/v1/depots/{s.Depot.Id}/orders", Order("J1"));
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal((await first.Content.ReadFromJsonAsync<OrderResponse>())!.Id, (await second.Content.ReadFromJsonAsync<OrderResponse>())!.Id);
    }

    [Fact]
    public async Task Create_InvalidFields_Is400WithEveryField()
    {
        var dispatcher = await api.ClientAsAsync(Roles.Dispatcher);
        var s = await Scenario.CreateAsync(dispatcher, couriers: 1);
        var bad = Order("") with { Latitude = 123, Items = [new OrderItemDto("x", 0, -1)] };
        var response = await dispatcher.PostAsJsonAsync($"/api/v1/depots/{s.Depot.Id}/orders", bad);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        foreach (var field in new[] { "shopOrderId", "latitude", "items[0].quantity", "items[0].unitPrice" })
        {
            Assert.True(errors.TryGetProperty(field, out _), field + " missing in " + errors);
        }
    }

    [Fact]
    public async Task Batch_MixedRows_KeepsGoodOnesAndNamesPositionOfBadOnes()
    {
        var dispatcher = await api.ClientAsAsync(Roles.Dispatcher);
        var s = await Scenario.CreateAsync(dispatcher, couriers: 1);
        var response = await dispatcher.PostAsJsonAsync($"/api/v1/depots/{s.Depot.Id}/orders/batch",
            new[] { Order("B1"), Order("B2") with { CustomerName = "" }, Order("B3") });
        var report = await Scenario.Read<ImportReport>(response);
        Assert.Equal(2, report.Created);
        Assert.Equal(new RowError(2, "customerName", "'Customer Name' must not be empty."), report.Rejected.Single());
    }

    [Fact]
    public async Task Create_AfterCutOff_Is409ExplainingWhen()
    {
        var dispatcher = await api.ClientAsAsync(Roles.Dispatcher);
        var s = await Scenario.CreateAsync(dispatcher, couriers: 1);
        // Orders for 30 Nov closed at 22:00 Lisbon on 29 Nov; the fake clock says 30 Nov 15:00 UTC.
        var response = await dispatcher.PostAsJsonAsync($"/api/v1/depots/{s.Depot.Id}/orders", Order("late", new DateOnly(2026, 11, 30)));
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("closed at 22:00 Europe/Lisbon", body.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Create_Analyst_Is403()
    {
        var analyst = await api.ClientAsAsync(Roles.Analyst);
        var response = await analyst.PostAsJsonAsync("/api/v1/depots/1/orders", Order("A1"));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
