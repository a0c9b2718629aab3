using Delivery.CourierApi.Data;
using Delivery.CourierApi.Features.Fleet;
using Delivery.CourierApi.Features.Plans;
using Delivery.Tracking.Routes;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Delivery.CourierApi.Tests.Data;

/// <summary>Data access honours the caller's token: an abandoned request runs no query, and a token is never sent as a parameter.</summary>
public sealed class CancellationTests(DeliveryApiFactory api) : IClassFixture<DeliveryApiFactory>
{
    private static readonly CancellationToken Cancelled = new(canceled: true);

    [Fact]
    public async Task CreateDepot_CancelledRequest_ThrowsAndWritesNothing()
    {
        var fleet = api.Services.GetRequiredService<FleetStore>();
        var request = Fixtures.Depot("cancelled");

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => fleet.CreateDepotAsync(request, Cancelled));

        Assert.DoesNotContain(await fleet.ListDepotsAsync(CancellationToken.None), d => d.Code == request.Code);
    }

    [Fact]
    public async Task Reads_CancelledToken_ThrowOperationCanceled()
    {
        var fleet = api.Services.GetRequiredService<FleetStore>();
        var depot = await fleet.CreateDepotAsync(Fixtures.Depot("read"), CancellationToken.None);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => fleet.GetDepotAsync(depot.Id, Cancelled));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => api.Services.GetRequiredService<PlanReader>().ReadAsync(1, Cancelled));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => api.Services.GetRequiredService<PlanningJobStore>().GetAsync(1, Cancelled));
    }

    [Fact]
    public async Task PublishedRouteSource_CancelledToken_ThrowsOperationCanceled()
    {
        var routes = api.Services.GetRequiredService<IPublishedRouteSource>();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => routes.GetRouteAsync("1", Cancelled));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => routes.GetCourierRouteAsync("1", DeliveryApiFactory.PlanDate, Cancelled));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => routes.GetCourierTimeZoneAsync("1", Cancelled));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => routes.FindByTrackingTokenAsync("token", Cancelled));
    }

    [Fact]
    public async Task RunningQuery_TokenCancelled_IsStoppedOnTheServer()
    {
        var db = api.Services.GetRequiredService<NpgsqlDataSource>();
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        // A query that would run for a minute ends as soon as the token fires (Npgsql cancels it on the server).
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => db.ScalarAsync<object>("SELECT pg_sleep(60)", cts.Token));
    }

    [Fact]
    public async Task Command_TokenAmongTheArguments_IsRefused()
    {
        var db = api.Services.GetRequiredService<NpgsqlDataSource>();

        var e = await Assert.ThrowsAsync<ArgumentException>(() => db.ScalarAsync<long?>("SELECT $1::bigint", CancellationToken.None, 1L, CancellationToken.None));
        Assert.Contains("CancellationToken", e.Message);
    }
}
