using Delivery.Planner.Model;

namespace Delivery.Planner.Travel;

/// <summary>One time-of-day slice's matrices: in force from <paramref name="From"/> (local) until the next slice starts.</summary>
public sealed record TimeSlice(TimeOnly From, TravelMatrix Matrix);

/// <summary>
/// Time-dependent travel times: one matrix per time-of-day slice (local time in <see cref="Zone"/>), a leg's slice
/// chosen by its departure. The first slice starts at midnight; the slices are in order.
/// </summary>
public sealed class TimeSlicedMatrices
{
    /// <summary>Wraps the slices; throws when they are empty, out of order, of different sizes or the first does not start at midnight.</summary>
    public TimeSlicedMatrices(TimeZoneInfo zone, IReadOnlyList<TimeSlice> slices)
    {
        ArgumentNullException.ThrowIfNull(zone);
        ArgumentNullException.ThrowIfNull(slices);
        if (slices.Count == 0 || slices[0].From != TimeOnly.MinValue)
        {
            throw new ArgumentException("The first slice must start at midnight.", nameof(slices));
        }
        for (var i = 1; i < slices.Count; i++)
        {
            if (slices[i].From <= slices[i - 1].From || slices[i].Matrix.Size != slices[0].Matrix.Size)
            {
                throw new ArgumentException("Slices must be in order of their start and of one size.", nameof(slices));
            }
        }
        Zone = zone;
        Slices = slices;
    }

    /// <summary>The time zone the slices' times of day are read in.</summary>
    public TimeZoneInfo Zone { get; }

    /// <summary>The slices, in order; the first starts at midnight.</summary>
    public IReadOnlyList<TimeSlice> Slices { get; }

    /// <summary>True when there is more than one slice (travel times depend on the time of day).</summary>
    public bool IsTimeDependent => Slices.Count > 1;

    /// <summary>The matrices in force at <paramref name="departure"/>.</summary>
    public TravelMatrix At(DateTimeOffset departure)
    {
        var t = TimeOnly.FromDateTime(TimeZoneInfo.ConvertTime(departure, Zone).DateTime);
        var k = 0;
        while (k + 1 < Slices.Count && Slices[k + 1].From <= t)
        {
            k++;
        }
        return Slices[k].Matrix;
    }

    /// <summary>
    /// The element-wise maximum over the slices (duration and distance): no slice's time exceeds it, so a route
    /// feasible on it stays feasible when re-timed on the slices (a departure never later, so no arrival later).
    /// </summary>
    public TravelMatrix Bound()
    {
        if (Slices.Count == 1)
        {
            return Slices[0].Matrix;
        }
        var n = Slices[0].Matrix.Size;
        var durations = Slices[0].Matrix.Durations.ToArray();
        var distances = Slices[0].Matrix.Distances.ToArray();
        foreach (var slice in Slices.Skip(1))
        {
            var d = slice.Matrix.Durations;
            var m = slice.Matrix.Distances;
            for (var i = 0; i < durations.Length; i++)
            {
                durations[i] = Math.Max(durations[i], d[i]);
                distances[i] = Math.Max(distances[i], m[i]);
            }
        }
        return new TravelMatrix(n, durations, distances);
    }

    /// <summary>The slices as instants counted in seconds from <paramref name="epoch"/>, over the day before the epoch's local date to two days after.</summary>
    public TimeDependentTravel ToEpoch(DateTimeOffset epoch)
    {
        var date = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(epoch, Zone).DateTime);
        var starts = new List<(long, TravelMatrix)>();
        for (var d = -1; d <= 2; d++)
        {
            foreach (var slice in Slices)
            {
                var local = date.AddDays(d).ToDateTime(slice.From);
                var instant = new DateTimeOffset(local, Zone.GetUtcOffset(local));
                starts.Add(((long)(instant - epoch).TotalSeconds, slice.Matrix));
            }
        }
        return new TimeDependentTravel(starts);
    }
}

/// <summary>
/// Time-dependent travel in a planning problem: matrices in force from instants counted in seconds from the problem's
/// epoch (in order). <see cref="PlanningProblem.Matrix"/> is then their bound, the one the search plans with;
/// schedules and the validator time each leg on the matrix in force at its departure.
/// </summary>
public sealed class TimeDependentTravel
{
    private readonly long[] _starts;
    private readonly TravelMatrix[] _matrices;

    /// <summary>Wraps the slices (start seconds in increasing order).</summary>
    public TimeDependentTravel(IReadOnlyList<(long StartSeconds, TravelMatrix Matrix)> slices)
    {
        ArgumentNullException.ThrowIfNull(slices);
        if (slices.Count == 0)
        {
            throw new ArgumentException("At least one slice.", nameof(slices));
        }
        _starts = slices.Select(s => s.StartSeconds).ToArray();
        _matrices = slices.Select(s => s.Matrix).ToArray();
    }

    /// <summary>The matrices in force at <paramref name="departureSeconds"/> (the first slice's before it starts).</summary>
    public TravelMatrix At(long departureSeconds)
    {
        var k = Array.BinarySearch(_starts, departureSeconds);
        k = k >= 0 ? k : ~k - 1;
        return _matrices[Math.Max(0, k)];
    }
}

/// <summary>A travel-time source whose times may depend on the time of day and on whose plan or route asks (a depot's calibration).</summary>
public interface ITimeDependentTravelTimeSource : ITravelTimeSource
{
    /// <summary>Matrices over <paramref name="locations"/> per time-of-day slice for <paramref name="scope"/> (a depot id); one slice when times do not depend on the time of day.</summary>
    Task<TimeSlicedMatrices> GetSlicedMatricesAsync(string scope, IReadOnlyList<Location> locations, CancellationToken cancellationToken = default);
}
