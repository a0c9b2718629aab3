using Delivery.CourierApi.Features.RoadNetwork;
using Delivery.Testing;
using Microsoft.Extensions.Configuration;
using Npgsql;

namespace Delivery.EndToEnd.Tests.Courier;

/// <summary>
/// <see cref="CourierDay"/> on Porto's streets: the demo's extract (<c>demo/porto.osm.pbf</c>, shipped in the repository)
/// imported into a schema of its own by the host's command, loaded at start, so the map has street tiles.
/// </summary>
public sealed class StreetCourierDay : CourierDay
{
    public string Schema { get; } = "e2e_roads_" + Guid.NewGuid().ToString("N")[..12];

    protected override async Task BeforeHostAsync()
    {
        using var output = new StringWriter();
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Delivery"] = TestServices.Postgres }).Build();
        var code = await ImportOsmCommand.RunAsync(["import-osm", DemoExtract(), "--schema", Schema], output, output, config);
        Assert.True(code == 0, output.ToString());
        Host.Settings["RoadNetwork:Schema"] = Schema;
        Host.Settings["RoadNetwork:LoadOnStart"] = "true";
    }

    private static string DemoExtract()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var file = Path.Combine(dir.FullName, "demo", "porto.osm.pbf");
            if (File.Exists(file))
            {
                return file;
            }
        }
        throw new FileNotFoundException("demo/porto.osm.pbf not found above " + AppContext.BaseDirectory);
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await using var connection = new NpgsqlConnection(TestServices.Postgres);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP SCHEMA IF EXISTS \"{Schema}\" CASCADE", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
