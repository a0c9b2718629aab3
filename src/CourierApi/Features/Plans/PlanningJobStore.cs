using System.Text.Json;
using Delivery.CourierApi.Data;
using Delivery.CourierApi.Hosting;
using Npgsql;

namespace Delivery.CourierApi.Features.Plans;

/// <summary>How a planning job is doing: the best plan so far, and (when finished) what moved since the previous plan.</summary>
public sealed record JobProgress(long? BestCost, int? VehiclesUsed, int? Unassigned, double ElapsedSeconds, IReadOnlyList<MovedOrder>? Moved = null);

/// <summary>An order whose courier changed in a re-plan (null courier = unassigned).</summary>
public sealed record MovedOrder(long OrderId, string ShopOrderId, string? FromCourier, string? ToCourier);

/// <summary>A planning job.</summary>
public sealed record JobResponse(long Id, long DepotId, DateOnly Date, string Kind, string Status, DateTimeOffset RequestedAt,
    DateTimeOffset? StartedAt, DateTimeOffset? FinishedAt, bool CancelRequested, JobProgress? Progress, long? ResultVersionId, string? Error);

/// <summary>A depot's planning queue is full: 429, so the dispatcher waits for (or cancels) a job.</summary>
internal sealed class QueueFullException(int max) : DomainException("Planning queue full",
    $"This depot already has {max} planning jobs queued or running; wait for one to finish or cancel one.", StatusCodes.Status429TooManyRequests);

/// <summary>A job the worker has claimed.</summary>
internal sealed record ClaimedJob(long Id, long DepotId, DateOnly Date, string Kind, int TimeLimitSeconds);

/// <summary>
/// The planning_jobs table. The unique partial index on (depot, date) for queued/running jobs is what keeps two jobs
/// for the same depot and date from running at once, whichever node asks.
/// </summary>
internal sealed class PlanningJobStore(NpgsqlDataSource db, TimeProvider time)
{
    private const string Columns = """
        id, depot_id, plan_date, kind, status, requested_at, started_at, finished_at, cancel_requested, progress, result_version_id, error
        """;

