using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Delivery.CourierApi.Auth;
using Delivery.CourierApi.Features.Fleet;
using Delivery.CourierApi.Features.Pairing;

namespace Delivery.CourierApi.Tests.Board;

/// <summary>Tablet pairing: a one-use code that expires, exchanged anonymously for a device token the host accepts.</summary>
public sealed class PairingEndpointsTests(DeliveryApiFactory api) : IClassFixture<DeliveryApiFactory>
{
    private async Task<(HttpClient Dispatcher, CourierResponse Courier)> CourierAsync()
    {
        var dispatcher = await api.ClientAsAsync(Roles.Dispatcher);
        var s = await Scenario.CreateAsync(dispatcher, couriers: 1);
        return (dispatcher, s.Couriers[0]);
    }

    private static async Task<string> ReasonAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        return (string)(await response.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!["code"]![0]!;
    }

    [Fact]
    public async Task Pair_CodeOnce_GivesWorkingDeviceTokenThenRefusesReuse()
    {
        var (dispatcher, courier) = await CourierAsync();
        var issued = await Scenario.Read<PairingCodeResponse>(await dispatcher.PostAsJsonAsync(
            $"/api/v1/couriers/{courier.Id}/pairing-codes", new CreatePairingCodeRequest("van 3 tablet")));
        Assert.Equal(8, issued.Code.Length);
        Assert.All(issued.Code, c => Assert.Contains(c, PairingStore.Alphabet));
        Assert.Equal(api.Time.GetUtcNow().AddMinutes(10), issued.ExpiresAt);
        Assert.EndsWith($"/courier/pair?code={issued.Code}", issued.PairingUrl);
        Assert.Contains("<svg", issued.QrSvg);

        using var tablet = api.CreateClient(); // anonymous
        var typed = issued.Code[..4].ToLowerInvariant() + "-" + issued.Code[4..];
        var device = await Scenario.Read<DeviceTokenResponse>(await tablet.PostAsJsonAsync("/api/v1/devices/pair", new PairDeviceRequest(typed)));
        Assert.Equal(courier.Id, device.CourierId);
        Assert.StartsWith(CourierDeviceDefaults.TokenPrefix, device.Token);

        // The token is a device token like any other: the courier endpoints accept it, and the board lists the device.
        var route = await api.ClientWithDeviceToken(device.Token).GetAsync("/api/v1/courier/route?date=2026-12-01");
        Assert.NotEqual(HttpStatusCode.Unauthorized, route.StatusCode);
        var devices = await dispatcher.GetFromJsonAsync<List<DeviceView>>($"/api/v1/couriers/{courier.Id}/devices");
        Assert.Equal("van 3 tablet", Assert.Single(devices!).Name);

        Assert.Contains("already used", await ReasonAsync(await tablet.PostAsJsonAsync("/api/v1/devices/pair", new PairDeviceRequest(issued.Code))));

        // Revoked: the token stops working.
        (await dispatcher.DeleteAsync($"/api/v1/devices/{device.DeviceId}")).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.ClientWithDeviceToken(device.Token).GetAsync("/api/v1/courier/route?date=2026-12-01")).StatusCode);
    }

    [Fact]
    public async Task Pair_AfterExpiry_RefusedAsExpired()
    {
        var (dispatcher, courier) = await CourierAsync();
        var issued = await Scenario.Read<PairingCodeResponse>(await dispatcher.PostAsync($"/api/v1/couriers/{courier.Id}/pairing-codes", null));
        api.Time.Advance(TimeSpan.FromMinutes(11));
        using var tablet = api.CreateClient();
        Assert.Contains("expired", await ReasonAsync(await tablet.PostAsJsonAsync("/api/v1/devices/pair", new PairDeviceRequest(issued.Code))));
    }

    [Fact]
    public async Task Pair_WrongOrMalformedCode_ProblemNamesCode()
    {
        using var tablet = api.CreateClient();
        Assert.Contains("unknown", await ReasonAsync(await tablet.PostAsJsonAsync("/api/v1/devices/pair", new PairDeviceRequest("ZZZZ2222"))));
        Assert.Contains("8 letters", await ReasonAsync(await tablet.PostAsJsonAsync("/api/v1/devices/pair", new PairDeviceRequest("abc"))));
    }

    [Fact]
    public async Task CreateCode_NewCodeVoidsEarlierOneAndAnalystIsRefused()
    {
        var (dispatcher, courier) = await CourierAsync();
        var first = await Scenario.Read<PairingCodeResponse>(await dispatcher.PostAsync($"/api/v1/couriers/{courier.Id}/pairing-codes", null));
        await Scenario.Read<PairingCodeResponse>(await dispatcher.PostAsync($"/api/v1/couriers/{courier.Id}/pairing-codes", null));
        using var tablet = api.CreateClient();
        Assert.Contains("unknown", await ReasonAsync(await tablet.PostAsJsonAsync("/api/v1/devices/pair", new PairDeviceRequest(first.Code))));

        var analyst = await api.ClientAsAsync(Roles.Analyst);
        Assert.Equal(HttpStatusCode.Forbidden, (await analyst.PostAsync($"/api/v1/couriers/{courier.Id}/pairing-codes", null)).StatusCode);
    }
}
