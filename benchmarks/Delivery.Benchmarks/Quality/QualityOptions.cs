using System.Globalization;
using Delivery.Planner.Solving;

namespace Delivery.Benchmarks.Quality;

/// <summary>Options shared by the <c>solomon</c> and <c>homberger</c> verbs.</summary>
/// <param name="Seconds">Time limit per solve.</param>
/// <param name="Filter">Classes (C1, RC2) or instance names to keep; empty keeps all.</param>
/// <param name="Sample">Also solve with the OR-Tools sample model.</param>
/// <param name="Hierarchical">Also solve under the hierarchical convention (a second solve per instance).</param>
/// <param name="Planner">The planner under test, with the search settings the command line chose.</param>
internal sealed record QualityOptions(double Seconds, IReadOnlyList<string> Filter, bool Sample, bool Hierarchical, OrToolsRoutePlanner Planner)
{
    /// <summary>Usage text of the options.</summary>
    public const string Usage = "[--seconds N] [--filter C1,R101,...] [--no-sample] [--hier] [--no-sisr] [--sisr-share F] [--sisr-t0 F] [--sisr-tf F] [--sisr-removed N] [--sisr-blink F]";

    /// <summary>Reads <c>--seconds</c>, <c>--filter</c>, <c>--no-sample</c>, <c>--hier</c>.</summary>
    public static QualityOptions From(Options o, double defaultSeconds) => new(
        o.GetDouble("seconds", defaultSeconds),
        (o.Get("filter") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
        !o.Has("no-sample"),
        o.Has("hier"),
        PlannerFrom(o));

    /// <summary>The planner with the search settings of <c>--no-sisr</c>, <c>--sisr-share</c> and the SISR parameters.</summary>
    public static OrToolsRoutePlanner PlannerFrom(Options o)
    {
        var defaults = new OrToolsRoutePlanner();
        var p = defaults.Sisr;
        return new OrToolsRoutePlanner
        {
            UseSisr = !o.Has("no-sisr"),
            SisrPortfolioShare = o.GetDouble("sisr-share", defaults.SisrPortfolioShare),
            Sisr = p with
            {
                StartTemperature = o.GetDouble("sisr-t0", p.StartTemperature),
                FinalTemperature = o.GetDouble("sisr-tf", p.FinalTemperature),
                AverageRemoved = o.GetDouble("sisr-removed", p.AverageRemoved),
                BlinkRate = o.GetDouble("sisr-blink", p.BlinkRate),
            },
        };
    }

    /// <summary>True when <paramref name="name"/> (of class <paramref name="cls"/>) passes the filter.</summary>
    public bool Keeps(string name, string cls) =>
        Filter.Count == 0 || Filter.Any(f => string.Equals(f, name, StringComparison.OrdinalIgnoreCase) || string.Equals(f, cls, StringComparison.OrdinalIgnoreCase));

    /// <summary>Seconds as used in result file names: "5", "0.5".</summary>
    public string SecondsLabel => Seconds.ToString("0.##", CultureInfo.InvariantCulture);
}
