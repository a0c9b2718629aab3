using Delivery.Manifests.Codes;

namespace Delivery.Manifests.Model;

/// <summary>
/// Everything printed on one route's manifest. The host fills it from its own storage; Manifests knows no database.
/// </summary>
/// <remarks>Instants are UTC; they are displayed in <see cref="TimeZoneId"/>, the depot's zone.</remarks>
public sealed record ManifestRoute
{
    /// <summary>The route's identifier, encoded in every stop code (0 to <see cref="StopCode.MaxRouteId"/>).</summary>
    public required long RouteId
    {
        get;
        init => field = value is >= 0 and <= StopCode.MaxRouteId
            ? value
            : throw new ArgumentOutOfRangeException(nameof(RouteId), value, $"RouteId must be between 0 and {StopCode.MaxRouteId}.");
    }

    /// <summary>Route name as the dispatcher calls it, e.g. "North-07" (1–80 characters).</summary>
    public required string RouteName { get; init => field = Guard.Text(value, nameof(RouteName), 80); }

    /// <summary>Courier's name (1–120 characters).</summary>
    public required string CourierName { get; init => field = Guard.Text(value, nameof(CourierName), 120); }

    /// <summary>Vehicle, e.g. plate and model (1–120 characters).</summary>
    public required string Vehicle { get; init => field = Guard.Text(value, nameof(Vehicle), 120); }

    /// <summary>The delivery day (in the depot's zone).</summary>
    public required DateOnly Date { get; init; }

    /// <summary>The depot.</summary>
    public required ManifestDepot Depot { get; init => field = value ?? throw new ArgumentNullException(nameof(Depot)); }

    /// <summary>Planned departure from the depot (UTC instant).</summary>
    public required DateTimeOffset StartTime { get; init; }

    /// <summary>Version of the published plan this manifest was printed from (1 to <see cref="StopCode.MaxPlanVersion"/>).</summary>
    public required int PlanVersion
    {
        get;
        init => field = value is >= 1 and <= StopCode.MaxPlanVersion
            ? value
            : throw new ArgumentOutOfRangeException(nameof(PlanVersion), value, $"PlanVersion must be between 1 and {StopCode.MaxPlanVersion}.");
    }

    /// <summary>When the manifest was printed (UTC instant, from the host's TimeProvider).</summary>
    public required DateTimeOffset PrintedAt { get; init; }

    /// <summary>The dispatcher's phone, printed on the cover and every page (1–40 characters).</summary>
    public required string DispatcherPhone { get; init => field = Guard.Text(value, nameof(DispatcherPhone), 40); }

    /// <summary>Planned driving distance, kilometres; not negative.</summary>
    public required double PlannedKm { get; init => field = Guard.InRange(value, 0, 100_000, nameof(PlannedKm)); }

    /// <summary>Planned route duration from departure to return, hours; not negative.</summary>
    public required double PlannedHours { get; init => field = Guard.InRange(value, 0, 1_000, nameof(PlannedHours)); }

    /// <summary>IANA time zone id of the depot (e.g. "Europe/Berlin"); every time is displayed in it.</summary>
    public required string TimeZoneId
    {
        get;
        init
        {
            TimeZone = TimeZoneInfo.TryFindSystemTimeZoneById(Guard.Text(value, nameof(TimeZoneId), 64), out var zone)
                ? zone
                : throw new ArgumentException($"TimeZoneId '{value}' is not a known time zone id.", nameof(TimeZoneId));
            field = value;
        }
    }

    /// <summary>
    /// Language of the labels, dates and numbers (a code with a catalogue, see <see cref="ManifestCatalogue.Languages"/>;
    /// e.g. "ru" or "ru-RU"); English by default.
    /// </summary>
    public string Language
    {
        get;
        init => field = ManifestCatalogue.Find(value)?.Language
            ?? throw new ArgumentException($"Language '{value}' has no manifest catalogue; use one of {string.Join(", ", ManifestCatalogue.Languages)}.", nameof(Language));
    } = ManifestCatalogue.DefaultLanguage;

    /// <summary>The labels and culture of <see cref="Language"/>.</summary>
    public ManifestCatalogue Text => ManifestCatalogue.For(Language);

    /// <summary>Currency code printed after amounts, e.g. "EUR"; optional (at most 8 characters).</summary>
    public string? Currency { get; init => field = Guard.Optional(value, nameof(Currency), 8); }

    /// <summary>
    /// Stops in driving order: sequences strictly increasing from 1 up to <see cref="StopCode.MaxSequence"/>,
    /// each window set at both ends or neither, and not ending before it starts.
    /// </summary>
    public required IReadOnlyList<ManifestStop> Stops { get; init => field = CheckStops(value); }

    /// <summary>The resolved <see cref="TimeZoneId"/>.</summary>
    public TimeZoneInfo TimeZone { get; private init; } = TimeZoneInfo.Utc;

    /// <summary>Converts a UTC instant to the depot's wall-clock time.</summary>
    public DateTime ToLocal(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, TimeZone).DateTime;

    private static IReadOnlyList<ManifestStop> CheckStops(IReadOnlyList<ManifestStop> stops)
    {
        Guard.List(stops, nameof(Stops));
        var previous = 0;
        for (var i = 0; i < stops.Count; i++)
        {
            var s = stops[i];
            var field = $"{nameof(Stops)}[{i}]";
            if (s.Sequence <= previous || s.Sequence > StopCode.MaxSequence)
            {
                throw new ArgumentException(
                    $"{field}.Sequence is {s.Sequence}: sequences must increase in driving order, between 1 and {StopCode.MaxSequence}.", nameof(Stops));
            }
            if (s.WindowStart.HasValue != s.WindowEnd.HasValue)
            {
                throw new ArgumentException($"{field}: WindowStart and WindowEnd must both be set or both be empty.", nameof(Stops));
            }
            if (s.WindowEnd < s.WindowStart)
            {
                throw new ArgumentException($"{field}.WindowEnd ({s.WindowEnd:O}) must not be before WindowStart ({s.WindowStart:O}).", nameof(Stops));
            }
            previous = s.Sequence;
        }
        return stops;
    }
}
