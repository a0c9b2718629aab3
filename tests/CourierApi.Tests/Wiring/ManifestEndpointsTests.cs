using System.Net;
using Delivery.CourierApi.Auth;
using Delivery.Manifests.Codes;

namespace Delivery.CourierApi.Tests.Wiring;

/// <summary>Paper manifests through the host: real plan in PostgreSQL, real PDF, text read back with pdftotext.</summary>
public sealed class ManifestEndpointsTests(DeliveryApiFactory api) : IClassFixture<DeliveryApiFactory>
{
    [Fact]
    public async Task RouteManifest_PublishedRoute_ListsEveryStopInOrderWithCodePhoneAndItems()
    {
        var dispatcher = await api.ClientAsAsync(Roles.Dispatcher);
        var (_, plan) = await PublishedPlan.CreateAsync(dispatcher, couriers: 2, orders: 8);
        var route = plan.Routes.First(r => r.Stops.Count > 0);

        var text = await Pdf.TextAsync(await PublishedPlan.PdfAsync(dispatcher, $"/api/v1/routes/{route.RouteId}/manifest.pdf"));

        Assert.Contains(route.CourierName, text);
        Assert.Contains($"Route {route.RouteId}", text);
        Pdf.InOrder(text, route.Stops.SelectMany(s => new[]
        {
            s.CustomerName,
            new StopCode(route.RouteId, plan.Number, s.Sequence).ToString(),
        }));
        foreach (var stop in route.Stops)
        {
            var i = int.Parse(stop.ShopOrderId[1..], System.Globalization.CultureInfo.InvariantCulture);
            Assert.Contains($"+35191000{i:0000}", text);
        }
        Assert.Contains("Bread", text);
        Assert.Contains("Ring twice", text);
    }

    [Fact]
    public async Task PlanManifests_PublishedPlan_HoldsEveryRouteWithStops()
    {
        var dispatcher = await api.ClientAsAsync(Roles.Dispatcher);
        var (_, plan) = await PublishedPlan.CreateAsync(dispatcher, couriers: 3, orders: 12);
        var analyst = await api.ClientAsAsync(Roles.Analyst);

        var text = await Pdf.TextAsync(await PublishedPlan.PdfAsync(analyst, $"/api/v1/plan-versions/{plan.Id}/manifests.pdf"));

        var routes = plan.Routes.Where(r => r.Stops.Count > 0).ToList();
        Assert.NotEmpty(routes);
        Pdf.InOrder(text, routes.Select(r => $"Route {r.RouteId}"));
        Assert.All(routes.SelectMany(r => r.Stops), s => Assert.Contains(s.CustomerName, text));
    }

    [Fact]
    public async Task RouteManifest_UnknownRoute_Is404Problem()
    {
        var dispatcher = await api.ClientAsAsync(Roles.Dispatcher);
        var response = await dispatcher.GetAsync("/api/v1/routes/987654321/manifest.pdf");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