    /// <exception cref="QueueFullException">The depot already has <paramref name="maxActivePerDepot"/> jobs queued or running.</exception>
    public async Task<(JobResponse Job, bool Created)> EnqueueAsync(long depotId, DateOnly date, string kind, string requestedBy, int timeLimitSeconds,
        CancellationToken ct, int maxActivePerDepot = int.MaxValue)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        try
        {
            var job = await connection.FirstAsync($"""
                INSERT INTO planning_jobs (depot_id, plan_date, kind, status, requested_by, requested_at, time_limit_s)
                SELECT $1, $2, $3, 'queued', $4, $5, $6
                WHERE (SELECT count(*) FROM planning_jobs WHERE depot_id = $1 AND status IN ('queued', 'running')) < $7
                   OR EXISTS (SELECT 1 FROM planning_jobs WHERE depot_id = $1 AND plan_date = $2 AND status IN ('queued', 'running'))
                RETURNING {Columns}
                """, Read, ct, depotId, date, kind, requestedBy, time.GetUtcNow(), timeLimitSeconds, maxActivePerDepot);
            return job is null ? throw new QueueFullException(maxActivePerDepot) : (job, true);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            var active = await connection.FirstAsync($"""
                SELECT {Columns} FROM planning_jobs WHERE depot_id = $1 AND plan_date = $2 AND status IN ('queued', 'running')
                """, Read, ct, depotId, date);
            return active is null ? await EnqueueAsync(depotId, date, kind, requestedBy, timeLimitSeconds, ct, maxActivePerDepot) : (active, false);
        }
    }

    public async Task<JobResponse> GetAsync(long id, CancellationToken ct) =>
        await db.FirstAsync($"SELECT {Columns} FROM planning_jobs WHERE id = $1", Read, ct, id) ?? throw new NotFoundException("Planning job", id);

    /// <summary>Asks a job to stop; a running job keeps its best plan so far.</summary>
    public async Task<JobResponse> RequestCancelAsync(long id, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        await db.ExecAsync("""
            UPDATE planning_jobs SET cancel_requested = true,
                status = CASE WHEN status = 'queued' THEN 'cancelled' ELSE status END,
                finished_at = CASE WHEN status = 'queued' THEN $2 ELSE finished_at END
            WHERE id = $1
            """, ct, id, now);
        return await GetAsync(id, ct);
    }

    /// <summary>
    /// Takes the next queued job, if any (SKIP LOCKED: nodes never take the same job), fairly across depots: from the
    /// depot with the fewest jobs running, then the depot whose last job started longest ago, then the oldest request.
    /// </summary>
    public Task<ClaimedJob?> ClaimAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        return db.FirstAsync("""
            UPDATE planning_jobs SET status = 'running', started_at = $1, heartbeat_at = $1, attempts = attempts + 1, claimed_by = $2
            WHERE id = (SELECT q.id FROM planning_jobs q WHERE q.status = 'queued'
                        ORDER BY (SELECT count(*) FROM planning_jobs r WHERE r.depot_id = q.depot_id AND r.status = 'running'),
                                 (SELECT max(r.started_at) FROM planning_jobs r WHERE r.depot_id = q.depot_id) NULLS FIRST,
                                 q.requested_at, q.id
                        FOR UPDATE SKIP LOCKED LIMIT 1)
            RETURNING id, depot_id, plan_date, kind, time_limit_s
            """, r => new ClaimedJob(r.GetInt64(0), r.GetInt64(1), r.Get<DateOnly>(2), r.GetString(3), r.GetInt32(4)), ct, now, Node);
    }

    /// <summary>This process as <c>planning_jobs.claimed_by</c> names it: host name and process id.</summary>
    public static string Node { get; } = Environment.MachineName + "/" + Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Writes progress and the heartbeat; answers whether cancellation was asked for.</summary>
    public async Task<bool> HeartbeatAsync(long id, JobProgress? progress, CancellationToken ct)
    {
        return await db.ScalarAsync<bool>("""
            UPDATE planning_jobs SET heartbeat_at = $2, progress = coalesce($3::jsonb, progress) WHERE id = $1 RETURNING cancel_requested
            """, ct, id, time.GetUtcNow(), progress is null ? null : JsonSerializer.Serialize(progress, JsonSerializerOptions.Web));
    }

    public Task FinishAsync(long id, string status, JobProgress? progress, long? versionId, string? error, CancellationToken ct) => db.ExecAsync("""
        UPDATE planning_jobs SET status = $2, finished_at = $3, heartbeat_at = $3, progress = coalesce($4::jsonb, progress),
            result_version_id = $5, error = $6
        WHERE id = $1
        """, ct, id, status, time.GetUtcNow(), progress is null ? null : JsonSerializer.Serialize(progress, JsonSerializerOptions.Web), versionId, error);

    /// <summary>Puts a job this node was running back in the queue (the host is shutting down).</summary>
    public Task RequeueAsync(long id, CancellationToken ct) => db.ExecAsync(
        "UPDATE planning_jobs SET status = 'queued', error = 'the host stopped during the job; re-queued' WHERE id = $1 AND status = 'running'", ct, id);

    /// <summary>
    /// Running jobs whose heartbeat is older than <paramref name="staleAfter"/> lost their host: re-queued while they have
    /// attempts left, otherwise failed with the reason. Returns (requeued, failed).
    /// </summary>
    public async Task<(int Requeued, int Failed)> RecoverStaleAsync(TimeSpan staleAfter, int maxAttempts, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var cutoff = now - staleAfter;
        await using var connection = await db.OpenConnectionAsync(ct);
        var requeued = await connection.ExecAsync("""
            UPDATE planning_jobs SET status = 'queued', error = 'the host running this job stopped; re-queued'
            WHERE status = 'running' AND heartbeat_at < $1 AND attempts < $2 AND NOT cancel_requested
            """, ct, cutoff, maxAttempts);
        var failed = await connection.ExecAsync("""
            UPDATE planning_jobs SET status = 'failed', finished_at = $3,
                error = 'the host running this job stopped (no heartbeat since ' || to_char(heartbeat_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') || ') after ' || attempts || ' attempt(s)'
            WHERE status = 'running' AND heartbeat_at < $1 AND (attempts >= $2 OR cancel_requested)
            """, ct, cutoff, maxAttempts, now);
        return (requeued, failed);
    }

    private static JobResponse Read(NpgsqlDataReader r) => new(
        r.GetInt64(0), r.GetInt64(1), r.Get<DateOnly>(2), r.GetString(3), r.GetString(4), r.Get<DateTimeOffset>(5), r.Opt<DateTimeOffset>(6),
        r.Opt<DateTimeOffset>(7), r.GetBoolean(8),
        r.IsDBNull(9) ? null : JsonSerializer.Deserialize<JobProgress>(r.GetString(9), JsonSerializerOptions.Web),
        r.Opt<long>(10), r.OptString(11));
}
