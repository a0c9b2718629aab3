using System.Diagnostics;
using Delivery.Manifests;
using Delivery.Manifests.Model;
using Delivery.Manifests.Samples;

namespace Delivery.Benchmarks.Verbs;

/// <summary>
/// <c>manifests [--runs N] [--paper A4|Letter] [--sample FILE]</c>: time to render one 60-stop route and a whole plan
/// of 40 routes × 25 stops (warm, median of N runs; model building excluded).
/// </summary>
public sealed class ManifestsVerb : IVerb
{
    /// <inheritdoc />
    public string Name => "manifests";

    /// <inheritdoc />
    public string Summary => "PDF manifest speed: one 60-stop route, a plan of 40 routes x 25 stops [--runs N] [--sample FILE]";

    /// <inheritdoc />
    public Task<int> RunAsync(string[] args)
    {
        var options = new Options(args);
        var runs = Math.Max(1, options.GetInt("runs", 7));
        var paper = Enum.Parse<PaperSize>(options.Get("paper") ?? nameof(PaperSize.A4), ignoreCase: true);
        var renderer = new ManifestRenderer(new ManifestOptions { PaperSize = paper });

        var route60 = SampleRoutes.Route(60);
        IReadOnlyList<ManifestRoute> plan = [.. Enumerable.Range(1, 40).Select(i => SampleRoutes.Route(25, routeId: i, name: $"R-{i:D2}"))];
        if (options.Get("sample") is { } sample)
        {
            File.WriteAllBytes(sample, renderer.RenderRoute(route60));
            Console.WriteLine($"sample written to {sample}");
        }

        var planRuns = Math.Max(3, runs / 2);
        var (routeMs, routeCpu, routeBytes) = Measure(() => renderer.RenderRoute(route60), runs, warmups: 20);
        var (planMs, planCpu, planBytes) = Measure(() => renderer.RenderPlan(plan), planRuns, warmups: 2);

        var report = Results.Table(
            ["case", "stops", "median", "min", "max", "median CPU", "PDF size", "target"],
            [
                ["route60", "60", $"{Results.F(routeMs.Median, 1)} ms", $"{Results.F(routeMs.Min, 1)} ms", $"{Results.F(routeMs.Max, 1)} ms",
                    $"{Results.F(routeCpu.Median, 1)} ms", $"{routeBytes / 1024} KiB", "<= 100 ms"],
                ["plan40x25", "1000", $"{Results.F(planMs.Median / 1000, 2)} s", $"{Results.F(planMs.Min / 1000, 2)} s", $"{Results.F(planMs.Max / 1000, 2)} s",
                    $"{Results.F(planCpu.Median / 1000, 2)} s", $"{planBytes / 1024} KiB", "<= 3 s"],
            ]);
        report = $"manifests: PDFsharp render, {paper}, warm, median of {runs} runs (route) / {planRuns} runs (plan); "
            + $"load average {Results.F(LoadAverage(), 1)} on {Environment.ProcessorCount} cores\n\n{report}";
        Results.Publish("manifests", report, new Dictionary<string, object?>
        {
            ["route60_ms"] = Math.Round(routeMs.Median, 1),
            ["plan40x25_s"] = Math.Round(planMs.Median / 1000, 3),
            ["route60_cpu_ms"] = Math.Round(routeCpu.Median, 1),
            ["plan40x25_cpu_s"] = Math.Round(planCpu.Median / 1000, 3),
            ["route60_kib"] = routeBytes / 1024,
            ["plan40x25_kib"] = planBytes / 1024,
            ["runs"] = runs,
        });
        return Task.FromResult(0);
    }

    /// <summary>One-minute load average from /proc/loadavg (NaN elsewhere), to judge how contended the figures are.</summary>
    private static double LoadAverage() =>
        File.Exists("/proc/loadavg") && double.TryParse(File.ReadAllText("/proc/loadavg").Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture, out var l)
            ? l : double.NaN;

    /// <summary>Wall and process-CPU milliseconds per run (CPU time shows the cost when other work shares the cores).</summary>
    private static (Stats Wall, Stats Cpu, int Bytes) Measure(Func<byte[]> render, int runs, int warmups)
    {
        var bytes = 0;
        for (var i = 0; i < warmups; i++)
        {
            bytes = render().Length; // warm-up: fonts, and enough calls for tiered JIT to reach optimised code
        }
        var wall = new List<double>();
        var cpu = new List<double>();
        using var process = Process.GetCurrentProcess();
        for (var i = 0; i < runs; i++)
        {
            process.Refresh();
            var cpu0 = process.TotalProcessorTime;
            var sw = Stopwatch.StartNew();
            render();
            wall.Add(sw.Elapsed.TotalMilliseconds);
            process.Refresh();
            cpu.Add((process.TotalProcessorTime - cpu0).TotalMilliseconds);
        }
        return (new Stats(wall), new Stats(cpu), bytes);
    }

    private sealed class Stats(List<double> values)
    {
        private readonly List<double> _sorted = [.. values.Order()];

        public double Median => _sorted[_sorted.Count / 2];

        public double Min => _sorted[0];

        public double Max => _sorted[^1];
    }
}
