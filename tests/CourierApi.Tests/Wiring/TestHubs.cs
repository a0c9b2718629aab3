using System.Net.Http.Json;
using System.Text.Json;
using Delivery.Tracking;
using Delivery.Tracking.Live;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Delivery.CourierApi.Tests.Wiring;

/// <summary>Hub clients and the customer's view over a test host, as a tablet, the board and a customer's page see them.</summary>
internal static class TestHubs
{
    /// <summary>An unstarted connection to the host's hub at <paramref name="path"/> with <paramref name="token"/>, in JSON or MessagePack.</summary>
    public static HubConnection Connect(DeliveryApiFactory api, string path, string token, bool messagePack = false)
    {
        var builder = new HubConnectionBuilder().WithUrl(new Uri(api.Server.BaseAddress, path), o =>
        {
            o.HttpMessageHandlerFactory = _ => api.Server.CreateHandler();
            o.Transports = HttpTransportType.LongPolling;
            o.AccessTokenProvider = () => Task.FromResult<string?>(token);
        });
        _ = messagePack ? builder.AddMessagePackProtocol()
            : builder.AddJsonProtocol(o => TrackingServiceCollectionExtensions.ConfigureJson(o.PayloadSerializerOptions));
        return builder.Build();
    }

    /// <summary>What the customer's tracking link shows (anonymous).</summary>
    public static async Task<CustomerView> CustomerViewAsync(DeliveryApiFactory api, string trackingToken)
    {
        var response = await api.CreateClient().GetAsync($"/api/v1/tracking/{trackingToken}");
        response.EnsureSuccessStatusCode();
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        options.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter());
        return (await response.Content.ReadFromJsonAsync<CustomerView>(options))!;
    }
}
