using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Delivery.Benchmarks;

/// <summary>
/// Prints a results table, writes it under <c>benchmarks/results/</c>, and prints the final <c>RESULT {json}</c> line.
/// </summary>
public static class Results
{
    /// <summary>Folder <c>benchmarks/results</c> of the checkout (found from the working directory or the binary).</summary>
    public static string Folder
    {
        get
        {
            foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
            {
                for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                {
                    if (File.Exists(Path.Combine(dir.FullName, "Delivery.sln")))
                    {
                        var path = Path.Combine(dir.FullName, "benchmarks", "results");
                        Directory.CreateDirectory(path);
                        return path;
                    }
                }
            }
            var fallback = Path.Combine(Directory.GetCurrentDirectory(), "results");
            Directory.CreateDirectory(fallback);
            return fallback;
        }
    }

    /// <summary>Formats rows as an aligned text table.</summary>
    public static string Table(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows)
    {
        var all = new List<IReadOnlyList<string>> { header };
        all.AddRange(rows);
        var widths = Enumerable.Range(0, header.Count).Select(c => all.Max(r => c < r.Count ? r[c].Length : 0)).ToArray();
        var sb = new StringBuilder();
        for (var i = 0; i < all.Count; i++)
        {
            sb.AppendLine(string.Join("  ", all[i].Select((cell, c) => c == 0 ? cell.PadRight(widths[c]) : cell.PadLeft(widths[c]))).TrimEnd());
            if (i == 0)
            {
                sb.AppendLine(string.Join("  ", widths.Select(w => new string('-', w))));
            }
        }
        return sb.ToString();
    }

    /// <summary>
    /// Prints <paramref name="report"/>, writes it to <c>benchmarks/results/{name}.txt</c> (with the RESULT line),
    /// and prints <c>RESULT {json}</c> as the last line.
    /// </summary>
    public static void Publish(string name, string report, IReadOnlyDictionary<string, object?> result)
    {
        var json = JsonSerializer.Serialize(result);
        var text = report.TrimEnd() + Environment.NewLine + Environment.NewLine
            + $"machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}, "
            + $"at {DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC, load average {LoadAverage()} (1, 5, 15 min)" + Environment.NewLine
            + $"RESULT {json}" + Environment.NewLine;
        var path = Path.Combine(Folder, name + ".txt");
        File.WriteAllText(path, text);
        Console.WriteLine(report.TrimEnd());
        Console.WriteLine($"(written to {path})");
        Console.WriteLine($"RESULT {json}");
    }

    /// <summary>The 1-, 5- and 15-minute load averages from /proc/loadavg ("n/a" elsewhere): how contended the figures are.</summary>
    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    /// <summary>Formats a number with invariant culture and the given decimals.</summary>
    public static string F(double value, int decimals = 2) => value.ToString("F" + decimals, CultureInfo.InvariantCulture);
}
