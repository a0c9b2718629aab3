using System.Net;
using System.Net.Http.Json;
using Delivery.CourierApi.Auth;

namespace Delivery.CourierApi.Tests.Auth;

public sealed class SignInLimitsTests : IClassFixture<DeliveryApiFactory>
{
    private readonly DeliveryApiFactory _api;

    public SignInLimitsTests(DeliveryApiFactory api)
    {
        _api = api;
        _api.Settings["Auth:SignInPermitsPerMinute"] = "3";
    }

    [Fact]
    public async Task SignIn_TooManyAttempts_Is429Problem()
    {
        var client = _api.CreateClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++)
        {
            statuses.Add((await client.PostAsJsonAsync("/api/v1/auth/sign-in", new SignInRequest("nobody", "wrong"))).StatusCode);
        }
        Assert.Contains(HttpStatusCode.TooManyRequests, statuses);
        var limited = await client.PostAsJsonAsync("/api/v1/auth/sign-in", new SignInRequest("nobody", "wrong"));
        Assert.Equal("application/problem+json", limited.Content.Headers.ContentType?.MediaType);
    }
}
