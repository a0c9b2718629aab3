using System.Net;
using System.Net.Http.Json;
using Delivery.CourierApi.Auth;
using Delivery.CourierApi.Features.Fleet;
using Delivery.CourierApi.Tests.Wiring;

namespace Delivery.CourierApi.Tests.Board;

/// <summary>Manifests print in the depot's language, or the one ?lang= asks for.</summary>
public sealed class ManifestLanguageTests(DeliveryApiFactory api) : IClassFixture<DeliveryApiFactory>
{
    [Fact]
    public async Task RouteManifest_DepotRussianOrLangParameter_LabelsInThatLanguage()
    {
        var dispatcher = await api.ClientAsAsync(Roles.Dispatcher);
        var (s, plan) = await PublishedPlan.CreateAsync(dispatcher, couriers: 1, orders: 3);
        var route = plan.Routes.First(r => r.Stops.Count > 0);
        var url = $"/api/v1/routes/{route.RouteId}/manifest.pdf";

        Assert.Contains("Route manifest", await Pdf.TextAsync(await PublishedPlan.PdfAsync(dispatcher, url)));

        var set = await Scenario.Read<DepotLanguage>(await dispatcher.PutAsJsonAsync($"/api/v1/depots/{s.Depot.Id}/language", new DepotLanguage("ru")));
        Assert.Equal(["en", "ru", "uk"], set.Available);
        var russian = await Pdf.TextAsync(await PublishedPlan.PdfAsync(dispatcher, url));
        Assert.Contains("Маршрутный лист", russian);
        Assert.Contains($"Маршрут {route.RouteId}", russian);
        Assert.Contains("Подпись:", russian);

        var english = await Pdf.TextAsync(await PublishedPlan.PdfAsync(dispatcher, url + "?lang=en"));
        Assert.Contains("Signature:", english);
        var ukrainian = await Pdf.TextAsync(await PublishedPlan.PdfAsync(dispatcher, $"/api/v1/plan-versions/{plan.Id}/manifests.pdf?lang=uk"));
        Assert.Contains("Маршрутний лист", ukrainian);
    }

    [Fact]
    public async Task RouteManifest_UnknownLanguage_ProblemNamesLang()
    {
        var dispatcher = await api.ClientAsAsync(Roles.Dispatcher);
        var response = await dispatcher.GetAsync("/api/v1/routes/1/manifest.pdf?lang=xx");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("\"lang\"", await response.Content.ReadAsStringAsync());
        var put = await dispatcher.PutAsJsonAsync("/api/v1/depots/1/language", new DepotLanguage("klingon"));
        Assert.Equal(HttpStatusCode.BadRequest, put.StatusCode);
        Assert.Contains("\"language\"", await put.Content.ReadAsStringAsync());
    }
}
