using Delivery.CourierApi.Features.Fleet;
using Delivery.CourierApi.Features.Live;
using Delivery.CourierApi.Features.Orders;
using Delivery.CourierApi.Features.Pairing;
using Delivery.CourierApi.Features.Plans;
using Delivery.CourierApi.Features.Tiles;

namespace Delivery.CourierApi.Features;

/// <summary>
/// What the dispatcher's board needs beyond the evening's REST features: street tiles and the map style,
/// CSV import preview with remembered column mappings, what a re-plan moved, tablet pairing, the live day (snapshot, alert acknowledgements, stop stories).
/// </summary>
internal static class BoardApiSetup
{
    public static WebApplicationBuilder AddBoardApi(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<RoadTileSource>();
        builder.Services.AddSingleton<ShopMappingStore>();
        builder.Services.AddSingleton<CsvImport>();
        builder.Services.AddPairing();
        builder.Services.AddSingleton<Live.LiveDayStore>();
        builder.Services.AddSingleton<Live.LiveDay>();
        builder.Services.AddSingleton<Live.InDayReplan>();
        return builder;
    }

    public static WebApplication MapBoardApi(this WebApplication app)
    {
        app.MapTiles();
        app.MapImportPreview();
        app.MapPlanChanges();
        app.MapPairing();
        app.MapDepotLanguage();
        app.MapLiveDay();
        return app;
    }
}
