using System.Text.Json;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Delivery.Tracking.Live;

/// <summary>
/// Redis keys of live tracking (all under <see cref="TrackingOptions.RedisKeyPrefix"/>): one JSON value per courier,
/// a sorted set of last-seen times of couriers on a started route (for the silent-tablet check), a flag per
/// silent courier, and the set of couriers per depot.
/// </summary>
internal sealed class LiveStateStore(IConnectionMultiplexer redis, IOptions<TrackingOptions> options)
{
    private static readonly TimeSpan StateTtl = TimeSpan.FromHours(36);
    private readonly string _prefix = options.Value.RedisKeyPrefix;

    private IDatabase Db => redis.GetDatabase();

    public RedisKey CourierKey(string courierId) => _prefix + "courier:" + courierId;

    public RedisKey LastSeenKey => _prefix + "last-seen";

    public RedisKey SilentKey(string courierId) => _prefix + "silent:" + courierId;

    public RedisKey DepotKey(string depotId) => _prefix + "depot:" + depotId + ":couriers";

    public async Task<CourierLiveState?> GetAsync(string courierId)
    {
        var value = await Db.StringGetAsync(CourierKey(courierId)).ConfigureAwait(false);
        return value.IsNullOrEmpty ? null : JsonSerializer.Deserialize((byte[])value!, LiveStateJsonContext.Default.CourierLiveState);
    }

    /// <summary>
    /// Saves the state; keeps the last-seen set in step (only couriers on a started, unfinished route). One pipelined
    /// Redis batch per courier batch, however many positions it held.
    /// </summary>
    public Task SaveAsync(CourierLiveState state, bool routeActive, bool positionsReceived)
    {
        var db = Db.CreateBatch();
        var bytes = JsonSerializer.SerializeToUtf8Bytes(state, LiveStateJsonContext.Default.CourierLiveState);
        var tasks = new List<Task>(4) { db.StringSetAsync(CourierKey(state.CourierId), bytes, StateTtl) };
        if (state.DepotId is not null)
        {
            tasks.Add(db.SetAddAsync(DepotKey(state.DepotId), state.CourierId, CommandFlags.FireAndForget));
        }
        if (routeActive && state.LastReceivedAt is { } seen)
        {
            tasks.Add(db.SortedSetAddAsync(LastSeenKey, state.CourierId, seen.ToUnixTimeMilliseconds()));
            if (positionsReceived)
            {
                tasks.Add(db.KeyDeleteAsync(SilentKey(state.CourierId), CommandFlags.FireAndForget));
            }
        }
        else if (!routeActive)
        {
            tasks.Add(db.SortedSetRemoveAsync(LastSeenKey, state.CourierId));
        }
        db.Execute();
        return Task.WhenAll(tasks);
    }

    public async Task<IReadOnlyList<string>> CouriersOfDepotAsync(string depotId) =>
        (await Db.SetMembersAsync(DepotKey(depotId)).ConfigureAwait(false)).Select(v => v.ToString()).ToList();

    /// <summary>Couriers on a started route last seen before <paramref name="before"/>.</summary>
    public async Task<IReadOnlyList<string>> SilentSinceAsync(DateTimeOffset before) =>
        (await Db.SortedSetRangeByScoreAsync(LastSeenKey, double.NegativeInfinity, before.ToUnixTimeMilliseconds()).ConfigureAwait(false))
        .Select(v => v.ToString()).ToList();

    /// <summary>Marks the courier as reported silent; true only for the first caller (any node).</summary>
    public Task<bool> TryMarkSilentAsync(string courierId) =>
        Db.StringSetAsync(SilentKey(courierId), "1", StateTtl, When.NotExists);
}
