using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Delivery.CourierApi.Auth;
using Delivery.CourierApi.Data;
using Delivery.CourierApi.Features.Orders;
using Npgsql;

namespace Delivery.CourierApi.Tests.Board;

/// <summary>A shop's own export (semicolon, Windows-1251, decimal comma, Russian headers) through the preview and the import.</summary>
public sealed class CsvImportPreviewTests(DeliveryApiFactory api) : IClassFixture<DeliveryApiFactory>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Five rows: line 4 has a latitude that is not a number, line 6 a time that does not exist.</summary>
    private static byte[] ShopFile()
    {
        var text = "№ заказа;Клиент;Телефон;Адрес доставки;Широта;Долгота;Доставка с;Доставка до;Вес, кг\r\n"
            + "Z-1;Иван Петров;+351910000001;Rua de Santa Catarina 1;41,1496;-8,6063;9:00;11:00;2,5\r\n"
            + "Z-2;Мария;+351910000002;Rua das Flores 10;41,1432;-8,6123;09.00;12.30;1,25\r\n"
            + "Z-3;Олег;;Rua Formosa 5;41,14x;-8,6050;10:00;12:00;1\r\n"
            + "Z-4;Анна;;Avenida dos Aliados 20;41,1480;-8,6110;1:00 PM;3:30 PM;0,5\r\n"
            + "Z-5;Пётр;;Rua do Almada 7;41,1470;-8,6130;25:00;26:00;1\r\n";
        return CodePagesEncodingProvider.Instance.GetEncoding(1251)!.GetBytes(text);
    }

    private static MultipartFormDataContent Form(byte[] file, string? shop, object? mapping)
    {
        var form = new MultipartFormDataContent();
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(content, "file", "orders.csv");
        if (shop is not null)
        {
            form.Add(new StringContent(shop), "shop");
        }
        if (mapping is not null)
        {
            form.Add(new StringContent(JsonSerializer.Serialize(mapping)), "mapping");
        }
        return form;
    }

    [Fact]
    public async Task PreviewThenImport_ShopFile1251_MappedOnceRememberedAndIdempotent()
    {
        var dispatcher = await api.ClientAsAsync(Roles.Dispatcher);
        var s = await Scenario.CreateAsync(dispatcher, couriers: 1);
        var shop = "magazin-" + Guid.NewGuid().ToString("N")[..6];
        var preview = $"/api/v1/depots/{s.Depot.Id}/orders/import/preview?date={DeliveryApiFactory.PlanDate:yyyy-MM-dd}";
        var import = $"/api/v1/depots/{s.Depot.Id}/orders/import?date={DeliveryApiFactory.PlanDate:yyyy-MM-dd}";

        // 1. Nothing known about the shop: its order number column is not guessed, everything else is.
        var guessed = await Read(await dispatcher.PostAsync(preview, Form(ShopFile(), shop, null)));
        Assert.Equal("windows-1251", guessed.Encoding);
        Assert.Equal(";", guessed.Separator);
        Assert.Equal(MappingSource.Guessed, guessed.MappingSource);
        Assert.Equal(["shop_order_id"], guessed.MissingRequired);
        Assert.Equal("Широта", guessed.Mapping["lat"]);
        Assert.Equal("Доставка с", guessed.Mapping["window_start"]);
        Assert.Equal("Вес, кг", guessed.Mapping["weight_kg"]);
        Assert.Contains("№ заказа", guessed.Unmapped);

        // 2. The dispatcher maps it in the preview: two bad rows with line, field and reason; three good ones.
        var mapped = await Read(await dispatcher.PostAsync(preview, Form(ShopFile(), shop, new Dictionary<string, string> { ["shop_order_id"] = "№ заказа" })));
        Assert.Equal(MappingSource.Request, mapped.MappingSource);
        Assert.Empty(mapped.MissingRequired);
        Assert.Equal((5, 3, 0), (mapped.Rows, mapped.Good, mapped.AlreadyImported));
        Assert.Equal([4, 6], mapped.Rejected.Select(e => e.Line).Distinct().Order().ToArray()); // line 6 twice: both its times
        Assert.Contains(mapped.Rejected, e => e is { Line: 4, Field: "lat", Code: "notNumber" } && e.Reason.Contains("41,14x") && e.Args!["value"] == "41,14x");
        Assert.Contains(mapped.Rejected, e => e is { Line: 6, Field: "window_start" } && e.Reason.Contains("25:00"));
        var first = mapped.Sample[0];
        Assert.Equal(("Z-1", "Иван Петров", 2, 41.1496, 2500L), (first.ShopOrderId, first.CustomerName, first.Line, first.Latitude, first.Demand.WeightGrams));
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 12, 30, 0, TimeSpan.Zero), mapped.Sample[1].Windows[0].End);  // 12.30 Lisbon = UTC in December
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 13, 0, 0, TimeSpan.Zero), mapped.Sample[2].Windows[0].Start); // 1:00 PM
        Assert.True(mapped.CutOff.Open);
        Assert.Empty((await dispatcher.GetFromJsonAsync<List<OrderResponse>>($"/api/v1/depots/{s.Depot.Id}/orders?date=2026-12-01"))!); // the preview wrote nothing

        // 3. The import with that mapping keeps the good rows and remembers the mapping for the shop.
        var report = await Scenario.Read<ImportReport>(await dispatcher.PostAsync(import,
            Form(ShopFile(), shop, new Dictionary<string, string> { ["shop_order_id"] = "№ заказа" })));
        Assert.Equal((5, 3, 0), (report.Rows, report.Created, report.AlreadyImported));
        Assert.Equal(mapped.Rejected.Select(e => (e.Line, e.Field, e.Reason, e.Code)), report.Rejected.Select(e => (e.Line, e.Field, e.Reason, e.Code)));

        // 4. Next evening's file from the same shop needs no mapping, and re-importing changes nothing.
        var remembered = await Read(await dispatcher.PostAsync(preview, Form(ShopFile(), shop, null)));
        Assert.Equal(MappingSource.Remembered, remembered.MappingSource);
        Assert.Equal((3, 3), (remembered.Good, remembered.AlreadyImported));
        Assert.All(remembered.Sample, o => Assert.True(o.AlreadyImported));
        var again = await Scenario.Read<ImportReport>(await dispatcher.PostAsync(import, Form(ShopFile(), shop, null)));
        Assert.Equal((0, 3), (again.Created, again.AlreadyImported));
        var orders = (await dispatcher.GetFromJsonAsync<List<OrderResponse>>($"/api/v1/depots/{s.Depot.Id}/orders?date=2026-12-01"))!;
        Assert.Equal(["Z-1", "Z-2", "Z-4"], orders.Select(o => o.ShopOrderId).Order().ToArray());
        Assert.All(orders, o => Assert.Equal(shop, o.ShopId));
        Assert.All(orders, o => Assert.False(o.Late));
    }

    [Fact]
    public async Task Preview_MappingNamesMissingHeader_ProblemNamesTheField()
    {
        var dispatcher = await api.ClientAsAsync(Roles.Dispatcher);
        var s = await Scenario.CreateAsync(dispatcher, couriers: 1);
        var response = await dispatcher.PostAsync($"/api/v1/depots/{s.Depot.Id}/orders/import/preview?date=2026-12-01",
            Form(ShopFile(), null, new Dictionary<string, string> { ["shop_order_id"] = "Номер" }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Contains("Номер", (string?)problem["errors"]!["mapping.shop_order_id"]![0]);

        var noFile = await dispatcher.PostAsync($"/api/v1/depots/{s.Depot.Id}/orders/import/preview?date=2026-12-01",
            new MultipartFormDataContent { { new StringContent("x"), "shop" } });
        Assert.Equal(HttpStatusCode.BadRequest, noFile.StatusCode);
        Assert.NotNull((await noFile.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!["file"]);
    }

    [Fact]
    public async Task Preview_Analyst_IsRefused()
    {
        var analyst = await api.ClientAsAsync(Roles.Analyst);
        var response = await analyst.PostAsync("/api/v1/depots/1/orders/import/preview?date=2026-12-01", Form(ShopFile(), null, null));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task OrderList_CreatedAfterCutOff_IsMarkedLate()
    {
        var dispatcher = await api.ClientAsAsync(Roles.Dispatcher);
        var s = await Scenario.CreateAsync(dispatcher, couriers: 1);
        await s.ImportAsync(Scenario.Csv(2, prefix: "L"));
        // An order that reached the database after 22:00 Lisbon the evening before (as a late shop feed would).
        await using (var db = NpgsqlDataSource.Create(api.Database.ConnectionString))
        {
            await using var connection = await db.OpenConnectionAsync();
            await connection.ExecAsync("UPDATE orders SET created_at = '2026-11-30 22:30:00+00' WHERE depot_id = $1 AND shop_order_id = 'L1'", CancellationToken.None, s.Depot.Id);
        }
        var orders = (await dispatcher.GetFromJsonAsync<List<OrderResponse>>($"/api/v1/depots/{s.Depot.Id}/orders?date=2026-12-01"))!;
        Assert.False(orders.Single(o => o.ShopOrderId == "L0").Late);
        Assert.True(orders.Single(o => o.ShopOrderId == "L1").Late);
        var cutOff = (await dispatcher.GetFromJsonAsync<CutOffInfo>($"/api/v1/depots/{s.Depot.Id}/cut-off?date=2026-12-01"))!;
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 22, 0, 0, TimeSpan.Zero), cutOff.ClosesAt);
        Assert.True(cutOff.Open);
    }

    private static async Task<ImportPreview> Read(HttpResponseMessage response)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
        return (await response.Content.ReadFromJsonAsync<ImportPreview>(Json))!;
    }
}
