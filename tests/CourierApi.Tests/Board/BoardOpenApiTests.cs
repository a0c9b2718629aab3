using System.Text.Json.Nodes;

namespace Delivery.CourierApi.Tests.Board;

/// <summary>The board's endpoints are in the OpenAPI document with typed shapes, for the pages' generated client.</summary>
public sealed class BoardOpenApiTests(DeliveryApiFactory api) : IClassFixture<DeliveryApiFactory>
{
    [Fact]
    public async Task OpenApiDocument_BoardEndpoints_HaveTypedShapes()
    {
        var doc = JsonNode.Parse(await api.CreateClient().GetStringAsync("/openapi/v1.json"))!;
        var paths = doc["paths"]!.AsObject();
        foreach (var path in (string[])["/tiles/roads/{z}/{x}/{y}.mvt", "/map/style.json", "/api/v1/depots/{depotId}/orders/import/preview",
            "/api/v1/depots/{depotId}/cut-off", "/api/v1/plan-versions/{versionId}/changes", "/api/v1/couriers/{courierId}/pairing-codes",
            "/api/v1/devices/pair", "/api/v1/couriers/{courierId}/devices", "/api/v1/depots/{depotId}/language"])
        {
            Assert.True(paths.ContainsKey(path), path);
        }
        var schemas = doc["components"]!["schemas"]!.AsObject();
        foreach (var schema in (string[])["ImportPreview", "PreviewOrder", "CutOffInfo", "PlanChangesView", "StopChange", "PairingCodeResponse",
            "PairDeviceRequest", "DeviceView", "DepotLanguage", "RoadNetworkInfo", "OrderResponse"])
        {
            Assert.True(schemas.ContainsKey(schema), schema);
        }
        var form = paths["/api/v1/depots/{depotId}/orders/import/preview"]!["post"]!["requestBody"]!["content"]!["multipart/form-data"]!.ToJsonString();
        Assert.Contains("\"file\"", form);
        Assert.Contains("\"mapping\"", form);
        Assert.Contains("IFormFile", form); // a binary file part
    }
}
