using StackExchange.Redis;

namespace Delivery.Testing;

/// <summary>
/// A connection to the real Redis with a key prefix of its own (<c>t:&lt;guid&gt;:</c>); every key under the
/// prefix is deleted on dispose. Create one per test.
/// </summary>
public sealed class TestRedis : IDisposable, IAsyncDisposable
{
    /// <summary>Connects to <see cref="TestServices.Redis"/>.</summary>
    public TestRedis()
    {
        Prefix = $"t:{Guid.NewGuid():N}:";
        Multiplexer = ConnectionMultiplexer.Connect(ConfigurationString);
    }

    /// <summary>The Redis configuration string (endpoint and options).</summary>
    public static string ConfigurationString => TestServices.Redis + ",abortConnect=false";

    /// <summary>Prefix to put in front of every key this test writes.</summary>
    public string Prefix { get; }

    /// <summary>The connection.</summary>
    public IConnectionMultiplexer Multiplexer { get; }

    /// <summary>The database.</summary>
    public IDatabase Database => Multiplexer.GetDatabase();

    /// <summary>A key under this test's prefix.</summary>
    public RedisKey Key(string name) => Prefix + name;

    /// <inheritdoc />
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        foreach (var endpoint in Multiplexer.GetEndPoints())
        {
            var server = Multiplexer.GetServer(endpoint);
            if (server.IsReplica)
            {
                continue;
            }
            await foreach (var key in server.KeysAsync(pattern: Prefix + "*"))
            {
                await Database.KeyDeleteAsync(key);
            }
        }
        await Multiplexer.DisposeAsync();
    }
}
