using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Delivery.Tracking.Hubs;

/// <summary>
/// The courier hub connections open on this node, by device. A device's token is checked when its connection opens;
/// revoking it (<see cref="RouteChangeNotifier.DeviceRevokedAsync"/>) publishes the device on a Redis channel, and every
/// node ends that device's open connections at once (the tablet is told <c>DeviceRevoked</c> first; its reconnect is
/// refused with 401).
/// </summary>
public sealed class DeviceConnections
{
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, HubCallerContext>> _byDevice = new();
    private readonly IConnectionMultiplexer _redis;
    private readonly RedisChannel _channel;
    private readonly Lazy<Task> _subscribed;

    internal DeviceConnections(IConnectionMultiplexer redis, IOptions<TrackingOptions> options)
    {
        _redis = redis;
        _channel = RedisChannel.Literal(options.Value.RedisKeyPrefix + "device-revoked");
        _subscribed = new Lazy<Task>(() => redis.GetSubscriber().SubscribeAsync(_channel, (_, device) => AbortLocal(device.ToString())));
    }

    /// <summary>Open connections on this node (for tests and diagnostics).</summary>
    public int Count => _byDevice.Values.Sum(c => c.Count);

    internal async Task AddAsync(string deviceId, HubCallerContext context)
    {
        await _subscribed.Value.ConfigureAwait(false);
        _byDevice.GetOrAdd(deviceId, _ => new()).TryAdd(context.ConnectionId, context);
    }

    internal void Remove(string deviceId, string connectionId)
    {
        if (_byDevice.TryGetValue(deviceId, out var connections))
        {
            connections.TryRemove(connectionId, out _);
        }
    }

    /// <summary>Ends <paramref name="deviceId"/>'s connections on every node.</summary>
    internal Task RevokeAsync(string deviceId) => _redis.GetSubscriber().PublishAsync(_channel, deviceId);

    private void AbortLocal(string deviceId)
    {
        if (_byDevice.TryRemove(deviceId, out var connections))
        {
            foreach (var context in connections.Values)
            {
                context.Abort();
            }
        }
    }
}
