using System.Threading.RateLimiting;
using Delivery.Tracking.Hubs;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace Delivery.CourierApi.Features.CustomerPage;

/// <summary>
/// The live hub's customer method (<c>TrackOrder</c>, anonymous) is limited per client address like the public REST
/// endpoints, so the hub is no side door for guessing tokens. Dispatchers' methods are not limited.
/// </summary>
internal sealed class TrackOrderRateLimit : IHubFilter, IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter;

    public TrackOrderRateLimit(IOptions<CustomerPageOptions> options)
    {
        var permits = options.Value.PermitsPerMinute;
        _limiter = PartitionedRateLimiter.Create<string, string>(address => RateLimitPartition.GetFixedWindowLimiter(address,
            _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
    }

    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        if (invocationContext.HubMethodName == nameof(LiveHub.TrackOrder))
        {
            var address = invocationContext.Context.GetHttpContext()?.Connection.RemoteIpAddress?.ToString() ?? "unknown";
            using var lease = _limiter.AttemptAcquire(address);
            if (!lease.IsAcquired)
            {
                throw new HubException("Too many requests from this address. Wait a minute and try again.");
            }
        }
        return await next(invocationContext);
    }

    public void Dispose() => _limiter.Dispose();
}
