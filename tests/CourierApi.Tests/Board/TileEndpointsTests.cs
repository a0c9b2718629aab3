using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Delivery.CourierApi.Auth;
using Delivery.CourierApi.Features.RoadNetwork;
using Delivery.CourierApi.Tests.Wiring;
using Delivery.Testing;

namespace Delivery.CourierApi.Tests.Board;

/// <summary>Street tiles and the map style over the Helsinki extract imported by the host's command.</summary>
public sealed class TileEndpointsTests : IClassFixture<HelsinkiImport>, IAsyncLifetime
{
    private readonly HelsinkiImport _import;
    private readonly DeliveryApiFactory _api = new();

    public TileEndpointsTests(HelsinkiImport import)
    {
        _import = import;
        _api.Settings["RoadNetwork:Schema"] = import.Schema;
    }

    /// <summary>Tile column and row of a point (Web Mercator, XYZ scheme).</summary>
    private static (int X, int Y) TileOf(double lon, double lat, int z)
    {
        var n = 1 << z;
        var rad = lat * Math.PI / 180;
        return ((int)Math.Floor((lon + 180) / 360 * n), (int)Math.Floor((1 - Math.Log(Math.Tan(rad) + 1 / Math.Cos(rad)) / Math.PI) / 2 * n));
    }

    [SharedDataFact]
    public async Task Tile_StationAtStreetZoom_HasNamedRoadsAndRevalidatesWith304()
    {
        Assert.True(_import.ExitCode == 0, _import.Output);
        var (x, y) = TileOf(24.9414, 60.1719, 15); // Helsinki central station
        using var client = _api.CreateClient();    // anonymous

        using var first = await client.GetAsync($"/tiles/roads/15/{x}/{y}.mvt");
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("application/vnd.mapbox-vector-tile", first.Content.Headers.ContentType?.MediaType);
        var tile = VectorTile.Parse(await first.Content.ReadAsByteArrayAsync());
        var roads = Assert.Single(tile.Layers);
        Assert.Equal("roads", roads.Name);
        var named = roads.Features.Where(f => f.ContainsKey("name")).Select(f => f["name"]).Distinct().ToList();
        Assert.True(named.Count >= 5, $"named roads in the station's tile: {string.Join(", ", named)}");
        Assert.Contains("Kaivokatu", named);
        Assert.All(roads.Features, f => Assert.False(string.IsNullOrEmpty(f["class"])));

        var etag = first.Headers.ETag;
        Assert.NotNull(etag);
        using var again = new HttpRequestMessage(HttpMethod.Get, $"/tiles/roads/15/{x}/{y}.mvt");
        again.Headers.IfNoneMatch.Add(etag);
        using var second = await client.SendAsync(again);
        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
        Assert.Empty(await second.Content.ReadAsByteArrayAsync());
    }

    [SharedDataFact]
    public async Task Tile_LowZoom_KeepsOnlyMajorRoads()
    {
        var (x, y) = TileOf(24.9414, 60.1719, 9);
        using var client = _api.CreateClient();
        var tile = VectorTile.Parse(await client.GetByteArrayAsync($"/tiles/roads/9/{x}/{y}.mvt"));
        var classes = tile.Layers.SelectMany(l => l.Features).Select(f => f["class"]).ToHashSet();
        Assert.NotEmpty(classes);
        Assert.DoesNotContain("residential", classes);
        Assert.DoesNotContain("service", classes);
    }

    [SharedDataFact]
    public async Task Tile_OutsideTheGrid_ProblemNamesTheField()
    {
        using var client = _api.CreateClient();
        using var response = await client.GetAsync("/tiles/roads/3/9/1.mvt");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.NotNull(problem!["errors"]!["x"]);
    }

    [SharedDataFact]
    public async Task Style_WithNetwork_StylesClassesAndNamesWithoutGlyphs()
    {
        using var client = _api.CreateClient();
        var style = (await client.GetFromJsonAsync<JsonObject>("/map/style.json"))!;
        Assert.Null(style["glyphs"]);
        Assert.Null(style["sprite"]);
        var source = style["sources"]!["roads"]!;
        Assert.Equal("© OpenStreetMap contributors", (string?)source["attribution"]);
        Assert.EndsWith("/tiles/roads/{z}/{x}/{y}.mvt", (string?)source["tiles"]![0]);
        var layers = style["layers"]!.AsArray();
        var names = layers.Single(l => (string?)l!["id"] == "road-names")!;
        Assert.Equal("line", (string?)names["layout"]!["symbol-placement"]);
        Assert.Equal("Noto Sans", (string?)names["layout"]!["text-font"]![0]);
        Assert.Contains(layers, l => (string?)l!["id"] == "motorway");

        var info = await (await _api.ClientAsAsync(Roles.Analyst)).GetFromJsonAsync<RoadNetworkInfo>("/api/v1/road-network");
        Assert.True(info!.StreetTiles);
        Assert.Null(info.StreetTilesReason);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _api.DisposeAsync();
}

/// <summary>Without an imported network the style still loads (background only) and the API says why there are no streets.</summary>
public sealed class TileEndpointsWithoutNetworkTests : IAsyncLifetime
{
    private readonly DeliveryApiFactory _api = new();

    public TileEndpointsWithoutNetworkTests() => _api.Settings["RoadNetwork:Schema"] = "t_none_" + Guid.NewGuid().ToString("N")[..10];

    [Fact]
    public async Task Style_NoNetwork_BackgroundOnlyAndRoadNetworkSaysWhy()
    {
        using var client = _api.CreateClient();
        var style = (await client.GetFromJsonAsync<JsonObject>("/map/style.json"))!;
        Assert.Equal("background", (string?)Assert.Single(style["layers"]!.AsArray())!["id"]);
        Assert.Empty(style["sources"]!.AsObject());

        var info = await (await _api.ClientAsAsync(Roles.Analyst)).GetFromJsonAsync<RoadNetworkInfo>("/api/v1/road-network");
        Assert.False(info!.StreetTiles);
        Assert.Contains("No road network is imported", info.StreetTilesReason);

        using var tile = await client.GetAsync("/tiles/roads/15/100/100.mvt");
        Assert.Equal(HttpStatusCode.NotFound, tile.StatusCode);
        Assert.Equal("application/problem+json", tile.Content.Headers.ContentType?.MediaType);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _api.DisposeAsync();
}
