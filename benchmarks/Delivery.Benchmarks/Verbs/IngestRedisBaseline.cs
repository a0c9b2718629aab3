using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Delivery.Benchmarks.Verbs;

/// <summary>Runs <c>redis-benchmark -t set</c> against the private Redis: the machine's ceiling for simple writes.</summary>
internal static partial class IngestRedisBaseline
{
    public static async Task<double?> SetPerSecondAsync(string endpoint, int requests)
    {
        var parts = endpoint.Split(':');
        var info = new ProcessStartInfo("redis-benchmark", ["-h", parts[0], "-p", parts[1], "-t", "set", "-n", requests.ToString(CultureInfo.InvariantCulture), "-c", "50", "-q"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        try
        {
            using var process = Process.Start(info)!;
            var output = await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
            var matches = SetLine().Matches(output);
            return matches.Count == 0 ? null : double.Parse(matches[^1].Groups[1].Value, CultureInfo.InvariantCulture);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null; // redis-benchmark not installed
        }
    }

    [GeneratedRegex(@"SET: ([0-9.]+) requests per second")]
    private static partial Regex SetLine();
}
