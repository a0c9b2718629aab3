using System.ComponentModel.DataAnnotations;

namespace Delivery.CourierApi.Hosting;

/// <summary>Order intake settings (section <c>Orders</c>).</summary>
internal sealed class OrdersOptions
{
    public const string Section = "Orders";

    /// <summary>Local time (depot time zone) on the day before the plan date after which orders are refused.</summary>
    [Required]
    public TimeOnly CutOffLocalTime { get; set; } = new(22, 0);

    /// <summary>Service time used when an order does not give one, seconds.</summary>
    [Range(0, 7200)]
    public int DefaultServiceSeconds { get; set; } = 180;

    /// <summary>Largest CSV file accepted, rows.</summary>
    [Range(1, 1_000_000)]
    public int MaxImportRows { get; set; } = 100_000;
}

/// <summary>Planning job settings (section <c>Planning</c>).</summary>
internal sealed class PlanningOptions
{
    public const string Section = "Planning";

    [Range(1, 3600)]
    public int TimeLimitSeconds { get; set; } = 10;

    [Range(1, 64)]
    public int Workers { get; set; } = 2;

    /// <summary>
    /// Jobs one depot may have queued or running at once (over all its dates); another is refused with 429, so one
    /// depot cannot fill the queue. Workers take the next job from the depot with the fewest running, then the one
    /// that started a job longest ago, so depots take turns.
    /// </summary>
    [Range(1, 100)]
    public int MaxActiveJobsPerDepot { get; set; } = 3;

    [Range(1, 600)]
    public int HeartbeatSeconds { get; set; } = 5;

    /// <summary>A running job whose heartbeat is older than this is taken to have lost its host.</summary>
    [Range(5, 3600)]
    public int StaleAfterSeconds { get; set; } = 30;

    [Range(0.05, 60)]
    public double PollSeconds { get; set; } = 1;

    /// <summary>How often a job is started at all; past this a stale job is marked failed rather than re-queued.</summary>
    [Range(1, 10)]
    public int MaxAttempts { get; set; } = 2;

    /// <summary>
    /// Robust planning: minutes of slack the planner keeps before each window end (a stop is planned to start its
    /// service at least this long before its window closes), so a real day's noise — slower traffic, a long handover —
    /// does not turn into a late delivery. The promised window itself is unchanged. 0 plans to the window's end.
    /// </summary>
    [Range(0, 240)]
    public double WindowSlackMinutes { get; set; }

    /// <summary>Road distance over straight-line distance, for planning without a road network.</summary>
    [Range(1.0, 3.0)]
    public double CircuityFactor { get; set; } = 1.3;

    /// <summary>Average driving speed without a road network, km/h.</summary>
    [Range(1.0, 150.0)]
    public double SpeedKmh { get; set; } = 25;

    /// <summary>Run the background worker in this process (switch off on pure API nodes).</summary>
    public bool RunWorker { get; set; } = true;
}

/// <summary>Sign-in settings (section <c>Auth</c>).</summary>
internal sealed class AuthOptions
{
    public const string Section = "Auth";

    /// <summary>Sign-in attempts allowed per client address per minute.</summary>
    [Range(1, 10_000)]
    public int SignInPermitsPerMinute { get; set; } = 10;

    [Range(1, 24 * 30)]
    public int TokenLifetimeHours { get; set; } = 12;

    /// <summary>Failed sign-ins one account may have in <see cref="SignInAccountWindowMinutes"/> (all nodes together), then 429.</summary>
    [Range(1, 10_000)]
    public int SignInFailuresPerAccount { get; set; } = 5;

    [Range(1, 24 * 60)]
    public int SignInAccountWindowMinutes { get; set; } = 15;

    /// <summary>
    /// Addresses of reverse proxies (nginx, the operator's balancer) whose <c>X-Forwarded-For</c> is believed; from any
    /// other peer the header is ignored, so a client cannot pick the address it is rate-limited by. Empty: none.
    /// </summary>
    public string[] TrustedProxies { get; set; } = [];

    /// <summary>Days a courier device token works after it is issued (then the tablet pairs again); 0: no expiry.</summary>
    [Range(0, 3650)]
    public int DeviceTokenDays { get; set; } = 90;

    /// <summary>Creates this administrator at start when no enabled administrator exists (first start of a deployment).</summary>
    public string? BootstrapAdministrator { get; set; }

    /// <summary>The bootstrap administrator's first password (from a secret store or environment, never the repository).</summary>
    public string? BootstrapPassword { get; set; }
}
