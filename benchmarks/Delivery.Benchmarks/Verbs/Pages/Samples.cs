using System.Globalization;

namespace Delivery.Benchmarks.Verbs.Pages;

/// <summary>Measured values of one figure (milliseconds or bytes) with their count and percentiles (nearest rank).</summary>
internal sealed class Samples(string name)
{
    private readonly List<double> _values = [];

    public string Name { get; } = name;

    public int Count => _values.Count;

    public void Add(double value) => _values.Add(value);

    /// <summary>The <paramref name="q"/> quantile by nearest rank; NaN without samples.</summary>
    public double P(double q)
    {
        if (_values.Count == 0)
        {
            return double.NaN;
        }
        var sorted = _values.Order().ToArray();
        return sorted[Math.Clamp((int)Math.Ceiling(q * sorted.Length) - 1, 0, sorted.Length - 1)];
    }

    public double Max => _values.Count == 0 ? double.NaN : _values.Max();

    /// <summary>"p50 / p95" with <paramref name="decimals"/>, or "-".</summary>
    public string P50P95(int decimals = 0) => Count == 0 ? "-" : $"{Fmt(P(0.5), decimals)} / {Fmt(P(0.95), decimals)}";

    /// <summary>p50, p95 and n for the RESULT line.</summary>
    public Dictionary<string, object?> Json(int decimals = 1) => new()
    {
        ["n"] = Count,
        ["p50"] = Count == 0 ? null : Math.Round(P(0.5), decimals),
        ["p95"] = Count == 0 ? null : Math.Round(P(0.95), decimals),
    };

    private static string Fmt(double v, int decimals) => v.ToString("F" + decimals, CultureInfo.InvariantCulture);
}
