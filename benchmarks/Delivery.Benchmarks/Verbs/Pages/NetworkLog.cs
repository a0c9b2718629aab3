using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Delivery.Benchmarks.Verbs.Pages;

/// <summary>
/// The responses a browser context received, as the browser's network log has them: JavaScript bytes on the wire
/// (the encoded body, so gzip when the host sends gzip) and the content encoding the host chose.
/// </summary>
internal sealed partial class NetworkLog
{
    private readonly ConcurrentQueue<IResponse> _responses = new();

    private NetworkLog()
    {
    }

    /// <summary>Starts recording every response of <paramref name="context"/> (pages and their workers).</summary>
    public static NetworkLog Attach(IBrowserContext context)
    {
        var log = new NetworkLog();
        context.Response += (_, r) => log._responses.Enqueue(r);
        return log;
    }

    /// <summary>JavaScript transferred: bytes on the wire, bytes decoded, files, and the encodings seen.</summary>
    public async Task<JsTransfer> JavaScriptAsync(Func<string, bool>? include = null)
    {
        var seen = new HashSet<string>();
        long wire = 0, decoded = 0;
        var encodings = new SortedSet<string>();
        var files = new List<string>();
        foreach (var r in _responses)
        {
            var path = new Uri(r.Url).AbsolutePath;
            if (!path.EndsWith(".js", StringComparison.Ordinal) || r.Status != 200 || (include is not null && !include(path)) || !seen.Add(path))
            {
                continue;
            }
            var sizes = await r.Request.SizesAsync();
            var encoding = await r.HeaderValueAsync("content-encoding") ?? "identity";
            // A dedicated worker's script has no body size in the log (0): its Content-Length header says what was sent.
            var body = sizes.ResponseBodySize > 0 ? sizes.ResponseBodySize
                : long.TryParse(await r.HeaderValueAsync("content-length"), System.Globalization.CultureInfo.InvariantCulture, out var length) ? length : 0;
            wire += body;
            decoded += (await r.BodyAsync()).Length;
            encodings.Add(encoding);
            files.Add($"{path} {body / 1024.0:F1} KB {encoding}");
        }
        return new JsTransfer(wire, decoded, seen.Count, string.Join(",", encodings), files);
    }

    /// <summary>The scripts a page's HTML loads before anything else: its entry module and the modules it preloads.</summary>
    public static async Task<HashSet<string>> EntryScriptsAsync(HttpClient client, string path)
    {
        var html = await client.GetStringAsync(path);
        return [.. ScriptRef().Matches(html).Select(m => m.Groups[1].Value)];
    }

    [GeneratedRegex("(?:src|href)=\"(/assets/[^\"]+\\.js)\"", RegexOptions.CultureInvariant)]
    private static partial Regex ScriptRef();
}

/// <summary>JavaScript of a page: <paramref name="WireBytes"/> as transferred, <paramref name="DecodedBytes"/> as run.</summary>
internal sealed record JsTransfer(long WireBytes, long DecodedBytes, int Files, string Encodings, IReadOnlyList<string> Detail)
{
    /// <summary>One line per file: path, KB on the wire, encoding.</summary>
    public string Listing => string.Join(Environment.NewLine, Detail.Select(d => "    " + d));

    public string Describe() => $"{WireBytes / 1024.0:F1} KB ({Files} files, {Encodings}; {DecodedBytes / 1024.0:F0} KB decoded)";
}
