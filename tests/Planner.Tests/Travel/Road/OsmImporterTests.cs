using Delivery.Testing;

using System.Diagnostics;
using Delivery.Planner.Travel.Road;

namespace Delivery.Planner.Tests.Travel.Road;

/// <summary>Imports of real and broken extracts into a schema of this class's own.</summary>
public sealed class OsmImporterTests : IAsyncLifetime
{
    private readonly RoadTestDatabase _db = new("imp");
    private readonly string _work = Directory.CreateTempSubdirectory("roads-import-tests").FullName;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _db.DisposeAsync();
        Directory.Delete(_work, recursive: true);
    }

    [SharedDataFact]
    public async Task ImportAsync_Helsinki_LoadsRoadsWithOneWaysAndComponent()
    {
        var report = await _db.Importer().ImportAsync(HelsinkiNetworkFixture.ExtractPath);

        Assert.Equal(_db.Schema, report.Schema);
        Assert.True(report.Edges > 1000, $"edges {report.Edges}");
        Assert.True(report.OneWayEdges > 0 && report.OneWayEdges < report.Edges);
        Assert.InRange(report.SccVertices, report.Vertices / 2, report.Vertices);
        Assert.Equal(report.SccVertices, await _db.ScalarAsync<long>($"SELECT count(*) FROM {_db.Schema}.ways_vertices_pgr WHERE in_scc"));
        Assert.Equal(0L, await _db.ScalarAsync<long>($"SELECT count(*) FROM pg_namespace WHERE nspname LIKE '{_db.Schema}\\_stg\\_%'"));
    }

    [SharedDataFact]
    public async Task ImportAsync_Again_ReplacesPreviousNetwork()
    {
        await SmallNetwork.CreateAsync(_db);
        Assert.Equal(6L, await CountWaysAsync());

        var report = await _db.Importer().ImportAsync(HelsinkiNetworkFixture.ExtractPath);

        Assert.Equal(report.Edges, await CountWaysAsync());
        Assert.Equal(0L, await _db.ScalarAsync<long>($"SELECT count(*) FROM {_db.Schema}.ways WHERE name = 'hand-built'"));
    }

    [SharedDataFact]
    public async Task ImportAsync_CorruptExtract_ThrowsAndKeepsPreviousNetwork()
    {
        await SmallNetwork.CreateAsync(_db);
        var bytes = await File.ReadAllBytesAsync(HelsinkiNetworkFixture.ExtractPath);
        Array.Fill(bytes, (byte)0x5A, 200, 4000);
        var corrupt = Write("corrupt.osm.pbf", bytes);

        var ex = await Assert.ThrowsAsync<RoadNetworkImportException>(() => _db.Importer().ImportAsync(corrupt));

        Assert.Contains("not a readable OpenStreetMap extract", ex.Message);
        Assert.Contains("corrupt.osm.pbf", ex.Message);
        Assert.Equal(6L, await CountWaysAsync());
    }

    [SharedDataFact]
    public async Task ImportAsync_EmptyFile_ThrowsNamingIt()
    {
        await SmallNetwork.CreateAsync(_db);
        var empty = Write("empty.osm.pbf", []);

        var ex = await Assert.ThrowsAsync<RoadNetworkImportException>(() => _db.Importer().ImportAsync(empty));

        Assert.Contains("empty", ex.Message);
        Assert.Equal(6L, await CountWaysAsync());
    }

    [SharedDataFact]
    public async Task ImportAsync_NotOsm_ThrowsAndKeepsPreviousNetwork()
    {
        await SmallNetwork.CreateAsync(_db);
        var csv = Write("orders.osm.pbf", "id,lat,lon\n1,60.1,24.9\n"u8.ToArray());

        var ex = await Assert.ThrowsAsync<RoadNetworkImportException>(() => _db.Importer().ImportAsync(csv));

        Assert.Contains("not a readable OpenStreetMap extract", ex.Message);
        Assert.Equal(6L, await CountWaysAsync());
    }

    [SharedDataFact]
    public async Task ImportAsync_ExtractWithoutRoads_ThrowsAndKeepsPreviousNetwork()
    {
        await SmallNetwork.CreateAsync(_db);
        var xml = Write("park.osm", """
            <?xml version="1.0" encoding="UTF-8"?>
            <osm version="0.6" generator="test">
              <node id="1" version="1" lat="60.17" lon="24.94"/>
              <node id="2" version="1" lat="60.171" lon="24.94"/>
              <node id="3" version="1" lat="60.171" lon="24.941"/>
              <way id="10" version="1"><nd ref="1"/><nd ref="2"/><nd ref="3"/><nd ref="1"/><tag k="leisure" v="park"/></way>
            </osm>
            """u8.ToArray());
        var pbf = Path.Combine(_work, "park.osm.pbf");
        using (var osmium = Process.Start("osmium", ["cat", xml, "-o", pbf, "--overwrite"]))
        {
            await osmium.WaitForExitAsync();
            Assert.Equal(0, osmium.ExitCode);
        }

        var ex = await Assert.ThrowsAsync<RoadNetworkImportException>(() => _db.Importer().ImportAsync(pbf));

        Assert.Contains("no roads", ex.Message);
        Assert.Equal(6L, await CountWaysAsync());
    }

    [SharedDataFact]
    public async Task ImportAsync_DatabaseDown_ThrowsNamingTheDatabase()
    {
        var importer = new OsmImporter("Host=127.0.0.1;Port=1;Username=postgres;Database=nowhere;Timeout=2", new OsmImportOptions { Schema = _db.Schema });

        var ex = await Assert.ThrowsAsync<RoadNetworkImportException>(() => importer.ImportAsync(HelsinkiNetworkFixture.ExtractPath));

        Assert.Contains("127.0.0.1:1/nowhere", ex.Message);
        Assert.Contains("unreachable", ex.Message);
    }

    [SharedDataFact]
    public async Task ImportAsync_MissingFile_ThrowsNamingIt()
    {
        var ex = await Assert.ThrowsAsync<RoadNetworkImportException>(() => _db.Importer().ImportAsync(Path.Combine(_work, "nope.osm.pbf")));

        Assert.Contains("nope.osm.pbf", ex.Message);
        Assert.Contains("does not exist", ex.Message);
    }

    [SharedDataFact]
    public void Constructor_BadSchemaName_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() => new OsmImporter(RoadTestDatabase.ConnectionString, new OsmImportOptions { Schema = "Roads; DROP" }));

        Assert.Contains("Schema name", ex.Message);
    }

    private Task<long> CountWaysAsync() => _db.ScalarAsync<long>($"SELECT count(*) FROM {_db.Schema}.ways");

    private string Write(string name, byte[] content)
    {
        var path = Path.Combine(_work, name);
        File.WriteAllBytes(path, content);
        return path;
    }
}
