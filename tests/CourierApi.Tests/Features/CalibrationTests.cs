using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Delivery.CourierApi.Auth;
using Delivery.CourierApi.Features.Calibration;
using Delivery.CourierApi.Features.Plans;
using Delivery.CourierApi.Tests.Wiring;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Delivery.CourierApi.Tests.Features;

/// <summary>
/// Calibration versions through the API: learned from a published route's tablet records, stored and active, read by
/// the analyst, used by the next plan (service times), a later version rolled back; and the robust-planning slack.
/// </summary>
public sealed class CalibrationTests : IAsyncDisposable
{
    private static readonly string Day = DeliveryApiFactory.PlanDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    private readonly DeliveryApiFactory _api = new();

    public ValueTask DisposeAsync() => _api.DisposeAsync();

    [Fact]
    public async Task Calibrate_HandoversTwiceThePlannedService_ActiveVersionDoublesTheNextPlansServiceAndRollsBack()
    {
        var dispatcher = await _api.ClientAsAsync(Roles.Dispatcher);
        var (s, plan) = await PublishedPlan.CreateAsync(dispatcher, couriers: 1, orders: 8);
        var route = Assert.Single(plan.Routes, r => r.Stops.Count > 0);
        await RecordTabletDayAsync(route, serviceFactor: 2.0);

        var created = await dispatcher.PostAsync($"/api/v1/depots/{s.Depot.Id}/calibrations?from={Day}&to={Day}", null);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var v1 = (await created.Content.ReadFromJsonAsync<CalibrationVersion>())!;
        Assert.Equal((1, true, "on_demand"), (v1.Version, v1.Active, v1.Trigger));
        Assert.Equal(route.Stops.Count, v1.Stops);
        Assert.InRange(v1.Legs, 0, route.Stops.Count - 1); // no first fix: the depot leg is not observed
        Assert.InRange(v1.DepotServiceFactor, 1.95, 2.05);
        Assert.All(v1.ServiceFactors, f => Assert.InRange(f.Factor, 1.95, 2.05));
        Assert.True(v1.ErrorAfter.ServiceMaeSeconds < v1.ErrorBefore.ServiceMaeSeconds / 10, $"{v1.ErrorBefore} → {v1.ErrorAfter}");
        Assert.All(v1.SpeedFactors, f => Assert.False(f.Calibrated)); // 7 legs: too few for any band, the factors did not move

        // The analyst inspects it: the list and the version.
        var analyst = await _api.ClientAsAsync(Roles.Analyst);
        var listed = Assert.Single((await analyst.GetFromJsonAsync<List<CalibrationVersion>>($"/api/v1/depots/{s.Depot.Id}/calibrations"))!);
        Assert.Equal(v1.DepotServiceFactor, listed.DepotServiceFactor);
        var one = (await analyst.GetFromJsonAsync<CalibrationVersion>($"/api/v1/depots/{s.Depot.Id}/calibrations/1"))!;
        Assert.Equal(v1.ServiceFactors, one.ServiceFactors);
        Assert.Equal(HttpStatusCode.NotFound, (await analyst.GetAsync($"/api/v1/depots/{s.Depot.Id}/calibrations/9")).StatusCode);

        // The next plan uses the active version: every stop's service is twice the order's.
        var before = route.Stops.ToDictionary(st => st.OrderId, st => (st.PlannedDeparture - st.PlannedServiceStart).TotalSeconds);
        var next = await PlanAsync(dispatcher, s.Depot.Id);
        Assert.All(next.Routes.SelectMany(r => r.Stops), st =>
            Assert.InRange((st.PlannedDeparture - st.PlannedServiceStart).TotalSeconds, before[st.OrderId] * 1.95, before[st.OrderId] * 2.05));

        // A second version becomes active; activating version 1 again is the rollback, and the next plan follows it.
        var v2 = (await (await dispatcher.PostAsync($"/api/v1/depots/{s.Depot.Id}/calibrations?from={Day}&to={Day}", null)).Content.ReadFromJsonAsync<CalibrationVersion>())!;
        Assert.Equal((2, true), (v2.Version, v2.Active));
        Assert.Equal(v1.DepotServiceFactor, v2.DepotServiceFactor);
        Assert.True(v2.ErrorBefore.ServiceMaeSeconds < v1.ErrorBefore.ServiceMaeSeconds / 10, "version 2's 'before' is version 1's predictions");
        var activated = await dispatcher.PostAsync($"/api/v1/depots/{s.Depot.Id}/calibrations/1/activate", null);
        Assert.Equal(HttpStatusCode.OK, activated.StatusCode);
        var versions = (await analyst.GetFromJsonAsync<List<CalibrationVersion>>($"/api/v1/depots/{s.Depot.Id}/calibrations"))!;
        Assert.Equal([(2, false), (1, true)], versions.Select(v => (v.Version, v.Active)));
        Assert.Equal(HttpStatusCode.NotFound, (await dispatcher.PostAsync($"/api/v1/depots/{s.Depot.Id}/calibrations/9/activate", null)).StatusCode);
    }

