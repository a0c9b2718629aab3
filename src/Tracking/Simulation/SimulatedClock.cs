using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace Delivery.Tracking.Simulation;

/// <summary>
/// An accelerated clock for a simulated day. Simulated time is a function of the real clock alone:
/// before <see cref="Anchor"/> it runs at real speed towards <see cref="Start"/>, from the anchor on it runs
/// <see cref="Speed"/> times faster. Two processes given the same start, speed and anchor read the same time, so the
/// host under test and the simulated fleet share one clock without talking to each other. Timers (and so
/// <c>Task.Delay</c>, <c>PeriodicTimer</c> and timeouts built on this provider) fire when simulated time reaches them.
/// </summary>
/// <threadsafety>Immutable; safe for concurrent use.</threadsafety>
public sealed class SimulatedClock : TimeProvider
{
    /// <summary>Configuration section: <c>SimulatedClock:Start</c>, <c>:Speed</c>, <c>:Anchor</c>.</summary>
    public const string Section = "SimulatedClock";

    private readonly TimeProvider _real;

    /// <summary>Creates the clock.</summary>
    /// <param name="start">Simulated time at the anchor.</param>
    /// <param name="speed">Simulated seconds per real second after the anchor (0.1 to 10,000).</param>
    /// <param name="anchor">Real instant at which simulated time equals <paramref name="start"/>; default now.</param>
    /// <param name="real">The real clock (tests may pass a fake one).</param>
    public SimulatedClock(DateTimeOffset start, double speed, DateTimeOffset? anchor = null, TimeProvider? real = null)
    {
        if (!double.IsFinite(speed) || speed < 0.1 || speed > 10_000)
        {
            throw new ArgumentOutOfRangeException(nameof(speed), speed, "Speed must be between 0.1 and 10000.");
        }
        _real = real ?? System;
        Start = start.ToUniversalTime();
        Speed = speed;
        Anchor = (anchor ?? _real.GetUtcNow()).ToUniversalTime();
    }

    /// <summary>Simulated time at <see cref="Anchor"/>.</summary>
    public DateTimeOffset Start { get; }

    /// <summary>Real instant at which the acceleration starts.</summary>
    public DateTimeOffset Anchor { get; }

    /// <summary>Simulated seconds per real second from the anchor on.</summary>
    public double Speed { get; }

    /// <summary>
    /// The clock configured in section <see cref="Section"/> (<c>Start</c> and <c>Anchor</c> as ISO 8601 instants,
    /// <c>Speed</c> as a number), or null when no speed is configured.
    /// </summary>
    /// <exception cref="InvalidOperationException">A value does not parse.</exception>
    public static SimulatedClock? FromConfiguration(IConfiguration configuration, TimeProvider? real = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(Section);
        if (section["Speed"] is not { Length: > 0 } speedText)
        {
            return null;
        }
        if (!double.TryParse(speedText, NumberStyles.Float, CultureInfo.InvariantCulture, out var speed))
        {
            throw new InvalidOperationException($"{Section}:Speed: '{speedText}' is not a number.");
        }
        var now = (real ?? System).GetUtcNow();
        return new SimulatedClock(Instant(section, "Start") ?? now, speed, Instant(section, "Anchor") ?? now, real);
    }

    /// <summary>The configuration values that make another process read this clock.</summary>
    public IReadOnlyDictionary<string, string> ToConfiguration() => new Dictionary<string, string>
    {
        [$"{Section}:Start"] = Start.ToString("O", CultureInfo.InvariantCulture),
        [$"{Section}:Speed"] = Speed.ToString("R", CultureInfo.InvariantCulture),
        [$"{Section}:Anchor"] = Anchor.ToString("O", CultureInfo.InvariantCulture),
    };

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow() => ToSimulated(_real.GetUtcNow());

    /// <inheritdoc />
    public override long GetTimestamp() => GetUtcNow().UtcTicks;

    /// <inheritdoc />
    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    /// <inheritdoc />
    public override TimeZoneInfo LocalTimeZone => _real.LocalTimeZone;

    /// <summary>Simulated time at real instant <paramref name="real"/>.</summary>
    public DateTimeOffset ToSimulated(DateTimeOffset real)
    {
        var since = real - Anchor;
        return since < TimeSpan.Zero ? Start + since : Start + since * Speed;
    }

    /// <summary>Real instant at which simulated time reaches <paramref name="simulated"/>.</summary>
    public DateTimeOffset ToReal(DateTimeOffset simulated)
    {
        var since = simulated - Start;
        return since < TimeSpan.Zero ? Anchor + since : Anchor + since / Speed;
    }

    /// <inheritdoc />
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(callback);
        return new SimulatedTimer(this, callback, state, dueTime, period);
    }

    private static DateTimeOffset? Instant(IConfigurationSection section, string key) =>
        section[key] is not { Length: > 0 } text
            ? null
            : DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value)
                ? value
                : throw new InvalidOperationException($"{Section}:{key}: '{text}' is not an ISO 8601 instant.");

    /// <summary>A timer in simulated time: each due instant is turned into a real delay when it is scheduled.</summary>
    private sealed class SimulatedTimer : ITimer
    {
        private readonly SimulatedClock _clock;
        private readonly TimerCallback _callback;
        private readonly object? _state;
        private readonly ITimer _inner;
        private readonly Lock _gate = new();
        private DateTimeOffset _due;
        private TimeSpan _period = Timeout.InfiniteTimeSpan;
        private long _generation;
        private bool _disposed;

        public SimulatedTimer(SimulatedClock clock, TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            _clock = clock;
            _callback = callback;
            _state = state;
            _inner = clock._real.CreateTimer(Fire, null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            Change(dueTime, period);
        }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            lock (_gate)
            {
                if (_disposed)
                {
                    return false;
                }
                _generation++;
                _period = period;
                if (dueTime == Timeout.InfiniteTimeSpan)
                {
                    return _inner.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
                }
                _due = _clock.GetUtcNow() + dueTime;
                return Schedule();
            }
        }

        private bool Schedule()
        {
            var wait = _clock.ToReal(_due) - _clock._real.GetUtcNow();
            return _inner.Change(wait > TimeSpan.Zero ? wait : TimeSpan.Zero, Timeout.InfiniteTimeSpan);
        }

        private void Fire(object? _)
        {
            long generation;
            lock (_gate)
            {
                if (_disposed)
                {
                    return;
                }
                var now = _clock.GetUtcNow();
                if (now < _due)
                {
                    // The real timer woke a little early (rounding): wait for the rest.
                    Schedule();
                    return;
                }
                generation = _generation;
            }
            _callback(_state);
            lock (_gate)
            {
                if (_disposed || generation != _generation || _period == Timeout.InfiniteTimeSpan || _period <= TimeSpan.Zero)
                {
                    return;
                }
                // A fixed schedule in simulated time; a late tick does not push the next ones back.
                _due += _period;
                var now = _clock.GetUtcNow();
                if (_due < now)
                {
                    _due = now;
                }
                Schedule();
            }
        }

        public void Dispose()
        {
            lock (_gate)
            {
                _disposed = true;
            }
            _inner.Dispose();
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
