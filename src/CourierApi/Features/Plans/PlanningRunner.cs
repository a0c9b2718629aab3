using Delivery.CourierApi.Hosting;
using Delivery.Planner.Model;
using Delivery.Planner.Solving;
using Delivery.Planner.Travel;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace Delivery.CourierApi.Features.Plans;

/// <summary>
/// Runs one claimed job: loads the input, keeps the latest version's locks and pins, solves with progress and heartbeats,
/// stores the result as a new draft version and reports what moved. A user's cancel keeps the best plan found; a host
/// shutdown puts the job back in the queue. Heartbeats keep the host's clock (a simulated one included), the clock the
/// staleness check reads, so a job is never taken for lost because the clock runs fast.
/// </summary>
internal sealed partial class PlanningRunner(
    PlanningJobStore jobs, PlanInputLoader loader, PlanStore plans, IRoutePlanner planner, ITravelTimeSource travel,
    IHubContext<PlanningHub> hub, RouteLines lines, IOptions<PlanningOptions> options, TimeProvider time, ILogger<PlanningRunner> log)
{
    public async Task RunAsync(ClaimedJob job, CancellationToken stopping)
    {
        // The job's outcome (finished, failed, re-queued) is written even while the host stops: that is when a re-queue matters.
        var record = CancellationToken.None;
        using var solve = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        var progress = new LatestProgress(p => Notify(job, "running", ToProgress(p), null));
        var userCancelled = false;
        using var heartbeatStop = new CancellationTokenSource();
        var heartbeat = Task.Run(async () =>
        {
            while (!heartbeatStop.IsCancellationRequested)
            {
                try
                {
                    if (await jobs.HeartbeatAsync(job.Id, progress.Latest is { } p ? ToProgress(p) : null, heartbeatStop.Token))
                    {
                        userCancelled = true;
                        await solve.CancelAsync();
                    }
                }
                catch (Exception) when (heartbeatStop.IsCancellationRequested)
                {
                    break; // the job is over: a beat cut short is no failure
                }
                // The next beat comes after the period on the host's clock or in real time, whichever is first: an
                // accelerated (simulated) clock beats often enough not to look stale, a pinned test clock still beats.
                var period = TimeSpan.FromSeconds(Math.Min(options.Value.HeartbeatSeconds, options.Value.PollSeconds));
                using var beat = CancellationTokenSource.CreateLinkedTokenSource(heartbeatStop.Token);
                await Task.WhenAny(Task.Delay(period, time, beat.Token), Task.Delay(period, TimeProvider.System, beat.Token));
                await beat.CancelAsync();
            }
        }, CancellationToken.None);
        try
        {
            await Notify(job, "running", null, null);
            var input = await loader.LoadAsync(job.DepotId, job.Date, solve.Token);
            var previousId = await plans.LatestVersionIdAsync(job.DepotId, job.Date, solve.Token);
            var previous = previousId is { } id ? await plans.LoadAsync(id, solve.Token) : null;
            var problem = await BuildProblemAsync(input, previous, solve.Token);
            var settings = new SolverSettings { TimeLimit = TimeSpan.FromSeconds(job.TimeLimitSeconds), Workers = options.Value.Workers, Seed = 1 };
            var result = await Task.Run(() => planner.Plan(problem, settings, progress, solve.Token), CancellationToken.None);
            if (stopping.IsCancellationRequested && !userCancelled)
            {
                await jobs.RequeueAsync(job.Id, record);
                return;
            }
            var locked = problem.LockedRoutes.Select(l => l.VehicleId).ToHashSet();
            var routes = PlanResults.ToDrafts(input, result, locked);
            var unassigned = result.Unassigned.Select(u => new UnassignedDraft(u.OrderId, u.Reason.ToString(), u.Detail, PlanResults.Args(input, u.Args))).ToList();
            var versionId = await plans.SaveAsync(input, routes, unassigned, job.Kind, previousId, "planner", result.Statistics.Cost, null, record);
            var final = new JobProgress(result.Statistics.Cost, result.Statistics.VehiclesUsed, result.Unassigned.Count,
                result.Statistics.Elapsed.TotalSeconds, previous is null ? [] : PlanResults.Moved(input, previous, routes));
            var status = userCancelled ? "cancelled" : "succeeded";
            await jobs.FinishAsync(job.Id, status, final, versionId, null, record);
            await Notify(job, status, final, versionId);
            lines.Warm(versionId); // the board that opens it next reads its lines from the cache
            LogFinished(job.Id, status, routes.Count(r => r.Stops.Count > 0), unassigned.Count);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested && !userCancelled)
        {
            await jobs.RequeueAsync(job.Id, record);
        }
        catch (OperationCanceledException) when (userCancelled)
        {
            await jobs.FinishAsync(job.Id, "cancelled", null, null, "cancelled before a plan was found", record);
            await Notify(job, "cancelled", null, null);
        }
        catch (Exception e) when (e is PlanningInputException or DomainException)
        {
            await jobs.FinishAsync(job.Id, "failed", null, null, e.Message, record);
            await Notify(job, "failed", null, null);
        }
        catch (Exception e)
        {
            LogFailed(e, job.Id);
            await jobs.FinishAsync(job.Id, "failed", null, null, "planning failed: " + e.Message, record);
            await Notify(job, "failed", null, null);
        }
        finally
        {
            await heartbeatStop.CancelAsync();
            await heartbeat;
        }
    }

    /// <summary>The planner's problem with the previous version's locked routes, the pins, and its routes as a warm start.</summary>
    internal async Task<PlanningProblem> BuildProblemAsync(PlanInput input, StoredVersion? previous, CancellationToken ct)
    {
        var problem = await PlanningProblemFactory.CreateAsync(input.Depots, input.Vehicles, input.Orders, travel, epoch: input.Epoch,
            travelScope: input.DepotId.ToString(System.Globalization.CultureInfo.InvariantCulture), cancellationToken: ct);
        if (previous is null)
        {
            return problem with { Pins = input.Pins };
        }
        bool Known(StoredRoute r) => input.VehiclesById.ContainsKey(r.ShiftKey);
        var locks = previous.Routes.Where(r => r.Locked && Known(r))
            .Select(r => new RouteLock(r.ShiftKey, r.OrderKeys.Where(input.OrdersById.ContainsKey).ToList())).ToList();
        var lockedOrders = locks.SelectMany(l => l.OrderIds).ToHashSet();
        return problem with
        {
            LockedRoutes = locks,
            Pins = input.Pins.Where(p => !lockedOrders.Contains(p.Key)).ToDictionary(),
            PreviousRoutes = previous.Routes.Where(r => !r.Locked && Known(r) && r.OrderKeys.Count > 0)
                .Select(r => new RouteSequence(r.ShiftKey, r.OrderKeys.Where(input.OrdersById.ContainsKey).ToList())).ToList(),
        };
    }

    private static JobProgress ToProgress(PlanProgress p) => new(p.Cost, p.VehiclesUsed, p.Unassigned, p.Elapsed.TotalSeconds);

    private Task Notify(ClaimedJob job, string status, JobProgress? progress, long? versionId) =>
        hub.Clients.Group(PlanningHub.Group(job.DepotId)).SendAsync(PlanningHub.UpdateMethod,
            new JobUpdate(job.Id, job.DepotId, job.Date, status, progress, versionId));

    /// <summary>Keeps the newest progress report (thread-safe) and forwards it.</summary>
    private sealed class LatestProgress(Func<PlanProgress, Task> forward) : IProgress<PlanProgress>
    {
        private PlanProgress? _latest;

        public PlanProgress? Latest => Volatile.Read(ref _latest);

        public void Report(PlanProgress value)
        {
            Volatile.Write(ref _latest, value);
            _ = forward(value);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Planning job {JobId} {Status}: {Routes} routes, {Unassigned} unassigned")]
    private partial void LogFinished(long jobId, string status, int routes, int unassigned);

    [LoggerMessage(Level = LogLevel.Error, Message = "Planning job {JobId} failed")]
    private partial void LogFailed(Exception e, long jobId);
}
