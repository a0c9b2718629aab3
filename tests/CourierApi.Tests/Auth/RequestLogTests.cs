using System.Collections.Concurrent;
using Delivery.CourierApi.Auth;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting.Compact;

namespace Delivery.CourierApi.Tests.Auth;

/// <summary>The request log (Serilog, at Information, every property as JSON) never holds a customer's tracking token.</summary>
public sealed class RequestLogTests : IClassFixture<DeliveryApiFactory>
{
    private readonly DeliveryApiFactory _api;
    private readonly JsonLines _log = new();

    public RequestLogTests(DeliveryApiFactory api)
    {
        _api = api;
        _api.Settings["Serilog:MinimumLevel:Default"] = "Information";
        _api.ExtraServices = services => services.AddSingleton<ILogEventSink>(_log);
    }

    [Fact]
    public async Task TrackingRequests_Logged_WithoutTheToken()
    {
        var dispatcher = await _api.ClientAsAsync(Roles.Dispatcher);
        var s = await Scenario.CreateAsync(dispatcher, couriers: 1);
        var token = (await s.OrderAsync("L1")).TrackingToken!;
        var customer = _api.CreateClient();

        await customer.GetAsync($"/t/{token}");
        await customer.GetAsync($"/api/v1/tracking/{token}");
        await customer.GetAsync($"/api/v1/tracking/{token}/page");

        for (var i = 0; i < 100 && !_log.Text.Contains("/api/v1/tracking/***/page", StringComparison.Ordinal); i++)
        {
            await Task.Delay(100);
        }
        Assert.True(_log.Text.Contains("/api/v1/tracking/***/page", StringComparison.Ordinal), _log.Text);
        Assert.Contains("\"RequestPath\":\"/api/v1/tracking/***\"", _log.Text);
        Assert.DoesNotContain(token, _log.Text);
    }

    /// <summary>Every event, all properties, one JSON line each.</summary>
    private sealed class JsonLines : ILogEventSink
    {
        private readonly ConcurrentQueue<string> _lines = new();
        private readonly CompactJsonFormatter _json = new();

        public string Text => string.Join('\n', _lines);

        public void Emit(LogEvent logEvent)
        {
            using var writer = new StringWriter();
            _json.Format(logEvent, writer);
            _lines.Enqueue(writer.ToString());
        }
    }
}
