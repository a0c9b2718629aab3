using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Delivery.Benchmarks.Micro;

namespace Delivery.Benchmarks.Verbs;

/// <summary>
/// <c>micro</c>: BenchmarkDotNet micro-benchmarks of planner hot paths (validator, ruin-and-recreate steps, reader, DIMACS conversion).
/// Runs in process with a short job so it takes about a minute; needs a Release build.
/// </summary>
internal sealed class MicroVerb : IVerb
{
    public string Name => "micro";

    public string Summary => "BenchmarkDotNet micro-benchmarks: validator on 1,000 stops, SISR steps, reader, DIMACS conversion (Release only)";

    public Task<int> RunAsync(string[] args)
    {
#if DEBUG
        Console.Error.WriteLine("micro: BenchmarkDotNet needs an optimised build; run with -c Release.");
        return Task.FromResult(2);
#else
        var config = ManualConfig.CreateMinimumViable()
            .AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance))
            .AddDiagnoser(MemoryDiagnoser.Default)
            .WithArtifactsPath(Path.Combine(Results.Folder, "tmp", "BenchmarkDotNet"))
            .WithOptions(ConfigOptions.DisableLogFile);
        var summary = BenchmarkRunner.Run<PlannerHotPaths>(config);
        var rows = new List<IReadOnlyList<string>>();
        var result = new Dictionary<string, object?>();
        foreach (var run in summary.Reports)
        {
            var method = run.BenchmarkCase.Descriptor.WorkloadMethod.Name;
            var meanUs = run.ResultStatistics?.Mean / 1000.0;
            var allocated = run.GcStats.GetBytesAllocatedPerOperation(run.BenchmarkCase);
            rows.Add([run.BenchmarkCase.Descriptor.WorkloadMethodDisplayInfo.Trim('\''), meanUs is { } m ? Results.F(m, 1) : "failed", allocated is { } a ? Results.F(a / 1024.0, 1) : "-"]);
            result[ToKey(method) + "_us"] = meanUs is { } mu ? Math.Round(mu, 1) : null;
            result[ToKey(method) + "_alloc_kb"] = allocated is { } al ? Math.Round(al / 1024.0, 1) : null;
        }
        var text = "Micro-benchmarks (BenchmarkDotNet ShortRun, in process)\n\n" + Results.Table(["benchmark", "mean µs", "allocated KB"], rows);
        Results.Publish("micro", text, result);
        return Task.FromResult(summary.HasCriticalValidationErrors || rows.Any(r => r[1] == "failed") ? 1 : 0);
#endif
    }

    private static string ToKey(string method) =>
        string.Concat(method.Select((c, i) => char.IsUpper(c) && i > 0 ? "_" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}
