using Delivery.Testing;
using Delivery.Tracking.Hubs;
using Delivery.Tracking.Tests.Support;
using Microsoft.AspNetCore.SignalR.Client;

namespace Delivery.Tracking.Tests.Hubs;

/// <summary>The push that tells tablets of a publish (the REST endpoints over tracking are the host's: see CourierApi.Tests).</summary>
public sealed class RouteChangeNotifierTests(TestDatabase db) : IClassFixture<TestDatabase>
{
    [Fact]
    public async Task RouteChangedAsync_CourierConnected_TabletIsTold()
    {
        await using var day = await DayScenario.CreateAsync(db);
        await using var host = await day.StartHostAsync();
        var courier = await host.ConnectAsync("/hubs/courier", day.CourierToken);
        var changed = new TaskCompletionSource<(string, int)>();
        courier.On<string, int>("RouteChanged", (route, version) => changed.TrySetResult((route, version)));

        await host.Get<RouteChangeNotifier>().RouteChangedAsync(day.Route.CourierId, day.Route.RouteId, 2);

        Assert.Equal((day.Route.RouteId, 2), await changed.Task.WaitAsync(TimeSpan.FromSeconds(20)));
    }
}
