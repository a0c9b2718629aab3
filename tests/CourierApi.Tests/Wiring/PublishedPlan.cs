using System.Net.Http.Json;
using Delivery.CourierApi.Features.Plans;

namespace Delivery.CourierApi.Tests.Wiring;

/// <summary>A published plan built through the API: a Porto depot, couriers, orders with items, planned and published.</summary>
internal static class PublishedPlan
{
    public static async Task<(Scenario Scenario, PlanVersionView Plan)> CreateAsync(HttpClient dispatcher, int couriers, int orders)
    {
        var s = await Scenario.CreateAsync(dispatcher, couriers);
        await s.ImportAsync(Scenario.Csv(orders, prefix: "M"));
        var job = await Planning.WaitAsync(dispatcher, (await Planning.StartAsync(dispatcher, s.Depot.Id)).Id);
        Assert.Equal("succeeded", job.Status);
        var plan = await Scenario.Read<PlanVersionView>(await dispatcher.PostAsync($"/api/v1/plan-versions/{job.ResultVersionId}/publish", null));
        return (s, plan);
    }

    public static async Task<byte[]> PdfAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} {url}: {await response.Content.ReadAsStringAsync()}");
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadAsByteArrayAsync();
    }
}
