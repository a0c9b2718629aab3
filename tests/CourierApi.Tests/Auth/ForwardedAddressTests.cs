using System.Net;
using System.Net.Http.Json;
using Delivery.CourierApi.Auth;

namespace Delivery.CourierApi.Tests.Auth;

/// <summary>
/// Sign-in is limited per client address; behind a trusted proxy (here: the test itself on loopback, through Kestrel)
/// that address is the forwarded one, and from any other peer X-Forwarded-For is ignored.
/// </summary>
public sealed class ForwardedAddressTests
{
    [Fact]
    public async Task SignIn_ThroughTrustedProxy_LimitedPerForwardedAddress()
    {
        await using var api = Host(trustLoopback: true);
        using var client = new HttpClient { BaseAddress = api.ClientOptions.BaseAddress };

        var first = await AttemptsAsync(client, "203.0.113.5", 4);
        var other = await AttemptsAsync(client, "203.0.113.6", 1);

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests], first);
        Assert.Equal([HttpStatusCode.Unauthorized], other);
    }

    [Fact]
    public async Task SignIn_FromUntrustedPeer_ForwardedHeaderIgnored()
    {
        await using var api = Host(trustLoopback: false);
        using var client = new HttpClient { BaseAddress = api.ClientOptions.BaseAddress };

        await AttemptsAsync(client, "203.0.113.7", 3);
        var spoofed = await AttemptsAsync(client, "203.0.113.8", 1);

        Assert.Equal([HttpStatusCode.TooManyRequests], spoofed);
    }

    private static DeliveryApiFactory Host(bool trustLoopback)
    {
        var api = new DeliveryApiFactory();
        api.Settings["Auth:SignInPermitsPerMinute"] = "3";
        if (trustLoopback)
        {
            api.Settings["Auth:TrustedProxies:0"] = "127.0.0.1";
            api.Settings["Auth:TrustedProxies:1"] = "::1";
        }
        api.UseKestrel(0);
        api.StartServer();
        return api;
    }

    /// <summary>Failed sign-ins (a different unknown name each, so the per-account limit stays out of it) as if from <paramref name="address"/>.</summary>
    private static async Task<List<HttpStatusCode>> AttemptsAsync(HttpClient client, string address, int count)
    {
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < count; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/sign-in")
            {
                Content = JsonContent.Create(new SignInRequest("nobody-" + Guid.NewGuid().ToString("N")[..6], "wrong")),
            };
            request.Headers.Add("X-Forwarded-For", address);
            statuses.Add((await client.SendAsync(request)).StatusCode);
        }
        return statuses;
    }
}
