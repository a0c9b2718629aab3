using System.Net;
using System.Net.Http.Json;
using Delivery.CourierApi.Auth;
using Delivery.CourierApi.Features.Plans;
using Microsoft.Extensions.DependencyInjection;

namespace Delivery.CourierApi.Tests.Auth;

/// <summary>Anonymous hub connections are limited per address; a depot's planning queue is bounded and depots take turns.</summary>
public sealed class PublicLimitsTests : IClassFixture<DeliveryApiFactory>
{
    private static readonly DateOnly Date = DeliveryApiFactory.PlanDate;
    private readonly DeliveryApiFactory _api;

    public PublicLimitsTests(DeliveryApiFactory api)
    {
        _api = api;
        _api.Settings["CustomerPage:AnonymousHubConnectionsPerMinute"] = "3";
        _api.Settings["Planning:RunWorker"] = "false";
        _api.Settings["Planning:MaxActiveJobsPerDepot"] = "2";
    }

    [Fact]
    public async Task AnonymousHubNegotiations_PastTheLimit_Are429()
    {
        var anonymous = _api.CreateClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            statuses.Add((await anonymous.PostAsync("/hubs/live/negotiate?negotiateVersion=1", null)).StatusCode);
        }
        var signedIn = await _api.ClientAsAsync(Roles.Dispatcher);

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.OK, (await signedIn.PostAsync("/hubs/live/negotiate?negotiateVersion=1", null)).StatusCode);
    }

    [Fact]
    public async Task PlanningJobs_QueueBoundedPerDepot_DepotsTakeTurns()
    {
        var dispatcher = await _api.ClientAsAsync(Roles.Dispatcher);
        var a = await Scenario.CreateAsync(dispatcher, couriers: 1);
        var b = await Scenario.CreateAsync(dispatcher, couriers: 1);
        var a1 = await StartAsync(dispatcher, a.Depot.Id, Date);
        var a2 = await StartAsync(dispatcher, a.Depot.Id, Date.AddDays(1));
        var full = await dispatcher.PostAsync($"/api/v1/depots/{a.Depot.Id}/plans?date={Date.AddDays(2):yyyy-MM-dd}", null);
        var b1 = await StartAsync(dispatcher, b.Depot.Id, Date);

        Assert.Equal(HttpStatusCode.TooManyRequests, full.StatusCode);
        Assert.Equal("application/problem+json", full.Content.Headers.ContentType?.MediaType);
        var jobs = _api.Services.GetRequiredService<PlanningJobStore>();
        var order = new List<long>();
        for (var i = 0; i < 3; i++)
        {
            order.Add((await jobs.ClaimAsync(default))!.Id);
        }
        // A's first job, then B's (A already has one running) before A's second, although A asked first.
        Assert.Equal([a1, b1, a2], order);
    }

    private static async Task<long> StartAsync(HttpClient dispatcher, long depotId, DateOnly date)
    {
        var response = await dispatcher.PostAsync($"/api/v1/depots/{depotId}/plans?date={date:yyyy-MM-dd}", null);
        return (await Scenario.Read<JobResponse>(response)).Id;
    }
}
