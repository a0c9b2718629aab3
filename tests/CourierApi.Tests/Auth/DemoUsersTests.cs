using System.Net;
using System.Net.Http.Json;
using Delivery.CourierApi.Auth;
using Delivery.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Delivery.CourierApi.Tests.Auth;

/// <summary>The demo's users exist only while the demo is on.</summary>
public sealed class DemoUsersTests : IAsyncLifetime
{
    private readonly TestDatabase _db = new();
    private readonly FakeTimeProvider _time = new(DeliveryApiFactory.Start);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task StartWithoutDemo_DemoUsersDisabled()
    {
        await using (var first = new DeliveryApiFactory(_db, _time))
        {
            using var scope = first.Services.CreateScope();
            await scope.ServiceProvider.GetRequiredService<UserStore>().UpsertAsync("demo", "Demo", Roles.Dispatcher, "demo-password", default, demo: true);
            await first.SignedInAsync("demo", "demo-password");
        }

        await using var second = new DeliveryApiFactory(_db, _time);
        var signIn = await second.CreateClient().PostAsJsonAsync("/api/v1/auth/sign-in", new SignInRequest("demo", "demo-password"));

        Assert.Equal(HttpStatusCode.Unauthorized, signIn.StatusCode);
    }
}
