using System.Collections.Concurrent;
using Delivery.CourierApi.Auth;
using Delivery.CourierApi.Features.Plans;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace Delivery.CourierApi.Tests.Features;

public sealed class PlanningHubTests(DeliveryApiFactory api) : IClassFixture<DeliveryApiFactory>
{
    [Fact]
    public async Task WatchDepot_PlanJob_PushesProgressAndCompletion()
    {
        var dispatcher = await api.ClientAsAsync(Roles.Dispatcher);
        var s = await Scenario.CreateAsync(dispatcher, couriers: 2);
        await s.ImportAsync(Scenario.Csv(12));
        var token = await api.TokenAsync(Roles.Analyst);
        var updates = new ConcurrentQueue<JobUpdate>();
        await using var hub = Connection(token);
        hub.On<JobUpdate>(PlanningHub.UpdateMethod, updates.Enqueue);
        await hub.StartAsync();
        await hub.InvokeAsync("WatchDepot", s.Depot.Id);

        var job = await Planning.StartAsync(dispatcher, s.Depot.Id);
        await Planning.WaitAsync(dispatcher, job.Id);
        var until = DateTime.UtcNow.AddSeconds(30);
        while (!updates.Any(u => u.Status == "succeeded") && DateTime.UtcNow < until)
        {
            await Task.Delay(100);
        }

        Assert.Contains(updates, u => u.JobId == job.Id && u.Status == "running");
        var last = Assert.Single(updates, u => u.Status == "succeeded");
        Assert.NotNull(last.ResultVersionId);
        Assert.NotNull(last.Progress?.BestCost);
    }

    [Fact]
    public async Task Connect_Anonymous_IsRefused()
    {
        await using var hub = Connection(token: null);
        var error = await Assert.ThrowsAsync<HttpRequestException>(() => hub.StartAsync());
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, error.StatusCode);
    }

    private HubConnection Connection(string? token) => new HubConnectionBuilder()
        .WithUrl(new Uri(api.Server.BaseAddress, PlanningHub.Path.TrimStart('/')), o =>
        {
            o.HttpMessageHandlerFactory = _ => api.Server.CreateHandler();
            o.Transports = HttpTransportType.LongPolling;
            o.AccessTokenProvider = () => Task.FromResult(token);
        })
        .Build();
}
