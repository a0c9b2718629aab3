using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Delivery.CourierApi.Auth;

namespace Delivery.CourierApi.Tests.Auth;

public sealed class AuthEndpointsTests(DeliveryApiFactory api) : IClassFixture<DeliveryApiFactory>
{
    [Fact]
    public async Task SignIn_WrongPassword_Is401Problem()
    {
        var response = await api.CreateClient().PostAsJsonAsync("/api/v1/auth/sign-in", new SignInRequest("nobody", "wrong"));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task SignIn_EmptyFields_NamesEachField()
    {
        var response = await api.CreateClient().PostAsJsonAsync("/api/v1/auth/sign-in", new SignInRequest("", ""));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(body.GetProperty("errors").TryGetProperty("userName", out _));
        Assert.True(body.GetProperty("errors").TryGetProperty("password", out _));
    }

    [Fact]
    public async Task AnyEndpoint_Anonymous_Is401()
    {
        var response = await api.CreateClient().GetAsync("/api/v1/depots");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Me_Bearer_ReturnsRole()
    {
        var client = await api.ClientAsAsync(Roles.Analyst);
        var me = await client.GetFromJsonAsync<CurrentUserResponse>("/api/v1/auth/me");
        Assert.Equal(Roles.Analyst, me!.Role);
    }

    [Fact]
    public async Task CreateDepot_Analyst_Is403()
    {
        var client = await api.ClientAsAsync(Roles.Analyst);
        var response = await client.PostAsJsonAsync("/api/v1/depots", Fixtures.Depot("an"));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task HealthReady_Anonymous_IsHealthy()
    {
        var response = await api.CreateClient().GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task OpenApiDocument_Anonymous_ListsFleetPaths()
    {
        var doc = await api.CreateClient().GetStringAsync("/openapi/v1.json");
        Assert.Contains("/api/v1/depots", doc);
    }
}