    [Fact]
    public async Task Nightly_TwoRunsAtOnceAfterTheNight_OneNightlyVersion()
    {
        _api.Settings["Calibration:Nightly"] = "true";
        _api.Settings["Auth:TokenLifetimeHours"] = "720";
        var dispatcher = await _api.ClientAsAsync(Roles.Dispatcher);
        var (s, plan) = await PublishedPlan.CreateAsync(dispatcher, couriers: 1, orders: 4);
        await RecordTabletDayAsync(Assert.Single(plan.Routes, r => r.Stops.Count > 0), serviceFactor: 1.5);
        // The night after the plan date, past 02:30 in Lisbon: the hosted duty and a second caller (another node) both try.
        _api.Time.SetUtcNow(new DateTimeOffset(DeliveryApiFactory.PlanDate.AddDays(1), new TimeOnly(3, 0), TimeSpan.Zero));
        var nightly = _api.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().OfType<NightlyCalibration>().Single();

        await Task.WhenAll(nightly.RunDueAsync(CancellationToken.None), nightly.RunDueAsync(CancellationToken.None));
        // The hosted duty's own run (woken by the clock) may still hold the night's lock: wait for its version, then try once more.
        var url = $"/api/v1/depots/{s.Depot.Id}/calibrations";
        for (var i = 0; i < 600 && (await dispatcher.GetFromJsonAsync<List<CalibrationVersion>>(url))!.Count == 0; i++)
        {
            await Task.Delay(100);
        }
        await nightly.RunDueAsync(CancellationToken.None);

        var versions = (await dispatcher.GetFromJsonAsync<List<CalibrationVersion>>(url))!;
        var version = Assert.Single(versions);
        Assert.Equal(("nightly", DeliveryApiFactory.PlanDate, true), (version.Trigger, version.DataTo, version.Active));
        Assert.InRange(version.DepotServiceFactor, 1.45, 1.55);
    }

    [Fact]
    public async Task Calibrate_NoTabletRecords_ConflictAndNoVersion()
    {
        var dispatcher = await _api.ClientAsAsync(Roles.Dispatcher);
        var (s, _) = await PublishedPlan.CreateAsync(dispatcher, couriers: 1, orders: 3);

        var response = await dispatcher.PostAsync($"/api/v1/depots/{s.Depot.Id}/calibrations?from={Day}&to={Day}", null);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Empty((await dispatcher.GetFromJsonAsync<List<CalibrationVersion>>($"/api/v1/depots/{s.Depot.Id}/calibrations"))!);
    }

    [Fact]
    public async Task Plan_WindowSlack30Minutes_EveryServiceStartsAtLeast30MinutesBeforeItsWindowEnds()
    {
        _api.Settings["Planning:WindowSlackMinutes"] = "30";
        var dispatcher = await _api.ClientAsAsync(Roles.Dispatcher);

        var (_, plan) = await PublishedPlan.CreateAsync(dispatcher, couriers: 2, orders: 12);

        var stops = plan.Routes.SelectMany(r => r.Stops).ToList();
        Assert.Equal(12, stops.Count);
        Assert.All(stops, st => Assert.True(st.PlannedServiceStart <= st.WindowEnd!.Value.AddMinutes(-30),
            $"order {st.OrderId}: service at {st.PlannedServiceStart:HH:mm}, window ends {st.WindowEnd:HH:mm}"));
    }

    private static async Task<PlanVersionView> PlanAsync(HttpClient dispatcher, long depotId)
    {
        var job = await Planning.WaitAsync(dispatcher, (await Planning.StartAsync(dispatcher, depotId)).Id);
        Assert.Equal("succeeded", job.Status);
        return (await dispatcher.GetFromJsonAsync<PlanVersionView>($"/api/v1/plan-versions/{job.ResultVersionId}"))!;
    }

    /// <summary>The tablet's records of the route: each stop reached at its planned arrival, handed over after <paramref name="serviceFactor"/> × the planned service.</summary>
    private async Task RecordTabletDayAsync(RouteView route, double serviceFactor)
    {
        var db = _api.Services.GetRequiredService<NpgsqlDataSource>();
        var depot = await db.CreateCommand($"SELECT p.depot_id FROM routes r JOIN plan_versions v ON v.id = r.plan_version_id JOIN plans p ON p.id = v.plan_id WHERE r.id = {route.RouteId}").ExecuteScalarAsync();
        foreach (var stop in route.Stops)
        {
            var service = (stop.PlannedDeparture - stop.PlannedServiceStart).TotalSeconds;
            foreach (var (kind, at) in new[] { ("arrived", stop.PlannedArrival), ("delivered", stop.PlannedServiceStart.AddSeconds(service * serviceFactor)) })
            {
                await using var insert = db.CreateCommand("""
                    INSERT INTO delivery_events (event_key, courier_id, depot_id, route_id, plan_version, stop_id, order_id, kind, occurred_at, source)
                    VALUES ($1, $2, $3, $4, 1, $5, $5, $6, $7, 'tablet')
                    """);
                foreach (var v in new object[] { $"{route.RouteId}:{stop.OrderId}:{kind}", route.CourierId.ToString(CultureInfo.InvariantCulture),
                    Convert.ToString(depot, CultureInfo.InvariantCulture)!, route.RouteId.ToString(CultureInfo.InvariantCulture),
                    stop.OrderId.ToString(CultureInfo.InvariantCulture), kind, at })
                {
                    insert.Parameters.Add(new NpgsqlParameter { Value = v });
                }
                await insert.ExecuteNonQueryAsync();
            }
        }
    }
}
