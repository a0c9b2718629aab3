using System.Globalization;
using Delivery.Benchmarks.Quality;
using Delivery.Planner.Instances;

namespace Delivery.Benchmarks.Verbs;

/// <summary><c>homberger [--size 200|400] [--seconds N] [--filter C1,r1_2_1] [--no-sample] [--hier]</c>: the Gehring &amp; Homberger table.</summary>
internal sealed class HombergerVerb : IVerb
{
    public string Name => "homberger";

    public string Summary => "Gehring & Homberger 200/400 vs best-known (DIMACS) [--size 200|400] " + QualityOptions.Usage;

    public Task<int> RunAsync(string[] args)
    {
        var o = new Options(args);
        var size = o.GetInt("size", 200);
        if (size is not (200 or 400))
        {
            Console.Error.WriteLine($"--size must be 200 or 400, got {size}");
            return Task.FromResult(2);
        }
        var options = QualityOptions.From(o, 60);
        var files = Directory.GetFiles(DataFolder.PathOf("homberger", size.ToString(CultureInfo.InvariantCulture)), "*.txt");
        var bks = BestKnownSolutions.Read(DataFolder.PathOf("homberger", "BKS_homberger.csv"));
        var name = $"homberger{size}_{options.SecondsLabel}s" + (options.Filter.Count > 0 ? "_subset" : "") + (options.Hierarchical ? "_hier" : "");
        return Task.FromResult(QualityReport.Run($"Gehring & Homberger {size}", name, files, bks, options));
    }
}
