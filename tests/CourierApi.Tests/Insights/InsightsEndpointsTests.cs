using System.Net;
using System.Net.Http.Json;
using System.Text;
using Delivery.CourierApi.Auth;
using Delivery.CourierApi.Features.Insights;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Delivery.CourierApi.Tests.Insights;

/// <summary>The insights endpoints on <see cref="ConstructedDay"/>, whose answer is known by hand, through the real host as an analyst.</summary>
public sealed class InsightsEndpointsTests(DeliveryApiFactory api) : IClassFixture<DeliveryApiFactory>
{
    private const double Tolerance = 0.02;

    private async Task<(ConstructedDay Day, HttpClient Analyst)> DayAsync(string code)
    {
        var day = await ConstructedDay.WriteAsync(api.Services.GetRequiredService<NpgsqlDataSource>(), code);
        var dispatcher = await api.ClientAsAsync(Roles.Dispatcher);
        var import = await dispatcher.PutAsync($"/api/v1/depots/{day.DepotId}/zones",
            new StringContent(ConstructedDay.ZonesGeoJson, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, import.StatusCode);
        return (day, await api.ClientAsAsync(Roles.Analyst, [day.DepotId]));
    }

    private static string Period(ConstructedDay day) => $"from=2026-12-01&to=2026-12-01&depotId={day.DepotId}";

    [Fact]
    public async Task Summary_ConstructedDay_RateBreakdownsAndApartCounts()
    {
        var (day, analyst) = await DayAsync("ins-summary");

        var s = (await analyst.GetFromJsonAsync<InsightsSummary>($"/api/v1/insights/summary?{Period(day)}"))!;

        Assert.Equal((5, 2, 1, 2, 1, 1, 1), (s.Total.Attempted, s.Total.Hits, s.Total.Early, s.Total.Late, s.Total.Cancelled, s.Total.NoWindow, s.Total.Paper));
        Assert.Equal(0.4, s.Total.HitRate, 6);
        Assert.Equal(7.5, s.Total.AvgLateMinutes, 6);
        Assert.Equal(10, s.Total.AvgEarlyMinutes, 6);
        var day1 = Assert.Single(s.ByDay);
        Assert.Equal("2026-12-01", day1.Key);
        var west = s.ByZone.Single(z => z.Key == "West");
        var east = s.ByZone.Single(z => z.Key == "East");
        Assert.Equal((3, 1, 1, 1, 0), (west.Attempted, west.Hits, west.Early, west.Late, west.Cancelled));
        Assert.Equal((2, 1, 0, 1, 1, 1), (east.Attempted, east.Hits, east.Early, east.Late, east.Cancelled, east.Paper));
        var ana = s.ByCourier.Single(c => c.Label == "Ana");
        Assert.Equal((4, 2, 2), (ana.Attempted, ana.Hits, ana.Late));
        Assert.Equal("2", Assert.Single(s.ByWeekday).Key); // 1 Dec 2026 is a Tuesday
        Assert.Contains(s.BySlot, g => g.Key == "09:30–10:00" && g.Late == 1);
        Assert.Equal([new MinuteBucket(5, 1), new MinuteBucket(10, 1)], s.LateMinutes);
        Assert.Equal([new MinuteBucket(10, 1)], s.EarlyMinutes);
    }

    [Fact]
    public async Task Causes_ConstructedDay_PartsAddUpToLatenessAndRankDeparture()
    {
        var (day, analyst) = await DayAsync("ins-causes");

        var c = (await analyst.GetFromJsonAsync<LatenessCauses>($"/api/v1/insights/causes?{Period(day)}"))!;

        Assert.Equal(2, c.LateStops);
        Assert.Equal(15, c.LateMinutes, 6);
        double Part(string cause) => c.Parts.Single(p => p.Cause == cause).Minutes;
        Assert.Equal(6 + 15.0 / 11, Part("departure"), 6);
        Assert.Equal(4 + 10.0 / 11, Part("driving"), 6);
        Assert.Equal(30.0 / 11, Part("service"), 6);
        Assert.Equal(0, Part("waiting") + Part("failed") + Part("replan") + Part("plan"), 6);
        Assert.Equal(c.LateMinutes, c.Parts.Sum(p => p.Minutes), 6);
        var top = c.Systemic[0];
        Assert.Equal("departure", top.Cause);
        Assert.Equal(day.CourierA, top.CourierId);
    }

    [Fact]
    public async Task Stops_LateDrillDown_EachStopsPartsAddUpToItsLateness()
    {
        var (day, analyst) = await DayAsync("ins-stops");

        var page = (await analyst.GetFromJsonAsync<InsightStopPage>($"/api/v1/insights/stops?{Period(day)}&result=late"))!;

        Assert.Equal(2, page.Total);
        Assert.Equal([day.Orders["S2"], day.Orders["S3"]], page.Stops.Select(s => s.OrderId));
        foreach (var stop in page.Stops)
        {
            var p = stop.Parts!;
            Assert.Equal(stop.LateMinutes!.Value, p.Departure + p.Driving + p.Waiting + p.Service + p.Failed + p.Replan + p.Plan, Tolerance);
        }
        var s2 = page.Stops[0].Parts!;
        Assert.Equal((6.0, 4.0, 0.0), (s2.Departure, s2.Driving, s2.Service));
        Assert.Equal(10, page.Stops[0].DrivingDiffMinutes);
        var s3 = page.Stops[1];
        Assert.Equal(30, s3.ServiceDiffMinutes);
        Assert.Equal("East", s3.Zone);

        var paper = (await analyst.GetFromJsonAsync<InsightStopPage>($"/api/v1/insights/stops?{Period(day)}&result=paper"))!;
        Assert.Equal("paper", Assert.Single(paper.Stops).Source);
        var byCause = (await analyst.GetFromJsonAsync<InsightStopPage>($"/api/v1/insights/stops?{Period(day)}&cause=service"))!;
        Assert.Equal(day.Orders["S3"], Assert.Single(byCause.Stops).OrderId);
    }

    [Fact]
    public async Task Story_LateStop_RouteTimelineAndEvents()
    {
        var (day, analyst) = await DayAsync("ins-story");

        var story = (await analyst.GetFromJsonAsync<InsightStory>($"/api/v1/insights/routes/{day.RouteA}/stops/{day.Orders["S3"]}"))!;

        Assert.Equal([1, 2, 3, 4, 5], story.Route.Select(s => s.Sequence));
        Assert.Equal(["arrived", "delivered"], story.Events.Select(e => e.Kind));
        Assert.Equal(5, story.Stop.LateMinutes);
    }

    [Fact]
    public async Task PlannedVsActual_ConstructedDay_DifferencesByZoneAndHour()
    {
        var (day, analyst) = await DayAsync("ins-pva");

        var pva = (await analyst.GetFromJsonAsync<PlannedVsActual>($"/api/v1/insights/planned-vs-actual?{Period(day)}"))!;

        var departure = pva.Differences.Single(d => d.Measure == "departure" && d.Dimension == "all");
        Assert.Equal(2, departure.Count);
        Assert.Equal(7.5, departure.Mean, 6); // A 15 late, B on time
        Assert.Contains(pva.Differences, d => d.Measure == "service" && d.Dimension == "zone" && d.Key == "East" && d.Count == 2);
        Assert.Contains(pva.Differences, d => d.Measure == "driving" && d.Dimension == "hour" && d.Key == "09");
    }

    [Fact]
    public async Task Bounds_LongPeriodOrBadFilter_ProblemNamesTheField()
    {
        var analyst = await api.ClientAsAsync(Roles.Analyst);

        var longPeriod = await analyst.GetAsync("/api/v1/insights/summary?from=2025-01-01&to=2026-12-01");
        var badResult = await analyst.GetAsync("/api/v1/insights/stops?from=2026-12-01&to=2026-12-01&result=lost");
        var bigPage = await analyst.GetAsync("/api/v1/insights/stops?from=2026-12-01&to=2026-12-01&pageSize=100000");

        Assert.Contains("to", (await longPeriod.Content.ReadFromJsonAsync<ValidationProblemDetails>())!.Errors.Keys);
        Assert.Contains("result", (await badResult.Content.ReadFromJsonAsync<ValidationProblemDetails>())!.Errors.Keys);
        Assert.Contains("pageSize", (await bigPage.Content.ReadFromJsonAsync<ValidationProblemDetails>())!.Errors.Keys);
    }

    [Fact]
    public async Task Zones_AnalystCannotImport_BadGeometryNamesTheFeature()
    {
        var day = await ConstructedDay.WriteAsync(api.Services.GetRequiredService<NpgsqlDataSource>(), "ins-zones");
        var analyst = await api.ClientAsAsync(Roles.Analyst, [day.DepotId]);
        var dispatcher = await api.ClientAsAsync(Roles.Dispatcher);
        const string bowtie = """
            {"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"A"},"geometry":{"type":"Point","coordinates":[0,0]}},
            {"type":"Feature","properties":{"name":"B"},"geometry":{"type":"Polygon","coordinates":[[[0,0],[1,1],[1,0],[0,1],[0,0]]]}}]}
            """;

        var refused = await analyst.PutAsync($"/api/v1/depots/{day.DepotId}/zones", new StringContent(ConstructedDay.ZonesGeoJson, Encoding.UTF8, "application/json"));
        var point = await dispatcher.PutAsync($"/api/v1/depots/{day.DepotId}/zones", new StringContent(bowtie, Encoding.UTF8, "application/json"));
        var noZones = await analyst.GetFromJsonAsync<InsightsSummary>($"/api/v1/insights/summary?{Period(day)}");

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("features[0].geometry", (await point.Content.ReadFromJsonAsync<ValidationProblemDetails>())!.Errors.Keys);
        // Without zones every stop falls into a grid cell around the depot: West of it and East of it.
        Assert.Equal(["grid -2,0", "grid 2,0"], noZones!.ByZone.Select(z => z.Key).Order(StringComparer.Ordinal));
    }
}
