using System.Net.Http.Json;
using Delivery.CourierApi.Auth;
using Delivery.CourierApi.Features.Plans;
using Delivery.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Delivery.CourierApi.Tests.Features;

/// <summary>Jobs survive the host: a job running when its host stops is resumed by the next host, or failed with a reason.</summary>
public sealed class PlanningRestartTests : IAsyncLifetime
{
    private readonly TestDatabase _db = new();
    private readonly FakeTimeProvider _time = new(DeliveryApiFactory.Start);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task HostStopsDuringJob_NextHostRunsItToTheEnd()
    {
        long jobId;
        await using (var first = new DeliveryApiFactory(_db, _time))
        {
            var dispatcher = await first.ClientAsAsync(Roles.Dispatcher);
            var s = await Scenario.CreateAsync(dispatcher, couriers: 2);
            await s.ImportAsync(Scenario.Csv(30));
            jobId = (await Planning.StartAsync(dispatcher, s.Depot.Id, seconds: 6)).Id;
            Assert.Equal("running", (await Planning.WaitAsync(dispatcher, jobId, "running", "succeeded")).Status);
        }

        var requeued = await _db.ScalarAsync($"SELECT status FROM planning_jobs WHERE id = {jobId}");
        Assert.Equal("queued", requeued);

        await using var second = new DeliveryApiFactory(_db, _time);
        var client = await second.ClientAsAsync(Roles.Dispatcher);
        var done = await Planning.WaitAsync(client, jobId);
        Assert.Equal("succeeded", done.Status);
        Assert.NotNull(done.ResultVersionId);
    }

    [Fact]
    public async Task HostDiedAfterLastAttempt_JobIsFailedWithReason()
    {
        await using var host = new DeliveryApiFactory(_db, _time);
        var dispatcher = await host.ClientAsAsync(Roles.Dispatcher);
        var s = await Scenario.CreateAsync(dispatcher, couriers: 1);
        // A job some other node was running when it died: stale heartbeat, no attempts left.
        var id = await _db.ScalarAsync($"""
            INSERT INTO planning_jobs (depot_id, plan_date, status, requested_by, requested_at, started_at, heartbeat_at, attempts, time_limit_s)
            VALUES ({s.Depot.Id}, '2026-12-01', 'running', 'x', '{DeliveryApiFactory.Start.AddHours(-1):O}', '{DeliveryApiFactory.Start.AddHours(-1):O}',
                    '{DeliveryApiFactory.Start.AddHours(-1):O}', 2, 5) RETURNING id
            """);

        var job = await Planning.WaitAsync(dispatcher, (long)id!, "failed", "succeeded");

        Assert.Equal("failed", job.Status);
        Assert.Contains("host running this job stopped", job.Error);
        // The depot and date are free again.
        var next = await Planning.StartAsync(dispatcher, s.Depot.Id);
        Assert.NotEqual(job.Id, next.Id);
        await Planning.WaitAsync(dispatcher, next.Id);
    }
}
