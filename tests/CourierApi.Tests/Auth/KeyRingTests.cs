using System.Net;
using System.Net.Http.Json;
using Delivery.CourierApi.Auth;
using Delivery.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using StackExchange.Redis;

namespace Delivery.CourierApi.Tests.Auth;

/// <summary>The data-protection key ring lives in Redis: a cookie one node issued works on another node (and after a restart).</summary>
public sealed class KeyRingTests : IAsyncLifetime
{
    private readonly TestDatabase _db = new();
    private readonly FakeTimeProvider _time = new(DeliveryApiFactory.Start);
    private readonly string _ring = "t-keys-" + Guid.NewGuid().ToString("N");

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        using var redis = await ConnectionMultiplexer.ConnectAsync(TestServices.Redis);
        await redis.GetDatabase().KeyDeleteAsync(_ring);
        await _db.DisposeAsync();
    }

    [Fact]
    public async Task CookieFromOneNode_OnAnotherNode_IsAccepted()
    {
        await using var first = Node();
        await using var second = Node();
        using (var scope = first.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<UserStore>().UpsertAsync("node-user", "N", Roles.Dispatcher, "pw-node-user", default, allDepots: true);
        }
        var signIn = await first.CreateClient().PostAsJsonAsync("/api/v1/auth/sign-in?useCookies=true", new SignInRequest("node-user", "pw-node-user"));
        var cookie = signIn.Headers.GetValues("Set-Cookie").First().Split(';')[0];

        var other = second.CreateClient();
        other.DefaultRequestHeaders.Add("Cookie", cookie);

        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync("/api/v1/auth/me")).StatusCode);
        using var redis = await ConnectionMultiplexer.ConnectAsync(TestServices.Redis);
        var keys = await redis.GetDatabase().ListRangeAsync(_ring);
        Assert.Contains(keys, k => k.ToString().Contains("<key ", StringComparison.Ordinal));
    }

    private DeliveryApiFactory Node()
    {
        var node = new DeliveryApiFactory(_db, _time);
        node.Settings["DataProtection:RedisKey"] = _ring;
        return node;
    }
}
