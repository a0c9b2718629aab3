using Delivery.Testing;
using Delivery.Tracking.Ingest;
using Delivery.Tracking.Storage;
using Delivery.Tracking.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Delivery.Tracking.Tests.Storage;

public sealed class PositionStoreTests(TestDatabase db) : IClassFixture<TestDatabase>
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 1, 23, 59, 0, TimeSpan.Zero);

    private static PositionRecord Fix(string device, long seq, DateTimeOffset at) =>
        new("c1", device, seq, at, at, 52.5 + seq * 1e-4, 13.4, 5, 1, 90);

    [Fact]
    public async Task AppendAsync_SameBatchTwice_StoresOnce()
    {
        await using var host = await TrackingTestHost.StartAsync(db, "t:" + Guid.NewGuid().ToString("N") + ":", new FakeTimeProvider(T0));
        var store = host.Get<PositionStore>();
        var device = "dev-" + Guid.NewGuid().ToString("N");
        var batch = Enumerable.Range(0, 50).Select(i => Fix(device, i, T0.AddSeconds(i * 2))).ToList();

        Assert.Equal(50, await store.AppendAsync(batch));
        Assert.Equal(0, await store.AppendAsync(batch));

        var stored = await store.ListByDeviceAsync(device);
        Assert.Equal(50, stored.Count);
        Assert.Equal(Enumerable.Range(0, 50).Select(i => (long)i), stored.Select(p => p.Seq));
        // The batch spans midnight: both daily partitions exist and hold their rows.
        Assert.Equal(2L, await db.ScalarAsync($"SELECT count(*) FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind = 'r' AND n.nspname = '{db.Schema}' AND c.relname LIKE 'positions_p2026120%'"));
    }

    [Fact]
    public async Task AppendAsync_SameSeqDifferentTime_KeepsBoth()
    {
        await using var host = await TrackingTestHost.StartAsync(db, "t:" + Guid.NewGuid().ToString("N") + ":", new FakeTimeProvider(T0));
        var store = host.Get<PositionStore>();
        var device = "dev-" + Guid.NewGuid().ToString("N");
        // A device that restarted its counter: same seq, different fix — not a duplicate.
        Assert.Equal(2, await store.AppendAsync([Fix(device, 1, T0), Fix(device, 1, T0.AddMinutes(-30))]));
    }

    [Fact]
    public async Task DeliveryEventStore_AppendAsync_SameKeyTwice_StoresOnce()
    {
        await using var host = await TrackingTestHost.StartAsync(db, "t:" + Guid.NewGuid().ToString("N") + ":", new FakeTimeProvider(T0));
        var events = host.Get<DeliveryEventStore>();
        var key = "dev:" + Guid.NewGuid().ToString("N");
        var record = new DeliveryEventRecord(key, "c1", "d1", "r-" + key, 3, "s1", "o1", DeliveryEventKind.PartlyDelivered, T0, EventSource.Tablet,
            null, [new RefusedItem("1", 1)], 15.50m, "left at door", T0.AddHours(-1), T0.AddHours(1));

        Assert.Equal([key], await events.AppendAsync([record]));
        Assert.Empty(await events.AppendAsync([record with { Note = "again" }]));

        var stored = Assert.Single(await events.ListByRouteAsync(record.RouteId));
        Assert.Equal(record with { RefusedItems = null }, stored with { RefusedItems = null });
        Assert.Equal("1", Assert.Single(stored.RefusedItems!).Sku);
    }
}
