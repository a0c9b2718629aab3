using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;

namespace Delivery.CourierApi.Features.Tiles;

/// <summary>Street tiles and the map style, both anonymous: they show public OpenStreetMap data only.</summary>
internal static class TileEndpoints
{
    public const string MediaType = "application/vnd.mapbox-vector-tile";
    public const string TilePath = "/tiles/roads/{z}/{x}/{y}.mvt";
    private const int MaxZoom = 22;

    public static IEndpointRouteBuilder MapTiles(this IEndpointRouteBuilder app)
    {
        app.MapGet("/tiles/roads/{z:int}/{x:int}/{y:int}.mvt", TileAsync).AllowAnonymous().WithTags("Map")
            .WithName("GetRoadTile")
            .Produces(StatusCodes.Status200OK, contentType: MediaType).Produces(StatusCodes.Status304NotModified)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("A vector tile (layer `roads`: `class` = OSM highway class, `name`) of the imported road network; ETag by import version, 304 on If-None-Match.");
        app.MapGet("/map/style.json", StyleAsync).AllowAnonymous().WithTags("Map")
            .WithName("GetMapStyle").Produces<JsonObject>(StatusCodes.Status200OK, "application/json")
            .WithSummary("The MapLibre style of the street map (no glyphs, no sprite; labels in the local 'Noto Sans'). Background only without a network; metadata['delivery:reason'] says why.");
        return app;
    }

    internal static async Task<IResult> TileAsync(int z, int x, int y, HttpContext http, RoadTileSource tiles, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (z is < 0 or > MaxZoom)
        {
            errors["z"] = [$"Zoom must be 0 to {MaxZoom}."];
        }
        else
        {
            var n = 1L << z;
            if (x < 0 || x >= n)
            {
                errors["x"] = [$"Column must be 0 to {n - 1} at zoom {z}."];
            }
            if (y < 0 || y >= n)
            {
                errors["y"] = [$"Row must be 0 to {n - 1} at zoom {z}."];
            }
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        var network = await tiles.NetworkAsync(ct);
        if (network.Version is not { } version)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No street tiles", detail: network.Reason);
        }
        var etag = new EntityTagHeaderValue($"\"{RoadTileSource.Layout}-{version}\"");
        var headers = http.Response.GetTypedHeaders();
        headers.ETag = etag;
        headers.CacheControl = new CacheControlHeaderValue { Public = true, MaxAge = TimeSpan.FromMinutes(5) };
        var ifNoneMatch = http.Request.GetTypedHeaders().IfNoneMatch;
        if (ifNoneMatch.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Compare(etag, useStrongComparison: false)))
        {
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }
        var tile = await tiles.TileAsync(version, z, x, y, ct);
        return TypedResults.Bytes(tile, MediaType);
    }

    internal static async Task<IResult> StyleAsync(HttpRequest request, RoadTileSource tiles, CancellationToken ct)
    {
        var network = await tiles.NetworkAsync(ct);
        var url = network.Available
            ? string.Create(CultureInfo.InvariantCulture, $"{request.Scheme}://{request.Host}{request.PathBase}{TilePath}")
            : null;
        return TypedResults.Json(MapStyle.Build(url, network));
    }
}
