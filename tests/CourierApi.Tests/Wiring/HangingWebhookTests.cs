using System.Net.Http.Json;
using Delivery.CourierApi.Auth;
using Delivery.Tracking.Notifications;
using Microsoft.Extensions.DependencyInjection;

namespace Delivery.CourierApi.Tests.Wiring;

/// <summary>A webhook that accepts connections and never answers: the host keeps serving, the notification is retried, then parked with its error.</summary>
public sealed class HangingWebhookTests : IClassFixture<DeliveryApiFactory>, IClassFixture<HangingListener>
{
    private readonly DeliveryApiFactory _api;
    private readonly HangingListener _hook;

    public HangingWebhookTests(DeliveryApiFactory api, HangingListener hook)
    {
        _api = api;
        _hook = hook;
        api.Settings["Notifications:WebhookUrl"] = hook.Url;
        api.Settings["Notifications:AttemptTimeoutSeconds"] = "0.5";
        api.Settings["Notifications:MaxAttempts"] = "2";
        api.Settings["Notifications:RetryBaseSeconds"] = "60";
    }

    [Fact]
    public async Task Send_WebhookNeverAnswers_HostServesRetriedThenParkedWithError()
    {
        var dispatcher = await _api.ClientAsAsync(Roles.Dispatcher);
        var outbox = _api.Services.GetRequiredService<NotificationOutbox>();
        await outbox.EnqueueAsync([new OutboxMessage("900001", "planned", "test:hanging", null, """{"event":"delivery.planned","orderId":900001}""")]);

        // First attempt: no answer, kept pending with the error and a later retry.
        var first = await WaitForAsync(dispatcher, e => e.Attempts == 1 && e.LastError is not null);
        Assert.Equal("pending", first.Status);
        Assert.Contains("no answer", first.LastError);
        Assert.True(_hook.Accepted >= 1);
        // Meanwhile the host answers as usual.
        var depot = await dispatcher.PostAsJsonAsync("/api/v1/depots", Fixtures.Depot("hang"));
        Assert.True(depot.IsSuccessStatusCode, await depot.Content.ReadAsStringAsync());

        // The retry is due after the back-off; the second attempt is the last, so it is parked with the error.
        _api.Time.Advance(TimeSpan.FromSeconds(61));
        outbox.Wake();
        var parked = await WaitForAsync(dispatcher, e => e.Status == "parked");
        Assert.Equal(2, parked.Attempts);
        Assert.Contains("no answer", parked.LastError);
        Assert.Null(parked.NextAttemptAt);
        Assert.True((await _api.CreateClient().GetAsync("/health/live")).IsSuccessStatusCode);
    }

    /// <summary>Polls the dispatcher's outbox view until the test notification matches (real time, at most a minute).</summary>
    private static async Task<OutboxEntry> WaitForAsync(HttpClient dispatcher, Func<OutboxEntry, bool> match)
    {
        var until = DateTime.UtcNow.AddMinutes(1);
        while (true)
        {
            var entry = (await dispatcher.GetFromJsonAsync<List<OutboxEntry>>("/api/v1/notifications?orderId=900001"))!.Single();
            if (match(entry) || DateTime.UtcNow > until)
            {
                Assert.True(match(entry), $"outbox entry never matched: {entry}");
                return entry;
            }
            await Task.Delay(100);
        }
    }
}
