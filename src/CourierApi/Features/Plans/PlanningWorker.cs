using Delivery.CourierApi.Hosting;
using Microsoft.Extensions.Options;

namespace Delivery.CourierApi.Features.Plans;

/// <summary>
/// Picks queued planning jobs (any node may; SKIP LOCKED keeps them apart), and on every poll re-queues or fails jobs
/// whose host stopped sending heartbeats. Polling waits real time; instants written come from <see cref="TimeProvider"/>.
/// </summary>
internal sealed partial class PlanningWorker(PlanningJobStore jobs, PlanningRunner runner, IOptions<PlanningOptions> options, ILogger<PlanningWorker> log)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var o = options.Value;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var (requeued, failed) = await jobs.RecoverStaleAsync(TimeSpan.FromSeconds(o.StaleAfterSeconds), o.MaxAttempts, stoppingToken);
                if (requeued + failed > 0)
                {
                    LogRecovered(requeued, failed);
                }
                if (await jobs.ClaimAsync(stoppingToken) is { } job)
                {
                    await runner.RunAsync(job, stoppingToken);
                    continue;
                }
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                LogPollFailed(e);
            }
            try
            {
                await Task.Delay(TimeSpan.FromSeconds(o.PollSeconds), stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Planning jobs whose host stopped: {Requeued} re-queued, {Failed} failed")]
    private partial void LogRecovered(int requeued, int failed);

    [LoggerMessage(Level = LogLevel.Error, Message = "Planning worker poll failed")]
    private partial void LogPollFailed(Exception e);
}
