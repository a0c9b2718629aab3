using System.Security.Cryptography;
using System.Text;
using Delivery.CourierApi.Hosting;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Delivery.CourierApi.Auth;

/// <summary>
/// Failed sign-ins per account, counted in Redis so every node sees the same count: after
/// <see cref="AuthOptions.SignInFailuresPerAccount"/> failures in <see cref="AuthOptions.SignInAccountWindowMinutes"/>
/// the account refuses sign-in (429) until the window ends, whichever address the guesses come from. The key holds a
/// hash of the name, not the name.
/// </summary>
internal sealed class SignInAttempts(IConnectionMultiplexer redis, IOptions<AuthOptions> options, IConfiguration configuration)
{
    private readonly string _prefix = (configuration["SignalR:ChannelPrefix"] ?? "delivery") + ":sign-in-failures:";

    public async Task<bool> IsLockedAsync(string userName)
    {
        var count = await redis.GetDatabase().StringGetAsync(Key(userName));
        return count.TryParse(out long n) && n >= options.Value.SignInFailuresPerAccount;
    }

    public async Task FailedAsync(string userName)
    {
        var db = redis.GetDatabase();
        var key = Key(userName);
        if (await db.StringIncrementAsync(key) == 1)
        {
            await db.KeyExpireAsync(key, TimeSpan.FromMinutes(options.Value.SignInAccountWindowMinutes));
        }
    }

    private RedisKey Key(string userName) =>
        _prefix + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(userName.Trim().ToUpperInvariant())));
}
