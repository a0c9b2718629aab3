using System.Globalization;
using Delivery.Planner.Solving;

namespace Delivery.Benchmarks.Quality;

/// <summary>Options shared by the <c>solomon</c> and <c>homberger</c> verbs.</summary>
/// <param name="Seconds">Time limit per solve.</param>
/// <param name="Filter">Classes (C1, RC2) or instance names to keep; empty keeps all.</param>
/// <param name="Sample">Also solve with the OR-Tools sample model.</param>
/// <param name="Hierarchical">Also solve under the hierarchical convention (a second solve per instance).</param>
/// <param name="Seeds">Solves per instance, with seeds 1..Seeds (the table shows the mean gap and the spread).</param>
/// <param name="Search">The planner's settings, with the search settings the command line chose (time limit and seed set per solve).</param>
internal sealed record QualityOptions(double Seconds, IReadOnlyList<string> Filter, bool Sample, bool Hierarchical, SolverSettings Search, int Seeds = 1)
{
    /// <summary>Usage text of the options.</summary>
    public const string Usage = "[--seconds N] [--seeds N] [--filter C1,R101,...] [--no-sample] [--hier] [--ortools-share F] [--sisr-t0 F] [--sisr-tf F] [--sisr-removed N] [--sisr-blink F]";

    /// <summary>Reads <c>--seconds</c>, <c>--filter</c>, <c>--no-sample</c>, <c>--hier</c>.</summary>
    public static QualityOptions From(Options o, double defaultSeconds) => new(
        o.GetDouble("seconds", defaultSeconds),
        (o.Get("filter") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
        !o.Has("no-sample"),
        o.Has("hier"),
        SettingsFrom(o),
        Math.Max(1, o.GetInt("seeds", 1)));

    /// <summary>The planner's settings for one solve, with the search settings of <c>--ortools-share</c> and the SISR parameters.</summary>
    public static SolverSettings SettingsFrom(Options o)
    {
        var defaults = new SolverSettings();
        var p = defaults.RuinRecreate;
        return defaults with
        {
            OrToolsShare = o.GetDouble("ortools-share", defaults.OrToolsShare),
            RuinRecreate = p with
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
