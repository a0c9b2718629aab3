using System.Net.Http.Json;
using System.Text;
using Delivery.CourierApi.Features.Fleet;
using Delivery.CourierApi.Features.Orders;

namespace Delivery.CourierApi.Tests;

/// <summary>Builds a Porto depot with couriers, shifts and orders through the API, as a dispatcher would.</summary>
internal sealed class Scenario(HttpClient dispatcher)
{
    public DepotResponse Depot { get; private set; } = null!;

    public List<CourierResponse> Couriers { get; } = [];

    public static async Task<Scenario> CreateAsync(HttpClient dispatcher, int couriers = 2, int itemsCapacity = 40)
    {
        var s = new Scenario(dispatcher);
        s.Depot = await Read<DepotResponse>(await dispatcher.PostAsJsonAsync("/api/v1/depots", Fixtures.Depot("porto")));
        for (var i = 0; i < couriers; i++)
        {
            var vehicle = await Read<VehicleResponse>(await dispatcher.PostAsJsonAsync($"/api/v1/depots/{s.Depot.Id}/vehicles",
                new CreateVehicleRequest($"van-{i}", new LoadDto(500_000, 2_000_000, itemsCapacity), ["fridge"])));
            var courier = await Read<CourierResponse>(await dispatcher.PostAsJsonAsync($"/api/v1/depots/{s.Depot.Id}/couriers",
                new CreateCourierRequest($"Courier {i}", "+351900000000", null)));
            (await dispatcher.PutAsJsonAsync($"/api/v1/couriers/{courier.Id}/shifts/{DeliveryApiFactory.PlanDate:yyyy-MM-dd}",
                new ShiftRequest(vehicle.Id, new TimeOnly(8, 0), new TimeOnly(18, 0), null, null, null))).EnsureSuccessStatusCode();
            s.Couriers.Add(courier);
        }
        return s;
    }

    /// <summary>A CSV export with <paramref name="good"/> orders around Porto centre (2-hour windows from 09:00).</summary>
    public static string Csv(int good, string prefix = "S", int offset = 0)
    {
        var sb = new StringBuilder("shop_order_id,customer_name,phone,address,lat,lon,window_start,window_end,weight_kg,items,notes\n");
        for (var i = offset; i < offset + good; i++)
        {
            var lat = 41.1466 + (i % 7 - 3) * 0.004;
            var lon = -8.6110 + (i % 5 - 2) * 0.005;
            var start = 9 + i % 4 * 2;
            sb.Append($"{prefix}{i},Customer {i},+35191000{i:0000},\"Rua {i}, Porto\",{lat:F5},{lon:F5},{start:00}:00,{start + 2:00}:00,2.5,\"Bread x 2 @ 1.20; Milk x 1 @ 0.99\",Ring twice\n");
        }
        return sb.ToString();
    }

    /// <summary>Creates one order (window 09:00–11:00 UTC on the plan date); the answer is the one that holds its tracking token.</summary>
    public async Task<OrderResponse> OrderAsync(string shopOrderId)
    {
        var day = DeliveryApiFactory.PlanDate.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        return await Read<OrderResponse>(await dispatcher.PostAsJsonAsync($"/api/v1/depots/{Depot.Id}/orders", new CreateOrderRequest(
            shopOrderId, DeliveryApiFactory.PlanDate, "Rua 1, Porto", 41.1466, -8.6110, "Customer", [new WindowDto(day.AddHours(9), day.AddHours(11))])));
    }

    public async Task<ImportReport> ImportAsync(string csv)
    {
        var response = await dispatcher.PostAsync(
            $"/api/v1/depots/{Depot.Id}/orders/import?date={DeliveryApiFactory.PlanDate:yyyy-MM-dd}",
            new StringContent(csv, Encoding.UTF8, "text/csv"));
        return await Read<ImportReport>(response);
    }

    public static async Task<T> Read<T>(HttpResponseMessage response)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"{(int)response.StatusCode} {response.RequestMessage?.RequestUri}: {await response.Content.ReadAsStringAsync()}");
        }
        return (await response.Content.ReadFromJsonAsync<T>())!;
    }
}

/// <summary>Planning helpers over the API.</summary>
internal static class Planning
{
    public static async Task<Delivery.CourierApi.Features.Plans.JobResponse> StartAsync(HttpClient client, long depotId, int? seconds = null)
    {
        var response = await client.PostAsync($"/api/v1/depots/{depotId}/plans?date={DeliveryApiFactory.PlanDate:yyyy-MM-dd}" +
            (seconds is null ? "" : $"&timeLimitSeconds={seconds}"), null);
        Assert.Equal(System.Net.HttpStatusCode.Accepted, response.StatusCode);
        Assert.NotNull(response.Headers.Location);
        return await Scenario.Read<Delivery.CourierApi.Features.Plans.JobResponse>(response);
    }

    /// <summary>Polls the job until it reaches one of <paramref name="states"/> (real time, at most two minutes).</summary>
    public static async Task<Delivery.CourierApi.Features.Plans.JobResponse> WaitAsync(HttpClient client, long jobId, params string[] states)
    {
        states = states.Length == 0 ? ["succeeded", "failed", "cancelled"] : states;
        var until = DateTime.UtcNow.AddMinutes(2);
        while (true)
        {
            var job = await client.GetFromJsonAsync<Delivery.CourierApi.Features.Plans.JobResponse>($"/api/v1/planning-jobs/{jobId}");
            if (states.Contains(job!.Status) || DateTime.UtcNow > until)
            {
                return job;
            }
            await Task.Delay(100);
        }
    }
}
