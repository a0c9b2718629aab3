using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Delivery.Tracking.Hubs;

/// <summary>Wire format a .NET hub client speaks; the tracking hubs accept both.</summary>
public enum HubWireProtocol
{
    /// <summary>Binary MessagePack: smaller frames and cheaper to parse (simulator, load benchmark, native apps).</summary>
    MessagePack,

    /// <summary>JSON with tracking's source-generated settings (browsers and scripts).</summary>
    Json,
}

/// <summary>Builds .NET clients of the courier and live hubs with the protocol settings the server uses.</summary>
public static class TrackingHubConnection
{
    /// <summary>An unstarted connection to <paramref name="url"/> sending <paramref name="accessToken"/> (if any).</summary>
    public static HubConnection Build(Uri url, string? accessToken, HubWireProtocol protocol)
    {
        var builder = new HubConnectionBuilder()
            .WithUrl(url, o => o.AccessTokenProvider = () => Task.FromResult(accessToken));
        _ = protocol == HubWireProtocol.MessagePack
            ? builder.AddMessagePackProtocol()
            : builder.AddJsonProtocol(o => TrackingServiceCollectionExtensions.ConfigureJson(o.PayloadSerializerOptions));
        return builder.Build();
    }
}
