using Delivery.Benchmarks.Quality;
using Delivery.Planner.Instances;

namespace Delivery.Benchmarks.Verbs;

/// <summary><c>solomon [--seconds N] [--filter C1,R101] [--no-sample] [--hier]</c>: the Solomon quality table.</summary>
internal sealed class SolomonVerb : IVerb
{
    public string Name => "solomon";

    public string Summary => "Solomon VRPTW set vs best-known (DIMACS) and the OR-Tools sample model " + QualityOptions.Usage;

    public Task<int> RunAsync(string[] args)
    {
        var options = QualityOptions.From(new Options(args), 5);
        var files = Directory.GetFiles(DataFolder.PathOf("solomon"), "*.txt");
        var bks = BestKnownSolutions.Read(DataFolder.PathOf("solomon", "BKS_solomon.csv"));
        var name = $"solomon_{options.SecondsLabel}s" + (options.Filter.Count > 0 ? "_subset" : "") + (options.Hierarchical ? "_hier" : "");
        return Task.FromResult(QualityReport.Run("Solomon", name, files, bks, options));
    }
}
