using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR.Client;

namespace Delivery.Tracking.Tests.Support;

/// <summary>Collects one kind of hub message so a test can wait for a matching one.</summary>
public sealed class Inbox<T>
{
    private readonly ConcurrentQueue<T> _items = new();
    private readonly SemaphoreSlim _signal = new(0);

    public Inbox(HubConnection connection, string method) =>
        connection.On<T>(method, item =>
        {
            _items.Enqueue(item);
            _signal.Release();
        });

    public IReadOnlyList<T> All => [.. _items];

    /// <summary>Waits (bounded, not a timing assertion) until a message matching <paramref name="match"/> arrived.</summary>
    public async Task<T> WaitForAsync(Func<T, bool> match, int seconds = 20)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            var hit = _items.FirstOrDefault(match);
            if (hit is not null)
            {
                return hit;
            }
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero || !await _signal.WaitAsync(left))
            {
                throw new TimeoutException($"No matching {typeof(T).Name} within {seconds} s; got {_items.Count}.");
            }
        }
    }
}
