using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace Delivery.CourierApi.Tests.Auth;

/// <summary>The live hub's customer method is limited per address like the public tracking endpoints: no side door for guessing tokens.</summary>
public sealed class TrackOrderLimitTests : IClassFixture<DeliveryApiFactory>
{
    private readonly DeliveryApiFactory _api;

    public TrackOrderLimitTests(DeliveryApiFactory api)
    {
        _api = api;
        _api.Settings["CustomerPage:PermitsPerMinute"] = "3";
    }

    [Fact]
    public async Task TrackOrder_GuessesPastTheLimit_AreRefusedAsTooMany()
    {
        await using var hub = new HubConnectionBuilder()
            .WithUrl(new Uri(_api.Server.BaseAddress, "hubs/live"), o =>
            {
                o.HttpMessageHandlerFactory = _ => _api.Server.CreateHandler();
                o.Transports = HttpTransportType.LongPolling;
            })
            .Build();
        await hub.StartAsync();

        var answers = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            answers.Add((await Assert.ThrowsAsync<HubException>(() => hub.InvokeAsync<object>("TrackOrder", "guess-" + i))).Message);
        }

        Assert.All(answers.Take(3), a => Assert.Contains("Unknown tracking token", a));
        Assert.True(answers[3].Contains("Too many requests", StringComparison.Ordinal), string.Join(" / ", answers));
    }
}
