using System.Diagnostics;
using System.Text;

namespace Delivery.Planner.Travel.Road;

/// <summary>Runs a command-line tool and captures its output; the tail of stderr/stdout explains a failure.</summary>
internal static class ExternalTool
{
    public sealed record Outcome(int ExitCode, string StandardOutput, string StandardError)
    {
        /// <summary>The last lines of stderr, or of stdout when stderr is empty: what to show in an error.</summary>
        public string Tail(int maxChars = 600)
        {
            var text = string.IsNullOrWhiteSpace(StandardError) ? StandardOutput : StandardError;
            text = text.Trim();
            return text.Length <= maxChars ? text : "…" + text[^maxChars..];
        }
    }

    public static async Task<Outcome> RunAsync(string fileName, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment, CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in arguments)
        {
            info.ArgumentList.Add(a);
        }
        foreach (var (k, v) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[k] = v;
        }
        using var process = new Process { StartInfo = info };
        var stdout = new StringBuilder();
        var stderr = new StringBuilder();
        process.OutputDataReceived += (_, e) => Append(stdout, e.Data);
        process.ErrorDataReceived += (_, e) => Append(stderr, e.Data);
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new RoadNetworkImportException($"Cannot start '{fileName}': {ex.Message}. Is it installed and on PATH?", ex);
        }
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
        return new Outcome(process.ExitCode, stdout.ToString(), stderr.ToString());
    }

    private static void Append(StringBuilder sb, string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (sb)
        {
            // Keep memory bounded: osm2pgrouting prints a progress bar per chunk.
            if (sb.Length > 64_000)
            {
                sb.Remove(0, sb.Length - 32_000);
            }
            sb.AppendLine(line);
        }
    }
}
